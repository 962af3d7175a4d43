// MLP Lab end to end in both languages: a browser that prefers Chinese gets the whole page in
// Chinese (labels, messages, charts, the diagram); the toggle switches everything, keeps what the
// user made, and is remembered. Screenshots go to target/e2e/ (look at them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { servedLab, SHOTS, recordErrors, trainToEnd } from './lab.mjs';

const lab = servedLab();

async function openLab(locale, viewport = { width: 1280, height: 800 }) {
  const context = await lab.browser.newContext({ viewport, locale });
  const page = await context.newPage();
  const errors = recordErrors(page);
  await page.goto(lab.base);
  await page.waitForSelector('.app[data-state="ready"]');
  return { page, errors, context };
}

/**
 * Words in Latin letters that a user reads on the page (text, and the labels, titles and
 * placeholders screen readers and tooltips show), outside what stays as Keras and Python print
 * it: the Keras log, model.summary(), the Keras code.
 */
function latinWords(page) {
  return page.evaluate(() => {
    const skip = (el) => el.closest('pre, code, [data-testid=log], [data-testid=keras-code], [data-testid=model-summary], .visually-hidden-code');
    const words = new Set();
    const add = (text) => (text.match(/[A-Za-z][A-Za-z0-9_]*[A-Za-z0-9]/g) ?? []).forEach((w) => words.add(w));
    const root = document.querySelector('.app');
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!el || skip(el) || el.closest('[hidden], template')) continue;
      if (el.closest('select') && !el.closest('option')) continue;
      add(node.textContent);
    }
    for (const el of root.querySelectorAll('[aria-label], [title], [placeholder]')) {
      if (skip(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder']) add(el.getAttribute(name) ?? '');
    }
    return [...words].sort();
  });
}

// What stays in Latin letters in Chinese: names of things (the product, Keras' layers,
// activations, initializers, losses, optimizers, schedules and metrics, file formats, web
// platform names), key names (Ctrl, as Chinese keyboards print it), units and symbols. Feature columns (x0, x1, …) are the data's own names.
const NAMES = new Set(
  `Ctrl COOP COEP MLP Lab Keras TensorFlow Python Mermaid Stability AI Web Worker WebAssembly SIMD FMA CSV UTF URL ROC AUC XOR ReLU English
   Dense dense dense_1 dense_2 dense_3 relu sigmoid softmax tanh linear elu selu gelu swish leaky_relu
   glorot_uniform glorot_normal he_uniform he_normal lecun_uniform lecun_normal zeros ones random_uniform random_normal
   binary_crossentropy categorical_crossentropy sparse_categorical_crossentropy mean_squared_error mean_absolute_error
   sgd adam rmsprop SGD Adam RMSprop amsgrad nesterov momentum beta_1 beta_2 epsilon rho
   exponential_decay piecewise_constant_decay cosine_decay constant
   EarlyStopping val_loss val_accuracy loss accuracy min_delta patience restore_best_weights validation_split
   Dropout BatchNormalization dropout batch_normalization L1 L2 L1L2 rate
   Sequential compile fit validation_data F1 f32x4 iris wine breast_cancer`.split(/\s+/),
);

test('a browser that prefers Chinese gets the page in Chinese: labels, status, charts, evaluation, the diagram', async () => {
  const { page, errors, context } = await openLab('zh-CN');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  assert.equal(await page.getAttribute('[data-testid=lang]', 'data-lang'), 'zh');
  assert.equal((await page.textContent('[data-testid=lang]')).trim(), 'English');
  assert.equal((await page.textContent('[data-testid=train]')).trim(), '训练');
  // The key-factors diagram is the Chinese one.
  assert.match(await page.getAttribute('[data-testid=diagram]', 'aria-label'), /[\u4e00-\u9fff]/);

  await page.click('[data-testid=generate]');
  await page.waitForSelector('.app[data-state="data"]');
  await trainToEnd(page);
  assert.match(await page.textContent('[data-testid=status]'), /^完成/);
  // The Keras log is Keras' own, in both languages.
  assert.match(await page.textContent('[data-testid=log]'), /Test loss: \d\.\d{4}, Test accuracy: \d\.\d{4}/);
  // Chart summaries for screen readers are Chinese too.
  for (const id of ['loss-chart', 'accuracy-chart']) {
    assert.match(await page.getAttribute(`[data-testid=${id}]`, 'aria-label'), /[\u4e00-\u9fff]/, id);
  }

  const left = (await latinWords(page)).filter((w) => !NAMES.has(w) && !/^x\d+$/.test(w));
  assert.deepEqual(left, [], `English left on the Chinese page: ${left.join(', ')}`);

  await page.screenshot({ path: resolve(SHOTS, 'app-zh-1280x800.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the toggle switches every word and the message on screen, keeps the run and the set-up, and is remembered', async () => {
  const { page, errors, context } = await openLab('en-US');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal((await page.textContent('[data-testid=lang]')).trim(), '中文');

  // A run, a set-up change and an error on screen, then the switch.
  await page.fill('[data-testid=epochs]', '3');
  await page.click('[data-testid=generate]');
  await page.waitForSelector('.app[data-state="data"]');
  await trainToEnd(page);
  const log = await page.textContent('[data-testid=log]');
  const draws = Number(await page.getAttribute('[data-testid=loss-chart]', 'data-draws'));
  await page.selectOption('[data-testid=dataset]', 'csv');
  await page.setInputFiles('[data-testid=csv-file]', { name: 'ragged.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b,c\n1,2,3\n4,5\n') });
  await page.waitForSelector('[data-testid=error]');
  assert.match(await page.textContent('[data-testid=error]'), /ragged\.csv: line 3: found 2 fields, but the header has 3/);
  const hash = await page.evaluate(() => location.hash);

  await page.focus('[data-testid=lang]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
  const error = await page.textContent('[data-testid=error]');
  assert.match(error, /ragged\.csv/);
  assert.match(error, /3/);
  assert.match(error, /[\u4e00-\u9fff]/, `the message on screen is still English: ${error}`);
  assert.equal((await page.textContent('[data-testid=train]')).trim(), '训练');
  // The file picker's button is the page's, in the page's language (not the browser's).
  assert.equal(await page.textContent('.pick-button'), '选择 CSV 文件…');
  assert.ok(await page.locator('[data-testid=csv-file]').evaluate((e) => e.getBoundingClientRect().width <= 1), 'the native button is hidden');
  // The canvases redraw in Chinese; nothing the user made is lost.
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=loss-chart]').dataset.draws) > n, draws);
  assert.match(await page.getAttribute('[data-testid=loss-chart]', 'aria-label'), /[\u4e00-\u9fff]/);
  assert.equal(await page.textContent('[data-testid=log]'), log);
  assert.equal(await page.inputValue('[data-testid=epochs]'), '3');
  assert.equal(await page.evaluate(() => location.hash), hash, 'the set-up in the address is kept');
  await page.screenshot({ path: resolve(SHOTS, 'app-zh-switched-1280x800.png'), fullPage: true });

  // Remembered: a reload stays in Chinese although the browser prefers English.
  await page.reload();
  await page.waitForSelector('.app[data-state="ready"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  await page.click('[data-testid=lang]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal((await page.textContent('[data-testid=train]')).trim(), 'Train');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Chinese on a phone-sized screen', async () => {
  const { page, errors, context } = await openLab('zh-CN', { width: 390, height: 844 });
  await page.click('[data-testid=generate]');
  await page.waitForSelector('.app[data-state="data"]');
  await trainToEnd(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  await page.screenshot({ path: resolve(SHOTS, 'app-zh-390x844.png'), fullPage: true });
  // The first screen as the phone shows it, and the results (readable at their own size).
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: resolve(SHOTS, 'app-zh-390x844-top.png') });
  await page.locator('#panel-evaluate').screenshot({ path: resolve(SHOTS, 'app-zh-390x844-evaluate.png') });
  assert.deepEqual(errors, []);
  await context.close();
});
