// Regularisation end to end: Dropout, BatchNormalization and L1/L2 from a link and from the
// editor, trained in the worker; the gap between training and test accuracy of an overfitting
// set-up shrinks with L2 and with Dropout, on screen. Screenshots go to target/e2e/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { servedLab, SHOTS, recordErrors } from './lab.mjs';

const lab = servedLab();

async function open(hash = '', viewport = { width: 1280, height: 800 }) {
  const page = await lab.browser.newPage({ viewport, locale: 'en-US' });
  const errors = recordErrors(page);
  await page.goto(`${lab.base}${hash}`);
  await page.waitForSelector('.app[data-state]');
  return { page, errors };
}

const text = (page, testid) => page.textContent(`[data-testid=${testid}]`);
const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));
const percent = async (page, testid) => parseFloat(await text(page, testid));

test('a link with dropout, an L2 regularizer and batch_norm trains circles above 90%', async () => {
  const link = '#data=circles&noise=0.1&layers=32:relu:he_normal:l2=0.001,dropout:0.2,batch_norm,16:relu,1:sigmoid&epochs=30&run=1';
  const { page, errors } = await open(link);
  await page.waitForSelector('.app[data-state="done"]', { timeout: 120_000 });
  const accuracy = await percent(page, 'test-accuracy');
  assert.ok(accuracy > 90, `circles with regularisation: test accuracy ${accuracy}%`);
  // The layers are what the link said, in the editor, the summary and the code.
  const kinds = await page.$$eval('[data-testid=layer]', (rows) => rows.map((r) => r.dataset.kind));
  assert.deepEqual(kinds, ['Dense', 'Dropout', 'BatchNormalization', 'Dense', 'Dense']);
  // summary() as Keras prints it: a row a layer (name and class, output shape, parameters).
  const rows = await page.$$eval('[data-testid=model-summary] tbody tr', (trs) =>
    trs.map((tr) => [...tr.cells].map((c) => c.textContent)),
  );
  assert.deepEqual(rows[1], ['dropout (Dropout)', '(None, 32)', '0']);
  assert.deepEqual(rows[2], ['batch_normalization (BatchNormalization)', '(None, 32)', '128']);
  assert.match(await text(page, 'model-summary'), /Non-trainable params: 64 \(256\.00 B\)/);
  const code = await text(page, 'keras-code');
  assert.match(code, /keras\.utils\.set_random_seed\(42\)/);
  assert.match(code, /layers\.Dense\(32, activation='relu', kernel_initializer='he_normal', kernel_regularizer=keras\.regularizers\.L2\(0\.001\)\)/);
  assert.match(code, /layers\.Dropout\(0\.2\),\n {4}layers\.BatchNormalization\(\),/);
  assert.match(await hash(page), /layers=32:relu:he_normal:l2=0\.001,dropout:0\.2,batch_norm,16:relu,1:sigmoid/);
  await page.screenshot({ path: resolve(SHOTS, 'layers-regularised-1280x800.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

/** Trains the seed example's random labels on `layers`; returns (train, test) accuracy in %. */
async function gap(layers) {
  const { page, errors } = await open(`#data=seed&rows=200&test_size=0.5&epochs=200&layers=${layers}&run=1`);
  await page.waitForSelector('.app[data-state="done"]', { timeout: 120_000 });
  const train = await percent(page, 'train-accuracy');
  const testAccuracy = await percent(page, 'test-accuracy');
  assert.deepEqual(errors, []);
  return { page, train, test: testAccuracy };
}

test('an overfitting set-up: L2 and Dropout shrink the gap between training and test accuracy, on screen', async () => {
  const plain = await gap('256:relu,256:relu,1:sigmoid');
  assert.ok(plain.train - plain.test >= 30, `a 256-256 network memorises coin flips: ${JSON.stringify(plain)}`);
  assert.equal(await plain.page.getAttribute('[data-testid=accuracy-pair]', 'data-verdict'), 'memorised');
  await plain.page.close();
  const l2 = await gap('256:relu:l2=0.01,256:relu:l2=0.01,1:sigmoid');
  const dropout = await gap('256:relu,dropout:0.5,256:relu,dropout:0.5,1:sigmoid');
  const widths = { plain: plain.train - plain.test, l2: l2.train - l2.test, dropout: dropout.train - dropout.test };
  assert.ok(widths.l2 < widths.plain - 15, `L2 shrinks the gap: ${JSON.stringify(widths)}`);
  assert.ok(widths.dropout < widths.plain - 4, `Dropout shrinks the gap: ${JSON.stringify(widths)}`);
  await l2.page.locator('#panel-evaluate').screenshot({ path: resolve(SHOTS, 'layers-l2-evaluate.png') });
  await l2.page.close();
  await dropout.page.close();
});

test('the editor adds Dropout and BatchNormalization, sets a rate and an L2 factor; the address, summary and code follow', async () => {
  const { page, errors } = await open();
  await page.click('[data-testid=add-dropout]');
  await page.click('[data-testid=add-batch-norm]');
  let kinds = await page.$$eval('[data-testid=layer]', (rows) => rows.map((r) => r.dataset.kind));
  assert.deepEqual(kinds, ['Dense', 'Dropout', 'BatchNormalization', 'Dense'], 'new layers go before the output layer');
  await page.fill('[data-testid=layer-rate]', '0.3');
  await page.locator('[data-testid=layer-l2]').first().fill('0.002');
  await page.waitForFunction(() => decodeURIComponent(location.hash).includes('layers=64:relu:l2=0.002,dropout:0.3,batch_norm,1:sigmoid'));
  assert.match(await text(page, 'keras-code'), /layers\.Dropout\(0\.3\)/);
  // A rate of 1 is refused in words, and the layer keeps its rate.
  await page.fill('[data-testid=layer-rate]', '1');
  assert.match(await page.textContent('.layer[data-kind=Dropout] .field-error'), /enter a number from 0 up to \(not including\) 1/);
  assert.match(await hash(page), /dropout:0\.3/);
  // Moved last, a Dropout layer is no output layer: said, and Train is off.
  await page.click('[data-testid=generate]');
  await page.waitForSelector('.app[data-state="data"]');
  await page.locator('.layer[data-kind=Dropout] [data-testid=layer-down]').click();
  await page.locator('.layer[data-kind=Dropout] [data-testid=layer-down]').click();
  assert.match(await text(page, 'model-misfit'), /the last layer dropout is Dropout; the output layer must be Dense/);
  assert.equal(await page.isDisabled('[data-testid=train]'), true);
  await page.locator('.layer[data-kind=Dropout] [data-testid=layer-remove]').click();
  kinds = await page.$$eval('[data-testid=layer]', (rows) => rows.map((r) => r.dataset.kind));
  assert.deepEqual(kinds, ['Dense', 'BatchNormalization', 'Dense']);
  assert.equal(await page.isEnabled('[data-testid=train]'), true);
  await page.locator('#panel-model').screenshot({ path: resolve(SHOTS, 'layers-editor-1280x800.png') });
  assert.deepEqual(errors, []);
  await page.close();

  const phone = await open('#layers=64:relu:l1=0.01:l2=0.01,dropout:0.5,batch_norm,1:sigmoid', { width: 390, height: 844 });
  await phone.page.locator('[data-testid=layers]').screenshot({ path: resolve(SHOTS, 'layers-editor-390x844.png') });
  await phone.page.close();
});
