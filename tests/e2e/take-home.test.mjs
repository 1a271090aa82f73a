// Take-home pay and real terms (issue #15): a doctor in Scotland repaying a
// plan 2 loan sets their deductions and asks for 2022 money; every figure on
// the page, net and real ones included, equals the command line's for the same
// scenario file; a bad index value stays at its field; the link reproduces it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { appSuite, axeAudit, cliFigures, describeViolations, readFigures, repoPath, seriousViolations, showView } from './harness.mjs';

const TIMEOUT = { timeout: 180_000 };
const { open } = appSuite(before, after);

const value = (figures, offer, line) => figures.find((f) => f.offer === offer && f.line === line)?.value;

test('a Scottish doctor with a plan 2 loan sees net and 2022-money figures equal to the command line', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  // The default comparison shows take-home pay (its file has a take_home section).
  await page.waitForSelector('[data-offer="may-2016"][data-line="net:annual"]');
  await showView(page, 'take-home');
  const before = await readFigures(page);
  // By hand (tests/native/take_home.rs): 39,400.30 − 2,836.50 − 5,112.76 − 3,760.84.
  assert.equal(value(before, 'may-2016', 'net:annual'), '27690.20');
  assert.match(await page.textContent('tbody.take-home th[scope=rowgroup]'), /Take-home pay \(tax year 2016-17\)/);

  await page.selectOption('#residence', 'scotland');
  await page.check('#loan-plan2');
  await page.selectOption('#real-measure', 'cpi');
  await page.fill('#real-year', '2022');
  await page.waitForFunction(() => document.querySelector('[data-offer="may-2016"][data-line="net:real_net"]')
    && document.querySelector('[data-offer="may-2016"][data-line="net:loan:plan2"]')
    && document.querySelector('#index-2022')?.value === '121.7');

  const scenario = JSON.parse(readFileSync(repoPath('examples', 'default.json'), 'utf8'));
  scenario.take_home = {
    residence: 'scotland',
    loans: ['plan2'],
    real_terms: { measure: 'cpi', basis: 'annual_average', year: 2022 },
  };
  mkdirSync(repoPath('target', 'e2e'), { recursive: true });
  const file = repoPath('target', 'e2e', 'take-home.json');
  writeFileSync(file, JSON.stringify(scenario, null, 2));
  const shown = await readFigures(page);
  assert.deepEqual(shown, cliFigures(file));
  // Plan 2: 9% × (39,400.30 − 21,000) = 1,656.03; in 2022 money by CPI:
  // gross 39,400.30 × 121.7 ÷ 100.7 = 47,616.85.
  assert.equal(value(shown, 'may-2016', 'net:loan:plan2'), '1656.03');
  assert.equal(value(shown, 'may-2016', 'net:annual'), '26034.17');
  assert.equal(value(shown, 'may-2016', 'net:real_gross'), '47616.85');
  // Unverified figures are labelled in the table.
  assert.ok(await page.locator('[data-offer="may-2016"][data-line="net:loan:plan2"] abbr.marker').count() === 1);

  // A figure opens its explanation, with the tax year's source.
  await showView(page, 'compare');
  await page.click('[data-offer="may-2016"][data-line="net:income_tax"] button');
  assert.match(await page.textContent('#why'), /Income tax/);
  await showView(page, 'take-home');

  // A bad index value is refused at its field; the figures stay as they were.
  await page.fill('#index-2016', 'abc');
  await page.waitForSelector('#index-2016-error');
  assert.match(await page.textContent('#index-2016-error'), /index value/);
  assert.deepEqual(await readFigures(page), shown);
  // A corrected value is the user's own, and said to be.
  await page.fill('#index-2016', '100');
  await page.waitForFunction(() => document.querySelector('[data-offer="may-2016"][data-line="net:real_gross"]')?.getAttribute('data-value') === '47950.17');
  assert.match(await page.textContent('.index-values'), /entered by you/);

  // The link in the address bar reproduces every figure in a fresh page.
  const hash = await page.evaluate(() => location.hash);
  const edited = await readFigures(page);
  const other = await open(t, undefined, hash);
  await other.page.waitForSelector('[data-offer="may-2016"][data-line="net:real_gross"]');
  assert.deepEqual(await readFigures(other.page), edited);
  assert.equal(await other.page.inputValue('#index-2016'), '100');

  const violations = seriousViolations(await axeAudit(page));
  assert.deepEqual(violations, [], describeViolations(violations));
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(other.consoleErrors, []);
});

test('2002 banding made pensionable by choice; switching take-home off removes its rows and undo brings them back', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  await page.waitForSelector('[data-line="net:annual"]');
  await showView(page, 'take-home');
  // The contracts' rule: the 2002 banding is not pensionable (28,357.00 of 42,535.50).
  const pensionable = () => page.getAttribute('[data-offer="contract-2002"][data-line="net:pensionable"]', 'data-value');
  assert.equal(await pensionable(), '28357');
  assert.equal(await page.isChecked('#pensionable-banding'), false);
  await page.check('#pensionable-banding');
  await page.waitForFunction(() => document.querySelector('[data-offer="contract-2002"][data-line="net:pensionable"]')
    ?.getAttribute('data-value') === '42535.50');
  // 9.3% of the whole gross (tier £26,824–£47,845.99 in 2016/17): 3,955.8015 → 3,955.80.
  assert.equal(await page.getAttribute('[data-offer="contract-2002"][data-line="net:pension"]', 'data-value'), '3955.80');
  await page.click('button:has-text("Back to the contracts\' rule")');
  await page.waitForFunction(() => document.querySelector('[data-offer="contract-2002"][data-line="net:pensionable"]')
    ?.getAttribute('data-value') === '28357');
  await page.uncheck('#take-home-on');
  await page.waitForFunction(() => !document.querySelector('[data-line^="net:"]'));
  assert.equal(await page.locator('#residence').count(), 0);
  await showView(page, 'compare');
  await page.click('button:has-text("Undo")');
  await page.waitForSelector('[data-offer="may-2016"][data-line="net:annual"]');
  assert.deepEqual(consoleErrors, []);
});
