// The comparison page as people use it: a journalist's journey, garbage typed
// into every field, and the timings of an edit (reported, not asserted).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import {
  appSuite,
  axeAudit,
  cliFigures,
  describeViolations,
  readFigures,
  repoPath,
  seriousViolations,
} from './harness.mjs';

const TIMEOUT = { timeout: 120_000 };
const { open } = appSuite(before, after);

/** Writes a variant of the default scenario for the command line to compute. */
function scenarioFile(name, edit) {
  const scenario = JSON.parse(readFileSync(repoPath('examples', 'default.json'), 'utf8'));
  edit(scenario);
  mkdirSync(repoPath('target', 'e2e'), { recursive: true });
  const file = repoPath('target', 'e2e', `${name}.json`);
  writeFileSync(file, JSON.stringify(scenario, null, 2));
  return file;
}

test('a journalist switches the baseline and the rota and reads a breach', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  await page.check('li[data-column="may-2016"] input[type="radio"]');
  await page.selectOption('#rota', 'breaches-2016@1');
  await page.waitForSelector('tr[data-offer="may-2016"][data-passed="false"]');
  // The May 2016 column is now the baseline: it has no difference of its own, the others do.
  await page.waitForSelector('[data-offer="contract-2002"][data-line="diff_annual"]');
  assert.equal(await page.locator('[data-offer="may-2016"][data-line="diff_annual"]').count(), 0);
  // Every figure equals the command line's for the same scenario.
  const file = scenarioFile('journey', (s) => {
    s.baseline = 'may-2016';
    s.rotas = ['breaches-2016@1'];
    for (const c of s.columns) c.rota = 'breaches-2016';
  });
  assert.deepEqual(await readFigures(page), cliFigures(file));
  // The breach says what, where and from which source.
  const breach = await page.locator('tr[data-offer="may-2016"][data-passed="false"]').first().innerText();
  assert.match(breach, /breached/);
  assert.match(breach, / at week \d+ (Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d:\d\d/);
  assert.match(breach, /Source: /);
  // And any figure opens its explanation.
  await page.click('[data-offer="may-2016"][data-line="gross_annual"] button');
  const why = await page.locator('#why').innerText();
  assert.match(why, /Gross annual pay/);
  assert.deepEqual(consoleErrors, []);
});

const GARBAGE = ['', 'abc', '-5', '0', '1e9', '99999999999999999999999', '<script>alert(1)</script>', '12:00', '💥'];
const FIELDS = { years: '0', ltft: '100', premium: '0', 'pay-date': '2016-04-26' };

test('garbage typed into every field never breaks the page', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  const before = await readFigures(page);
  for (const [id, good] of Object.entries(FIELDS)) {
    for (const bad of GARBAGE) {
      await page.fill(`#${id}`, bad);
      // Results stay on screen whatever was typed.
      assert.ok((await page.locator('[data-value]').count()) > 0, `#${id} = ${bad}`);
      const invalid = await page.getAttribute(`#${id}`, 'aria-invalid');
      const summary = await page.locator('.error-summary').count();
      if (invalid === 'true') {
        const message = await page.locator(`#${id}-error`).innerText();
        assert.ok(message.length > 10, `#${id} = ${bad}: message "${message}"`);
      } else {
        // Accepted as a value: then the engine either computes or says what is wrong.
        const stale = await page.locator('.stale-note').count();
        assert.ok(summary === 0 || stale === 1, `#${id} = ${bad}: an error without stale results`);
      }
      // Nothing typed is ever run: no alert, no script element from input.
      assert.equal(await page.locator('main script').count(), 0);
    }
    await page.fill(`#${id}`, good);
  }
  assert.equal(await page.locator('.error-summary').count(), 0);
  assert.deepEqual(await readFigures(page), before, 'restoring every field restores every figure');
  const violations = seriousViolations(await axeAudit(page));
  assert.deepEqual(violations, [], describeViolations(violations));
  assert.deepEqual(consoleErrors, []);
});

test('timings: first results and input to updated results (reported)', TIMEOUT, async (t) => {
  const { page } = await open(t);
  const first = await page.evaluate(() => {
    const marks = performance.getEntriesByName('oc-rendered');
    return marks.length ? marks[0].startTime : null;
  });
  // The target case: six offers over a 26-week rota (103 shifts).
  await page.selectOption('#add-offer', 'tcs-2019@1');
  await page.click('#add-offer-button');
  await page.waitForSelector('[data-offer="tcs-2019"][data-line="gross_annual"]');
  await page.selectOption('#rota', 'em-26-week@1');
  await page.waitForSelector('[data-offer="tcs-2019"][data-line="average_weekly_hours"][data-value="39.62"]');
  const updates = [];
  for (const value of ['60', '100', '80', '100', '90', '100']) {
    await page.fill('#ltft', value);
    const duration = await page.evaluate(() => {
      const d = performance.getEntriesByName('oc-dispatch').at(-1);
      const r = performance.getEntriesByName('oc-rendered').at(-1);
      return d && r && r.startTime >= d.startTime ? r.startTime - d.startTime : null;
    });
    if (duration !== null) updates.push(duration);
  }
  const report = {
    navigation_to_first_results_ms: first,
    input_to_updated_results_ms: updates,
    median_update_ms: [...updates].sort((a, b) => a - b)[Math.floor(updates.length / 2)],
    columns: await page.locator('table.results thead th[scope="col"]').count() - 1,
    rota: 'em-26-week@1 (26 weeks, 103 shifts)',
  };
  writeFileSync(repoPath('target', 'e2e', 'timings.json'), JSON.stringify(report, null, 2));
  console.log('timings', JSON.stringify(report));
  assert.ok(first !== null && updates.length > 0, 'the app marks its renders');
});

test('keyboard alone: skip link, edit a field, open an explanation, visible focus', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to the comparison');
  /** Presses Tab until `predicate` holds for the focused element (at most 200 times). */
  const tabUntil = async (predicate, what) => {
    for (let i = 0; i < 200; i += 1) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(predicate)) return;
    }
    assert.fail(`never reached ${what} by Tab`);
  };
  await tabUntil(() => document.activeElement.id === 'ltft', 'the LTFT field');
  const focusRing = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(focusRing, 'none', 'the focused field shows a focus ring');
  const before = await page.getAttribute('[data-offer="may-2016"][data-line="basic"]', 'data-value');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('60');
  // 60% of the 2016/17 NP2 basic £30,500 = £18,300.
  await page.waitForSelector('[data-offer="may-2016"][data-line="basic"][data-value="18300"]');
  assert.notEqual(before, '18300');
  await tabUntil(() => document.activeElement.matches('table.results button.figure'), 'a figure');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#why section');
  assert.match(await page.locator('#why').innerText(), /Source: /);
  assert.deepEqual(consoleErrors, []);
});
