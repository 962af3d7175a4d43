// MLP Lab end to end: the set-up as editable state in the address, the model editor, the
// Keras code, and Pause/Resume. The release build, served on localhost, in headless Chromium.
// Screenshots go to target/e2e/ (look at them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { servedLab, SHOTS, recordErrors } from './lab.mjs';
import { HEADERS } from './serve.mjs';

const lab = servedLab();

/** A fresh page at `url` (the lab, or a link into it) that records uncaught errors. */
async function open(url = lab.base, viewport = { width: 1280, height: 800 }) {
  const page = await lab.browser.newPage({ viewport, locale: 'en-US' });
  const errors = recordErrors(page);
  await page.goto(url);
  await page.waitForSelector('.app:not([data-state="loading"])');
  return { page, errors };
}

const text = (page, testid) => page.textContent(`[data-testid=${testid}]`);
const testLine = async (page) => (await text(page, 'log')).split('\n').at(-1);
const hash = (page) => page.evaluate(() => decodeURIComponent(location.hash));
/** The set-up as the editor shows it. */
const shown = (page) =>
  page.evaluate(() => {
    const all = (id) => [...document.querySelectorAll(`[data-testid=${id}]`)].map((e) => e.value);
    const one = (id) => document.querySelector(`[data-testid=${id}]`)?.value;
    return {
      dataset: one('dataset'),
      rows: document.querySelector('#rows')?.value,
      noise: document.querySelector('#noise')?.value,
      units: all('layer-units'),
      activations: all('layer-activation'),
      initializers: all('layer-initializer'),
      loss: one('loss'),
      optimizer: one('optimizer'),
      lr: one('lr'),
      momentum: one('momentum'),
      epochs: one('epochs'),
      seed: one('seed'),
      batch: one('batch-size'),
      validation: one('validation'),
    };
  });

async function generateAndTrain(page) {
  await page.click('[data-testid=generate]');
  await page.waitForSelector('.app[data-state="data"]');
  await page.click('[data-testid=train]');
  await page.waitForSelector('.app[data-state="done"]', { timeout: 90_000 });
}

test('a set-up made in the editor travels in the address: same fields, same code, same test figures', async () => {
  const { page, errors } = await open();
  await page.selectOption('[data-testid=dataset]', 'moons');
  await page.fill('#rows', '400');
  await page.fill('#noise', '0.1');
  await page.click('[data-testid=add-layer]');
  await page.fill('[data-testid=layer-units] >> nth=1', '8');
  await page.selectOption('[data-testid=layer-activation] >> nth=1', 'tanh');
  await page.selectOption('[data-testid=layer-initializer] >> nth=0', 'he_normal');
  await page.selectOption('[data-testid=optimizer]', 'sgd');
  await page.fill('[data-testid=lr]', '0.1');
  await page.fill('[data-testid=momentum]', '0.9');
  await page.fill('[data-testid=epochs]', '6');
  await page.fill('[data-testid=batch-size]', '16');
  await page.fill('[data-testid=seed]', '7');
  await page.selectOption('[data-testid=validation]', 'split');
  await page.fill('[data-testid=validation-split]', '0.25');
  const link = await page.evaluate(() => location.href);
  assert.match(decodeURIComponent(link), /#data=moons&rows=400&.*noise=0\.1&.*seed=7&layers=64:relu:he_normal,8:tanh,1:sigmoid&.*optimizer=sgd&lr=0\.1&momentum=0\.9&epochs=6&batch=16&validation=0\.25/);
  const setup = await shown(page);
  const code = await text(page, 'keras-code');
  assert.match(code, /keras\.optimizers\.SGD\(learning_rate=0\.1, momentum=0\.9\)/);
  assert.match(code, /validation_split=0\.25/);
  await generateAndTrain(page);
  const line = await testLine(page);
  assert.match(line, /^Test loss: \d\.\d{4}, Test accuracy: \d\.\d{4}$/);
  // 400 rows, 80 % train, 25 % of those validate: 240 rows, ⌈240 / 16⌉ = 15 steps, 6 epochs.
  assert.match(await text(page, 'log'), /Epoch 6\/6\n15\/15 \[/);

  const fresh = await open(link);
  assert.deepEqual(await shown(fresh.page), setup);
  assert.equal(await text(fresh.page, 'keras-code'), code);
  await generateAndTrain(fresh.page);
  assert.equal(await testLine(fresh.page), line, 'the same seed gives the same run');
  assert.deepEqual([...errors, ...fresh.errors], []);
  await page.close();
  await fresh.page.close();
});

test('a bad value in the address is named by its key; the rest applies; hashchange restores', async () => {
  const { page, errors } = await open(`${lab.base}#data=moons&layers=64:rellu&epochs=3&colour=red`);
  const message = await text(page, 'setup-errors');
  assert.match(message, /URL: layers: "64:rellu" — layer 1 "64:rellu": unknown activation "rellu"; expected one of linear, relu, /);
  assert.match(message, /URL: colour: "red" — unknown key/);
  const setup = await shown(page);
  assert.equal(setup.dataset, 'moons');
  assert.equal(setup.epochs, '3');
  assert.deepEqual(setup.units, ['64', '1'], 'the layers keep their default');

  // Typing another hash in the address bar restores that set-up, without reloading.
  await page.evaluate(() => (location.hash = '#data=iris&epochs=2&optimizer=rmsprop'));
  await page.waitForFunction(() => document.querySelector('[data-testid=dataset]').value === 'iris');
  const iris = await shown(page);
  assert.deepEqual([iris.epochs, iris.optimizer, iris.units.at(-1), iris.activations.at(-1)], ['2', 'rmsprop', '3', 'softmax']);
  assert.equal(await page.locator('[data-testid=setup-errors]').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('run=1 trains on load, and the address then drops run', async () => {
  const { page, errors } = await open(`${lab.base}#data=xor&rows=300&noise=0.05&layers=16:tanh,1:sigmoid&epochs=3&run=1`);
  await page.waitForSelector('.app[data-state="done"]', { timeout: 60_000 });
  const log = await text(page, 'log');
  assert.match(log, /Epoch 3\/3/);
  assert.match(await testLine(page), /^Test loss: /);
  assert.doesNotMatch(await hash(page), /run=/);
  assert.match(await hash(page), /layers=16:tanh,1:sigmoid/);

  // categorical_crossentropy: the worker one-hot encodes the class ids (Keras' to_categorical).
  const blobs = await open(`${lab.base}#data=blobs&classes=3&loss=categorical_crossentropy&epochs=5&run=1`);
  await blobs.page.waitForSelector('.app[data-state="done"]', { timeout: 60_000 });
  assert.ok(parseFloat(await text(blobs.page, 'test-accuracy')) >= 90, 'blobs are learned with one-hot labels');
  assert.match(await text(blobs.page, 'keras-code'), /to_categorical\(y_train, 3\)/);

  // EarlyStopping on coin-flip labels: val_loss stops improving long before 60 epochs.
  const early = await open(`${lab.base}#data=seed&epochs=60&early_stopping=val_loss&patience=2&run=1`);
  await early.page.waitForSelector('.app[data-state="done"]', { timeout: 90_000 });
  const epochs = (await text(early.page, 'log')).split('\n').filter((l) => /^Epoch \d+\/60$/.test(l)).length;
  assert.ok(epochs >= 3 && epochs < 60, `early stopping ran ${epochs} epochs`);
  assert.deepEqual([...errors, ...blobs.errors, ...early.errors], []);
  await page.close();
  await blobs.page.close();
  await early.page.close();
});

test('Pause holds the fit, Resume finishes it with every epoch', async () => {
  const { page, errors } = await open(`${lab.base}#data=seed&rows=60000&features=40&epochs=20`);
  await page.click('[data-testid=generate]');
  await page.waitForSelector('.app[data-state="data"]');
  await page.click('[data-testid=train]');
  // 20 epochs of 1,500 steps: the whole fit can take well under a second on a quiet machine, so
  // with 3 epochs a Pause sent after the first batch could arrive after the fit had ended.
  await page.waitForFunction(() => /Epoch 1\/20\n\d+\/1500/.test(document.querySelector('[data-testid=log]').textContent));
  await page.click('[data-testid=pause]');
  await page.waitForSelector('.app[data-state="paused"]');
  assert.match(await text(page, 'status'), /^Paused in epoch \d+ of 20\.$/);
  assert.equal(await page.isEnabled('[data-testid=resume]'), true);
  assert.equal(await page.isEnabled('[data-testid=stop]'), true);
  assert.equal(await page.isDisabled('[data-testid=train]'), true);
  await page.waitForTimeout(300); // a batch already posted may still arrive
  const held = await text(page, 'log');
  await page.waitForTimeout(700);
  assert.equal(await text(page, 'log'), held, 'nothing trains while paused');
  await page.click('[data-testid=resume]');
  await page.waitForSelector('.app[data-state="done"]', { timeout: 120_000 });
  const lines = (await text(page, 'log')).split('\n');
  for (let e = 1; e <= 20; e++) assert.ok(lines.includes(`Epoch ${e}/20`), `no "Epoch ${e}/20"`);
  // 60000 rows, 80 % train: 48000 / 32 = 1500 steps an epoch, twenty epoch lines.
  assert.equal(lines.filter((l) => /^1500\/1500 \[={30}\] .* - val_loss: /.test(l)).length, 20);
  assert.match(lines.at(-1), /^Test loss: /);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the model editor: layers, a misfit said and Train off, the Keras code and summary follow, Copy', async () => {
  const { page, errors } = await open(`${lab.base}#data=iris&layers=16:relu,1:sigmoid&loss=binary_crossentropy&lr=0.01&epochs=60`);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.click('[data-testid=generate]');
  await page.waitForSelector('.app[data-state="data"]');
  assert.match(await text(page, 'model-misfit'), /the output layer dense_1 has 1 unit with sigmoid and the loss is binary_crossentropy, but the data has 3 classes/);
  assert.match(await text(page, 'train-blocked'), /^Train is off: the output layer dense_1/);
  assert.equal(await page.isDisabled('[data-testid=train]'), true);

  await page.fill('[data-testid=layer-units] >> nth=1', '3');
  await page.selectOption('[data-testid=layer-activation] >> nth=1', 'softmax');
  await page.selectOption('[data-testid=loss]', 'sparse_categorical_crossentropy');
  assert.equal(await page.locator('[data-testid=model-misfit]').count(), 0);
  assert.equal(await page.isEnabled('[data-testid=train]'), true);
  // iris: 4 features. 4·16 + 16 = 80, 16·3 + 3 = 51.
  assert.match(await text(page, 'model-summary'), /Total params: 131/);

  const before = await text(page, 'keras-code');
  assert.equal(before.match(/layers\.Dense\(/g).length, 2);
  assert.match(before, /data = pd\.read_csv\('iris\.csv'\)/);
  assert.match(before, /scaler = StandardScaler\(\)\.fit\(X_train\)/);
  await page.click('[data-testid=add-layer]');
  const after = await text(page, 'keras-code');
  assert.equal(after.match(/layers\.Dense\(/g).length, 3);
  assert.match(after, /layers\.Dense\(16, activation='relu'\),\n {4}layers\.Dense\(16, activation='relu'\),\n {4}layers\.Dense\(3, activation='softmax'\)/);
  assert.match(await text(page, 'model-summary'), /dense_2 \(Dense\)/);
  assert.match(await hash(page), /layers=16:relu,16:relu,3:softmax/);

  // Move the new layer up, then remove it: the code follows each step.
  await page.fill('[data-testid=layer-units] >> nth=1', '5');
  await page.click('[data-testid=layer-up] >> nth=1');
  assert.match(await hash(page), /layers=5:relu,16:relu,3:softmax/);
  await page.click('[data-testid=layer-remove] >> nth=0');
  assert.match(await hash(page), /layers=16:relu,3:softmax&/);
  assert.equal(await text(page, 'keras-code'), before);

  await page.click('[data-testid=copy-code]');
  await page.waitForFunction(() => document.querySelector('[data-testid=copy-status]').textContent !== '');
  assert.equal(await text(page, 'copy-status'), 'Copied');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), before);

  await page.click('[data-testid=train]');
  await page.waitForSelector('.app[data-state="done"]', { timeout: 60_000 });
  assert.ok(parseFloat(await text(page, 'test-accuracy')) >= 80, 'iris is learned');
  await page.locator('#panel-model').screenshot({ path: resolve(SHOTS, 'model-panel-1280x800.png') });
  assert.deepEqual(errors, []);
  await page.close();
});

test('the model panel on a phone-sized screen', async () => {
  const { page } = await open(`${lab.base}#data=spirals&layers=32:relu:he_normal,32:tanh,1:sigmoid&schedule=exponential_decay&early_stopping=val_loss&patience=3`, { width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  await page.locator('#panel-model').screenshot({ path: resolve(SHOTS, 'model-panel-390x844.png') });
  // A refused clipboard is said, with what to do instead.
  await page.evaluate(() => (navigator.clipboard.writeText = () => Promise.reject(new Error('denied'))));
  await page.click('[data-testid=copy-code]');
  await page.waitForFunction(() => document.querySelector('[data-testid=copy-status]').textContent !== '');
  assert.equal(await text(page, 'copy-status'), 'Not copied (the browser refused the clipboard): select the code and press Ctrl+C');
  await page.close();
});

test('a run that diverges says so in words, and the page trains again without a reload', async () => {
  // SGD at a learning rate of 10 (the largest the address takes) on a linear output and mean
  // squared error: the weights blow up within the first epoch.
  const diverging = `${lab.base}#data=linear&rows=300&layers=16:relu,1:linear&loss=mean_squared_error&optimizer=sgd&lr=10&epochs=5&run=1`;
  const { page, errors } = await open(diverging);
  await page.waitForSelector('.app[data-state="failed"]', { timeout: 60_000 });
  const message = await text(page, 'error');
  assert.match(message, /epoch \d+/i, `the message names where it happened: ${message}`);
  assert.match(message, /NaN|infinite|diverge/i, `the message says what happened: ${message}`);

  // The same set-up at Keras' default learning rate trains to the end in the same page.
  await page.fill('[data-testid=lr]', '0.01');
  await page.click('[data-testid=train]');
  await page.waitForSelector('.app[data-state="done"]', { timeout: 60_000 });
  assert.match(await testLine(page), /^Test loss: \d/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a worker that dies mid-run (a panic) is said in words, and Train starts a new one with the same data', async () => {
  // The worker as built, but it dies on the first Train as a Rust panic does: an uncaught error
  // in its message handler, and no more messages handled. A message is its postcard bytes, which
  // start with the variant's index: Train is ToWorker's fourth (src/protocol/mod.rs), 3.
  const crashing = `
    self.addEventListener('message', (event) => {
      if (event.data instanceof Uint8Array && event.data[0] === 3) {
        event.stopImmediatePropagation();
        self.close();
        throw new Error("panicked at src/nn/fit.rs: a simulated panic");
      }
    });
    const { default: init } = await import('./worker_relaxed.js');
    await init();`;
  const page = await lab.browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // With the server's headers: a cross-origin isolated page loads no worker script without COEP.
  await page.route('**/worker_relaxed_loader.js', (route) => route.fulfill({ contentType: 'text/javascript', headers: HEADERS, body: crashing }));
  await page.goto(lab.base);
  await page.waitForSelector('.app[data-state="ready"]');
  await page.fill('[data-testid=epochs]', '3');
  await page.click('[data-testid=generate]');
  await page.waitForSelector('.app[data-state="data"]');
  await page.click('[data-testid=train]');
  await page.waitForSelector('.app[data-state="failed"]');
  const message = await text(page, 'error');
  assert.match(message, /the training worker stopped: .*a simulated panic/, message);
  assert.match(message, /Press Train to start a new one; your set-up is kept/);
  assert.equal(await page.inputValue('[data-testid=epochs]'), '3', 'the set-up is kept');

  // The next Train starts a healthy worker, hands it the same data, and trains to the end.
  await page.unroute('**/worker_relaxed_loader.js');
  await page.click('[data-testid=train]');
  await page.waitForSelector('.app[data-state="done"]', { timeout: 60_000 });
  assert.match(await testLine(page), /^Test loss: \d\.\d{4}, Test accuracy: \d\.\d{4}$/);
  assert.equal(await page.locator('[data-testid=error]').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});
