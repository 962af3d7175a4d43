// What a new user or an adversarial tester would notice (issue 17): nothing misleads (stale
// results, an early stop, a verdict on too few rows, the status line, a key given twice), nothing
// is lost by leaving during a run, the keyboard and the screen reader follow a run, and on a
// phone the workflow stays in reach with controls big enough to tap and text that reads.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { servedLab, SHOTS, recordErrors, trainToEnd, watchLongTasks, pageNow, longTasksBetween, LONG_TASK_LIMIT_MS } from './lab.mjs';

const lab = servedLab();

async function open(hash = '', viewport = { width: 1280, height: 800 }, locale = 'en-US') {
  const page = await lab.browser.newPage({ viewport, locale });
  const errors = recordErrors(page);
  await watchLongTasks(page);
  await page.goto(`${lab.base}${hash}`);
  await page.waitForSelector('.app:not([data-state="loading"])');
  return { page, errors };
}

const text = (page, id) => page.textContent(`[data-testid=${id}]`);

test('results of another set-up are marked stale until the next run; the status follows the state', async () => {
  const { page, errors } = await open('#data=circles&epochs=3');
  assert.equal(await text(page, 'status'), 'Generate the data, then train.');
  await page.click('[data-testid=generate]');
  await page.waitForSelector('.app[data-state="data"]');
  assert.equal(await text(page, 'status'), 'The data is ready: press Train.');
  await trainToEnd(page);
  assert.equal(await page.locator('[data-testid=stale]').count(), 0);
  // Another optimizer: the figures on screen are the previous set-up's, and say so.
  await page.selectOption('[data-testid=optimizer]', 'sgd');
  await page.waitForSelector('[data-testid=stale]');
  assert.match(await text(page, 'stale'), /previous set-up/);
  assert.ok(await page.$eval('#panel-evaluate', (e) => e.classList.contains('stale')));
  await trainToEnd(page);
  assert.equal(await page.locator('[data-testid=stale]').count(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('EarlyStopping: the charts span the epochs run, the bar is full, and the page says where it stopped', async () => {
  const { page, errors } = await open('#data=seed&epochs=300&early_stopping=val_loss&patience=2&restore_best_weights=1&run=1');
  await page.waitForSelector('.app[data-state="done"]', { timeout: 90_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const stopped = await text(page, 'stopped-epoch');
  const [, n] = stopped.match(/EarlyStopping ended the fit at epoch (\d+) of 300\./) ?? [];
  assert.ok(n && Number(n) < 300, stopped);
  assert.match(stopped, /The weights are those of epoch \d+, the best/);
  assert.equal(await page.getAttribute('.progress[role=progressbar]', 'aria-valuenow'), '100');
  // The loss curve (blue) reaches the right part of the chart: the axis runs to the epochs run,
  // not to 300 (where a 10-epoch curve would fill the left 3%).
  const reach = await page.$eval('[data-testid=loss-chart]', (canvas) => {
    const { data, width, height } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let right = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = 4 * (y * width + x);
        if (Math.abs(data[i] - 37) + Math.abs(data[i + 1] - 99) + Math.abs(data[i + 2] - 235) < 60) right = Math.max(right, x);
      }
    }
    return right / width;
  });
  assert.ok(reach > 0.7, `the loss curve ends at ${(reach * 100).toFixed(0)}% of the chart's width`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a verdict needs enough test rows: 20 of them give none, and say why', async () => {
  const { page, errors } = await open('#data=moons&rows=100&epochs=20&run=1');
  await page.waitForSelector('.app[data-state="done"]', { timeout: 60_000 });
  assert.equal(await page.getAttribute('[data-testid=accuracy-pair]', 'data-verdict'), 'toofewtestrows');
  assert.match(await text(page, 'verdict'), /^Only 20 test rows: the test accuracy is known to ±\d+ points/);
  assert.doesNotMatch(await text(page, 'verdict'), /The model memorised/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a key given twice in the address is named; fixed-shape data shows no Features or Classes field', async () => {
  const { page } = await open('#data=seed&data=moons');
  assert.match(await text(page, 'setup-errors'), /data/);
  assert.match(await text(page, 'setup-errors'), /twice|2 times/);
  await page.selectOption('[data-testid=dataset]', 'moons');
  assert.equal(await page.locator('#features').count(), 0);
  assert.equal(await page.locator('#classes').count(), 0);
  assert.match(await text(page, 'fixed-shape'), /2/);
  await page.close();
});

test('the keyboard stays on Stop while a fit runs, the end is announced, and leaving mid-run asks first', async () => {
  const { page, errors } = await open('#data=seed&rows=100000&epochs=50');
  await page.click('[data-testid=generate]');
  await page.waitForSelector('.app[data-state="data"]');
  await page.click('[data-testid=train]');
  await page.waitForSelector('.app[data-state="training"]');
  await page.waitForFunction(() => document.activeElement?.dataset.testid === 'stop');

  // Reloading (or closing) during the run: the browser asks first; staying keeps the run.
  const asked = new Promise((r) => page.once('dialog', r));
  page.evaluate(() => location.reload()).catch(() => {});
  const dialog = await asked;
  assert.equal(dialog.type(), 'beforeunload');
  await dialog.dismiss();
  await page.waitForTimeout(300);
  assert.equal(await page.getAttribute('.app', 'data-state'), 'training');
  await page.click('[data-testid=stop]');
  await page.waitForSelector('.app[data-state="stopped"]');

  // A run to its end is announced to screen readers with its test accuracy.
  await page.fill('#rows', '1000');
  await page.click('[data-testid=generate]');
  await page.waitForSelector('.app[data-state="data"]');
  await page.fill('[data-testid=epochs]', '2');
  await trainToEnd(page);
  assert.match(await text(page, 'announce'), /^Training done\. Test accuracy \d+\.\d%\.$/);
  assert.equal(await page.getAttribute('[data-testid=announce]', 'aria-live'), 'polite');
  // Not fitting: a reload does not ask (nothing would be lost), and the page loads again.
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    d.accept();
  });
  await page.reload();
  await page.waitForSelector('.app[data-state="ready"]');
  assert.equal(dialogs, 0);
  await page.close();
  assert.deepEqual(errors, []);
});

test("the tab's title follows the language", async () => {
  const { page } = await open();
  assert.equal(await page.title(), 'MLP Lab · train a neural network in your browser');
  await page.click('[data-testid=lang]');
  assert.equal(await page.title(), 'MLP Lab · 在浏览器里训练神经网络');
  await page.click('[data-testid=lang]');
  await page.close();
});

/** WCAG 2 contrast of two `rgb(…)` colours. */
function contrast(a, b) {
  const lum = (css) => {
    const [r, g, b] = css.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

test('summary() shows every column, and the class bar reads at 4.5:1, on a laptop and on a phone', async () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    const { page } = await open('#data=blobs&classes=6', viewport);
    await page.click('[data-testid=generate]');
    await page.waitForSelector('.app[data-state="data"]');
    const [param, box] = await page.$eval('[data-testid=model-summary]', (el) => {
      const th = [...el.querySelectorAll('th')].find((t) => t.textContent === 'Param #');
      return [th.getBoundingClientRect().right, el.getBoundingClientRect().right];
    });
    assert.ok(param <= box + 0.5, `${viewport.width} px: Param # ends at ${param}, its box at ${box}`);
    const bars = await page.$$eval('.balance .bar', (bars) =>
      bars.map((b) => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor]),
    );
    assert.equal(bars.length, 6);
    for (const [ink, background] of bars) {
      assert.ok(contrast(ink, background) >= 4.5, `${ink} on ${background}: ${contrast(ink, background).toFixed(2)}`);
    }
    await page.close();
  }
});

test('a phone: the diagram folds to a stage strip, Train is always in reach, every control is 44 px to tap', async () => {
  for (const locale of ['en-US', 'zh-CN']) {
    const phone = { width: 390, height: 844 };
    const { page, errors } = await open('#data=circles&epochs=3', phone, locale);
    const inView = (selector) =>
      page.$eval(selector, (e) => {
        const r = e.getBoundingClientRect();
        return r.height > 0 && r.top >= 0 && r.bottom <= innerHeight;
      });
    // The stage strip, the data stage lit; the diagram folded until asked for.
    assert.ok(await inView('[data-testid=stage-strip]'));
    assert.equal(await page.$eval('.stage-strip .stage.current .stage-name', (e) => e.textContent), locale === 'en-US' ? 'Data' : '数据集');
    assert.ok(await inView('.stage-strip .stage.current'), 'the current stage is on screen');
    // All seven stages are on the strip, none scrolled or cut away, and the caption names the lit one.
    const strip = () =>
      page.$eval('[data-testid=stage-strip]', (nav) => {
        const box = nav.getBoundingClientRect();
        const out = [...nav.querySelectorAll('.stage')].filter((li) => {
          const r = li.getBoundingClientRect();
          return r.left < box.left || r.right > box.right || r.top < box.top || r.bottom > box.bottom;
        });
        return { height: Math.round(box.height), cut: out.length, stages: nav.querySelectorAll('.stage').length, caption: nav.querySelector('.stage-caption').textContent };
      });
    const first = await strip();
    assert.deepEqual({ ...first, height: 0 }, { height: 0, cut: 0, stages: 7, caption: locale === 'en-US' ? 'Data' : '数据集' });
    assert.equal(await page.isVisible('[data-testid=diagram]'), false);
    await page.click('[data-testid=show-diagram]');
    assert.equal(await page.isVisible('[data-testid=diagram]'), true);
    await page.click('[data-testid=show-diagram]');
    // Generate is on the first screen; then Train is on the action bar, in view, wherever the page is.
    assert.ok(await inView('[data-testid=generate]'), 'Generate is on the first screen');
    await page.click('[data-testid=generate]');
    await page.waitForSelector('.app[data-state="data"]');
    assert.ok(await inView('[data-testid=bar-train]'));
    assert.equal(await page.isEnabled('[data-testid=bar-train]'), true);
    await page.screenshot({ path: resolve(SHOTS, `phone-${locale}-390x844-data.png`) });
    // The tabs bring each panel to the top of the screen.
    for (const [tab, panel] of [['tab-model', '#panel-model'], ['tab-train', '#panel-train'], ['tab-data', '#panel-data']]) {
      await page.click(`[data-testid=${tab}]`);
      await page.waitForFunction((p) => Math.abs(document.querySelector(p).getBoundingClientRect().top) < 80, panel);
    }
    // Every control a finger uses is at least 44 px tall.
    const small = await page.$$eval('button, select, input:not([type=checkbox]):not([type=radio]):not([type=file]), .theme-option', (els) =>
      els
        .filter((e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden' && !e.closest('.visually-hidden'))
        .map((e) => [e.dataset.testid ?? e.id ?? e.className, Math.round(e.getBoundingClientRect().height)])
        .filter(([, h]) => h < 44),
    );
    assert.deepEqual(small, []);
    await page.click('[data-testid=bar-train]');
    await page.waitForSelector('.app[data-state="done"]', { timeout: 60_000 });
    // A later stage's longer name neither cuts the strip nor changes its size.
    assert.deepEqual(await strip(), { ...first, caption: locale === 'en-US' ? 'Evaluation' : '模型评估' });
    await page.screenshot({ path: resolve(SHOTS, `phone-${locale}-390x844-done.png`) });
    assert.deepEqual(errors, []);
    await page.close();
  }
});

/**
 * The forced layouts in a Chrome trace of `use(page)`: each layout the browser ran inside a
 * script (it then records the script's stack), by the script's outermost-named frame. A forced
 * layout of the page's own code goes through wasm-bindgen's glue (`__wbg_clientWidth_…`).
 */
async function forcedLayouts(page, use) {
  await lab.browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline.stack'] });
  await use(page);
  // A probe: a layout this test forces itself, so a trace without stacks cannot pass unseen.
  await page.evaluate(() => {
    document.body.style.paddingTop = '1px';
    const width = document.body.offsetWidth;
    document.body.style.paddingTop = '';
    return width;
  });
  const { traceEvents } = JSON.parse((await lab.browser.stopTracing()).toString());
  return traceEvents
    .filter((e) => e.name === 'Layout' && e.args?.beginData?.stackTrace?.length)
    .map((e) => ({ ms: (e.dur ?? 0) / 1000, stack: e.args.beginData.stackTrace.map((f) => f.functionName || '(anonymous)') }));
}

test("the page never lays itself out from its own code: not on Generate, not while it trains, not when a run ends", async () => {
  for (const [hash, use] of [
    ['', async (page) => {
      await page.click('[data-testid=generate]');
      await page.waitForSelector('.app[data-state="data"]');
      await trainToEnd(page);
    }],
    ['#data=moons', async (page) => {
      await page.click('[data-testid=generate]');
      await page.waitForSelector('[data-testid=scatter][data-draws]');
    }],
    ['#data=spirals&rows=1000&noise=0.05&layers=32:relu,32:relu,1:sigmoid&lr=0.01&epochs=20&run=1', async (page) => {
      await page.waitForSelector('.app[data-state="done"]', { timeout: 60_000 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    }],
  ]) {
    const page = await lab.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors = recordErrors(page);
    const layouts = await forcedLayouts(page, async (page) => {
      await page.goto(`${lab.base}${hash}`);
      await page.waitForSelector('.app:not([data-state="loading"])');
      await use(page);
      // A new width: every canvas redraws at its observed size.
      await page.setViewportSize({ width: 900, height: 800 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    });
    assert.ok(layouts.some((l) => !l.stack.some((f) => f.startsWith('__wbg_'))), 'the probe\'s forced layout is in the trace');
    const own = layouts.filter((l) => l.stack.some((f) => f.startsWith('__wbg_')));
    assert.deepEqual(own.map((l) => `${l.ms.toFixed(1)} ms: ${l.stack.slice(0, 3).join(' < ')}`), [], `forced layouts in ${hash || 'the seed example'}`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('hostile links are bounded and said in words: a 1 MB address, 2,000 layers, a 15,000-character value, a set-up too big for memory', async () => {
  const { page, errors } = await open();
  const from = await pageNow(page);
  const go = async (hash) => {
    await page.evaluate((h) => {
      location.hash = h;
    }, hash);
    await page.waitForFunction(() => document.querySelector('[data-testid=setup-errors]'));
    return (await text(page, 'setup-errors')).trim();
  };
  // A 1 MB `layers=` value (149,000 layers): not read at all, and said so.
  const huge = await go(`#layers=${'4:relu,'.repeat(149_000)}1:sigmoid`);
  assert.match(huge, /the address is \d+ characters long, more than the 16384 the lab reads/);
  assert.ok(huge.length < 400, `the message echoes ${huge.length} characters`);
  // 2,000 layers within the address' bound: refused by the layer bound, the rest applies.
  const many = await go(`#data=moons&layers=${'4:relu,'.repeat(2_000)}1:sigmoid`);
  assert.match(many, /layers/);
  assert.match(many, /64/);
  assert.equal(await page.inputValue('[data-testid=dataset]'), 'moons');
  // A long junk value is shown cut, not echoed whole.
  const junk = await go(`#optimizer=${'x'.repeat(15_000)}`);
  assert.match(junk, /optimizer/);
  assert.ok(junk.length < 400, `the message echoes ${junk.length} characters`);
  // The page still works, and no task froze it.
  await page.evaluate(() => {
    location.hash = '#data=circles&epochs=2';
  });
  await page.click('[data-testid=generate]');
  await page.waitForSelector('.app[data-state="data"]');
  const longTasks = await longTasksBetween(page, from, { until: await pageNow(page) });
  assert.ok(longTasks.every((d) => d <= LONG_TASK_LIMIT_MS), `long tasks: ${longTasks}`);
  assert.deepEqual(errors, []);
  await page.close();

  // 200,000 rows through two 4,096-unit layers in batches of 100,000: refused before training,
  // with the figure, instead of the worker dying of it.
  const big = await open('#rows=200000&features=10&layers=4096:relu,4096:relu,1:sigmoid&batch=100000&run=1');
  await big.page.waitForSelector('[data-testid=error]', { timeout: 60_000 });
  const said = await text(big.page, 'error');
  assert.match(said, /needs about [\d.]+ [GM]B of memory/);
  assert.doesNotMatch(said, /unreachable/);
  assert.notEqual(await big.page.getAttribute('.app', 'data-state'), 'training');
  await big.page.close();
});
