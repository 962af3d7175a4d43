// MLP Lab end to end, the Train and Evaluate views: live charts, the decision boundary, the
// evaluation detail, the speed, and the theme toggle. Screenshots go to target/e2e/ (look at them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { servedLab, SHOTS, watchLongTasks, pageNow, longTasksBetween, colourShare, recordErrors, trainToEnd, LONG_TASK_LIMIT_MS } from './lab.mjs';

const lab = servedLab();

/** A fresh page that records errors, long main-thread tasks, and animation frames while training. */
async function openLab(viewport = { width: 1280, height: 800 }) {
  const page = await lab.browser.newPage({ viewport, locale: 'en-US' });
  const errors = recordErrors(page);
  await watchLongTasks(page);
  await page.addInitScript(() => {
    window.__frames = 0;
    const count = () => {
      window.__frames++;
      requestAnimationFrame(count);
    };
    requestAnimationFrame(count);
  });
  await page.goto(lab.base);
  await page.waitForSelector('.app[data-state="ready"]');
  return { page, errors };
}

/** Shares of the canvas' pixels tinted towards class 1's orange and towards class 0's slate (light theme). */
async function tints(page, testid) {
  // A canvas draws in the frame after its box is first observed (see colourShare in lab.mjs).
  await page.waitForSelector(`[data-testid=${testid}][data-draws]`, { state: 'attached' });
  return page.evaluate((testid) => {
    const canvas = document.querySelector(`[data-testid=${testid}]`);
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let orange = 0;
    let slate = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i], data[i + 1], data[i + 2]];
      if (r > b + 20 && r > g) orange++;
      else if (b > r + 2 && r < 245 && b - r < 40) slate++;
    }
    const n = data.length / 4;
    return { orange: orange / n, slate: slate / n };
  }, testid);
}

/** The colour of a canvas' top-left pixel (its background). */
async function corner(page, testid) {
  await page.waitForSelector(`[data-testid=${testid}][data-draws]`, { state: 'attached' });
  return page.evaluate((testid) => {
    const canvas = document.querySelector(`[data-testid=${testid}]`);
    return Array.from(canvas.getContext('2d').getImageData(1, 1, 1, 1).data.slice(0, 3));
  }, testid);
}

/** A full-page screenshot, and one of each results region (small enough to look at closely). */
async function shots(page, name) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.screenshot({ path: resolve(SHOTS, `${name}.png`), fullPage: true });
  // On a phone the diagram is folded into the stage strip (the diagram shows when asked for).
  const diagram = page.viewportSize().width < 720 ? '[data-testid=stage-strip]' : '#panel-diagram';
  for (const [part, selector] of [['header', '.header'], ['diagram', diagram], ['train', '#panel-train'], ['evaluate', '#panel-evaluate']]) {
    await page.locator(selector).screenshot({ path: resolve(SHOTS, `${name}-${part}.png`) });
  }
}

async function circles(page) {
  await page.selectOption('[data-testid=dataset]', 'circles');
  await page.fill('#noise', '0.05');
  await page.click('[data-testid=generate]');
  await page.waitForSelector('.app[data-state="data"]');
}

test('circles: the boundary shades both classes live, both curves are drawn once a frame, and the evaluation adds up', async () => {
  const { page, errors } = await openLab();
  await page.check('[data-testid=theme-light]');
  // A first run compiles the page's drawing code (the wasm is compiled lazily, function by
  // function); the run measured below is the second, as a user's every run after the first.
  await circles(page);
  await trainToEnd(page);
  await circles(page);
  await page.waitForFunction(() => !document.querySelector('[data-testid=boundary]')?.getAttribute('aria-label').includes('after'));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const before = await tints(page, 'boundary');

  const charts = ['loss-chart', 'accuracy-chart', 'boundary'];
  const trainFrom = await pageNow(page);
  const drawsAtStart = await page.evaluate((charts) => {
    window.__framesAtStart = window.__frames;
    return charts.map((id) => Number(document.querySelector(`[data-testid=${id}]`).dataset.draws ?? 0));
  }, charts);
  await trainToEnd(page);
  const frames = await page.evaluate(() => window.__frames - window.__framesAtStart);

  // The heatmap covers the plane in both class colours, under the points.
  const after = await tints(page, 'boundary');
  assert.ok(after.orange > before.orange + 0.08, `class 1's region: ${JSON.stringify({ before, after })}`);
  assert.ok(after.slate > before.slate + 0.08, `class 0's region: ${JSON.stringify({ before, after })}`);
  assert.match(await page.getAttribute('[data-testid=boundary]', 'aria-label'), /^Decision boundary after 10 epochs/);

  // Accuracy: training in blue, validation in orange.
  assert.ok((await colourShare(page, 'accuracy-chart', [37, 99, 235])) > 0.001, 'no accuracy curve');
  assert.ok((await colourShare(page, 'accuracy-chart', [234, 88, 12])) > 0.001, 'no val_accuracy curve');
  assert.match(await page.getAttribute('[data-testid=accuracy-chart]', 'aria-label'), /^Accuracy rose from \d+\.\d% to \d+\.\d% over 10 epochs; validation \d+\.\d%\.$/);
  assert.match(await page.getAttribute('[data-testid=loss-chart]', 'aria-label'), /^Loss fell from \d\.\d{4} to \d\.\d{4} over 10 epochs; validation \d\.\d{4}\.$/);

  // Ten epochs, many boundary maps and speeds: at most one redraw per animation frame (counted
  // over this run only: the canvases also drew for the new data before it).
  for (const [i, id] of charts.entries()) {
    const draws = Number(await page.getAttribute(`[data-testid=${id}]`, 'data-draws')) - drawsAtStart[i];
    assert.ok(draws >= 1 && draws <= frames, `${id}: ${draws} draws in ${frames} frames`);
  }

  // The log scale redraws the loss chart, still with both curves.
  const drawsBefore = Number(await page.getAttribute('[data-testid=loss-chart]', 'data-draws'));
  await page.check('[data-testid=log-scale]');
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid=loss-chart]').dataset.draws) > n, drawsBefore);
  assert.ok((await colourShare(page, 'loss-chart', [37, 99, 235])) > 0.001, 'no loss curve on the log scale');

  // The speed, measured in the worker.
  const speed = await page.textContent('[data-testid=speed]');
  const [, perSecond] = speed.match(/([\d,]+) samples\/s · [\d.]+ (µs|ms)\/step · SIMD \+ FMA/) ?? [];
  assert.ok(Number(perSecond?.replaceAll(',', '')) > 0, `speed: ${speed}`);
  // And beside the key-factors diagram's compute node (计算资源).
  assert.match(await page.textContent('[data-testid=compute-node-speed]'), /^[1-9][\d.]*[kM]? samples\/s$/);
  // Whole, inside the diagram's card (a narrow sidebar once clipped it).
  const [badge, card] = await Promise.all(['[data-testid=compute-node-speed]', '#panel-diagram'].map((s) => page.locator(s).boundingBox()));
  assert.ok(badge.x >= card.x && badge.x + badge.width <= card.x + card.width, `badge ${JSON.stringify(badge)} outside ${JSON.stringify(card)}`);

  // The confusion matrix holds every test row, and its diagonal is the printed test accuracy.
  const cells = await page.$$eval('[data-testid=confusion-cell]', (tds) =>
    tds.map((td) => ({ t: Number(td.dataset.true), p: Number(td.dataset.pred), n: Number(td.textContent) })),
  );
  assert.equal(cells.length, 4);
  const total = cells.reduce((s, c) => s + c.n, 0);
  const right = cells.filter((c) => c.t === c.p).reduce((s, c) => s + c.n, 0);
  assert.equal(total, 200, 'a 20% test split of 1,000 rows');
  assert.equal(`${((right / total) * 100).toFixed(1)}%`, await page.textContent('[data-testid=test-accuracy]'));
  assert.match(await page.textContent('[data-testid=macro-average]'), /macro avg\s*[01]\.\d\d\s*[01]\.\d\d\s*[01]\.\d\d\s*200/);

  // A binary task: its ROC curve and AUC.
  const auc = Number((await page.textContent('[data-testid=auc]')).replace('AUC ', ''));
  assert.ok(auc > 0.9 && auc <= 1, `AUC ${auc}`);
  assert.ok((await colourShare(page, 'roc-chart', [37, 99, 235])) > 0.002, 'no ROC curve');
  assert.equal(await page.getAttribute('[data-testid=accuracy-pair]', 'data-verdict'), 'generalises');

  // The page never blocked while the worker trained and the boundary updated.
  const longTasks = await longTasksBetween(page, trainFrom, { state: 'done' });
  assert.ok(longTasks.every((d) => d <= LONG_TASK_LIMIT_MS), `long tasks during training: ${longTasks}`);
  await page.uncheck('[data-testid=log-scale]');
  await shots(page, 'results-light-1280x800');
  await page.check('[data-testid=theme-dark]');
  await shots(page, 'results-dark-1280x800');
  assert.deepEqual(errors, []);
  await page.close();
});

test('random labels: the training rows are learned better than the test rows, which stay at chance, and the page says so', async () => {
  const { page, errors } = await openLab();
  // The seed's random labels, with 200 features: enough weights to memorise 800 rows a little in 10 epochs.
  await page.fill('#features', '200');
  await page.click('[data-testid=generate]');
  await page.waitForSelector('.app[data-state="data"]');
  await trainToEnd(page);
  const percent = async (id) => parseFloat(await page.textContent(`[data-testid=${id}]`)) / 100;
  const [train, test] = [await percent('train-accuracy'), await percent('pair-test-accuracy')];
  assert.equal(`${(test * 100).toFixed(1)}%`, await page.textContent('[data-testid=test-accuracy]'));
  assert.ok(Math.abs(test - 0.5) <= 0.07, `test accuracy ${test}`);
  assert.ok(train - test >= 0.1, `training ${train}, test ${test}`);
  assert.equal(await page.getAttribute('[data-testid=accuracy-pair]', 'data-verdict'), 'memorised');
  assert.match(await page.textContent('[data-testid=verdict]'), /memorised the training rows: test accuracy is at chance/);
  await shots(page, 'results-memorised-1280x800');
  assert.ok(await page.isVisible('[data-testid=roc-chart]'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the theme toggle: light, dark and the system, by keyboard, remembered, with every canvas redrawn', async () => {
  const { page, errors } = await openLab();
  await circles(page);
  await trainToEnd(page);
  const theme = () => page.evaluate(() => document.documentElement.dataset.theme);

  await page.check('[data-testid=theme-dark]');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  for (const id of ['loss-chart', 'accuracy-chart', 'boundary', 'roc-chart', 'scatter']) {
    assert.deepEqual(await corner(page, id), [23, 27, 36], `${id} has the dark background`);
  }
  const bodyDark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  // Keyboard: focus the chosen radio, arrow to the next one.
  await page.focus('[data-testid=theme-dark]');
  await page.keyboard.press('ArrowLeft');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'theme-light');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  for (const id of ['loss-chart', 'accuracy-chart', 'boundary', 'roc-chart', 'scatter']) {
    assert.deepEqual(await corner(page, id), [255, 255, 255], `${id} has the light background`);
  }
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), bodyDark);

  // Remembered across visits.
  await page.check('[data-testid=theme-dark]');
  await page.reload();
  await page.waitForSelector('.app[data-state="ready"]');
  assert.equal(await theme(), 'dark');
  assert.equal(await page.isChecked('[data-testid=theme-dark]'), true);

  // The system's choice follows the emulated preference.
  await page.check('[data-testid=theme-system]');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the results views on a phone, light and dark', async () => {
  const { page, errors } = await openLab({ width: 390, height: 844 });
  await page.check('[data-testid=theme-light]');
  await circles(page);
  await trainToEnd(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  await shots(page, 'results-light-390x844');
  await page.check('[data-testid=theme-dark]');
  await shots(page, 'results-dark-390x844');
  assert.deepEqual(errors, []);
  await page.close();
});
