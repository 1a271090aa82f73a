// The offer editor (issue #10): a rep duplicates the May 2016 deal, adds a 30%
// Saturday daytime premium, and the new column's figures equal the command
// line's for the same scenario; a bad draft stays in the editor and changes
// nothing; the terms diff lists what differs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { appSuite, axeAudit, cliFigures, currentView, describeViolations, readFigures, repoPath, seriousViolations, showView } from './harness.mjs';

const TIMEOUT = { timeout: 180_000 };
const { open } = appSuite(before, after);

const W = '#oe-terms-premium_windows-1-';

/** Duplicates the May 2016 deal from Compare and opens its premium windows (the editor is in Offers). */
async function duplicateMay2016(page) {
  await page.click('[data-column="may-2016"] >> text=Duplicate and edit');
  await page.waitForSelector('.offer-editor');
  assert.equal(await currentView(page), 'offers');
  await page.click('.offer-editor >> button.disclose:has-text("Premium windows")');
}

/** Chooses offers A and B in "Terms side by side". */
async function chooseTerms(page, a, b) {
  await page.selectOption('#terms-a', a);
  await page.selectOption('#terms-b', b);
  await page.waitForFunction(([a, b]) => document.querySelector('#terms-a').value === a
    && document.querySelector('#terms-b').value === b, [a, b]);
}

/** The rows of the terms table as [section, term, A, B] (the ≠ mark left out). */
const termsRows = (page) => page.$$eval('table.terms-table tbody tr', (trs) => trs.map((tr) =>
  [...tr.children].map((cell) => {
    const copy = cell.cloneNode(true);
    copy.querySelectorAll('.differs-mark, .visually-hidden').forEach((e) => e.remove());
    return copy.textContent.trim();
  })));

/** The command line's differing rows for two offers of a scenario file. */
/** RFC 7396 merge patch, as the preset loader applies `"extends"` (src/presets/mod.rs). */
function mergePatch(base, patch) {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)
      || base === null || typeof base !== 'object' || Array.isArray(base)) return patch;
  const out = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = mergePatch(out[key], value);
  }
  return out;
}

/** An offer preset as the app holds it: its file, with any `"extends"` chain applied. */
function presetOffer(key) {
  const { extends: base, ...patch } = JSON.parse(readFileSync(repoPath('src', 'presets', 'offers', `${key}.json`), 'utf8'));
  return base ? mergePatch(presetOffer(base), patch) : patch;
}

function cliDiff(file, a, b) {
  const bin = process.env.CLI_BIN || repoPath('target', 'debug', 'offer-compare');
  const out = execFileSync(bin, ['diff', file, a, b], { encoding: 'utf8' });
  const lines = out.split('\n').filter((l) => l.includes(' | '));
  return lines.slice(1).map((l) => l.split(' | ').map((c) => c.trim()));
}

test('a rep adds a 30% Saturday daytime premium to the May 2016 deal: figures equal the command line', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  const before = await readFigures(page);
  await duplicateMay2016(page);
  await page.click('.offer-editor >> text=Add to premium windows');
  await page.waitForSelector(`${W}id`);
  await page.fill(`${W}id`, 'saturday-day');
  await page.fill(`${W}name`, 'Saturday daytime (30%)');
  for (const day of ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) {
    const box = page.locator(`#oe-terms-premium_windows-1-days input[type=checkbox]`).nth(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].indexOf(day));
    if ((await box.isChecked()) !== (day === 'sat')) await box.click();
  }
  await page.fill(`${W}from`, '07:00');
  await page.fill(`${W}to`, '17:00');
  await page.fill(`${W}uplift`, '30%');
  await page.fill(`${W}source`, 'What if: a 30% Saturday daytime premium');
  // A condition copied from the template, if any, is removed.
  const condition = page.locator('.offer-editor >> button[aria-label^="Remove Terms › Premium windows 2 › Condition"]');
  if (await condition.count()) await condition.click();
  await page.waitForFunction(() => !document.querySelector('.offer-editor .error-summary')
    && document.querySelector('[data-offer="tcs-2016-custom"][data-line="gross_annual"]'));

  // The same scenario, written by hand, through the command line.
  const scenario = JSON.parse(readFileSync(repoPath('examples', 'default.json'), 'utf8'));
  const preset = presetOffer('tcs-2016@2');
  const custom = { ...preset, id: 'tcs-2016-custom', name: `${preset.name} (edited)` };
  custom.terms = { ...preset.terms, premium_windows: [...preset.terms.premium_windows, {
    id: 'saturday-day', name: 'Saturday daytime (30%)', days: ['sat'], from: '07:00', to: '17:00', uplift: '30%',
    source: 'What if: a 30% Saturday daytime premium',
  }] };
  scenario.offers.push(custom);
  const at = scenario.columns.findIndex((c) => c.id === 'may-2016');
  scenario.columns.splice(at + 1, 0, { ...scenario.columns[at], id: 'tcs-2016-custom', offer: 'tcs-2016-custom' });
  mkdirSync(repoPath('target', 'e2e'), { recursive: true });
  const file = repoPath('target', 'e2e', 'saturday-premium.json');
  writeFileSync(file, JSON.stringify(scenario, null, 2));
  const shown = await readFigures(page);
  assert.deepEqual(shown, cliFigures(file));
  const gross = (figures, offer) => figures.find((f) => f.offer === offer && f.line === 'gross_annual')?.value;
  assert.ok(gross(shown, 'tcs-2016-custom') > gross(before, 'may-2016'), 'Saturday work pays more');
  assert.equal(gross(shown, 'may-2016'), gross(before, 'may-2016'), 'the preset column is untouched');

  // The terms diff says the same as the command line: one term differs.
  await chooseTerms(page, 'tcs-2016', 'tcs-2016-custom');
  const rows = await termsRows(page);
  assert.deepEqual(rows, [['Premium time', 'Sat 07:00–17:00', 'plain time', '30%']]);
  assert.deepEqual(rows, cliDiff(file, 'tcs-2016', 'tcs-2016-custom'));
  assert.deepEqual(consoleErrors, []);
});

test('a bad draft shows its problem at the field and keeps the last valid offer', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  mkdirSync(repoPath('target', 'e2e'), { recursive: true });
  await duplicateMay2016(page);
  await page.click('.offer-editor >> button.disclose:has-text("Night hours")');
  const uplift = '#oe-terms-premium_windows-0-uplift';
  await page.fill(uplift, '40%');
  await page.waitForFunction(() => document.querySelector('[data-offer="tcs-2016-custom"][data-line="gross_annual"]'));
  const valid = await readFigures(page);
  // Keystroke in the editor to updated results (draft checked, offer replaced,
  // comparison recomputed and drawn), reported in target/e2e/editor-timings.json.
  await page.evaluate(() => document.addEventListener('input', () => performance.mark('oc-input'), true));
  const updates = [];
  for (const value of ['41%', '42%', '43%', '44%', '45%', '40%']) {
    await page.fill(uplift, value);
    await page.waitForFunction(() => {
      const i = performance.getEntriesByName('oc-input').at(-1);
      const r = performance.getEntriesByName('oc-rendered').at(-1);
      return i && r && r.startTime >= i.startTime;
    });
    updates.push(await page.evaluate(() => performance.getEntriesByName('oc-rendered').at(-1).startTime
      - performance.getEntriesByName('oc-input').at(-1).startTime));
  }
  writeFileSync(repoPath('target', 'e2e', 'editor-timings.json'), JSON.stringify({
    keystroke_to_updated_results_ms: updates,
    median_ms: [...updates].sort((a, b) => a - b)[Math.floor(updates.length / 2)],
  }, null, 2));
  assert.deepEqual(await readFigures(page), valid, 'back at 40%, the same figures');
  // "500" meant as a percentage: refused at the field, figures unchanged.
  await page.fill(uplift, '500%');
  await page.waitForSelector('#oe-terms-premium_windows-0-uplift-error');
  assert.match(await page.locator('#oe-terms-premium_windows-0-uplift-error').innerText(), /more than 200%/);
  assert.equal(await page.getAttribute(uplift, 'aria-invalid'), 'true');
  assert.match(await page.locator('.offer-editor .error-summary').innerText(), /not used yet/);
  assert.deepEqual(await readFigures(page), valid);
  // A window that ends when it starts.
  await page.fill(uplift, '40%');
  await page.fill('#oe-terms-premium_windows-0-to', '21:00');
  await page.waitForSelector('#oe-terms-premium_windows-0-to-error');
  assert.deepEqual(await readFigures(page), valid);
  await page.fill('#oe-terms-premium_windows-0-to', '07:00');
  await page.waitForFunction(() => !document.querySelector('.offer-editor .error-summary'));
  assert.deepEqual(await readFigures(page), valid);
  const violations = seriousViolations(await axeAudit(page));
  assert.deepEqual(violations, [], describeViolations(violations));
  assert.deepEqual(consoleErrors, []);
});

test('the terms diff lists how the imposed contract and the May 2016 deal differ, as terms', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  await showView(page, 'offers');
  // 16 with the @2 presets (@1 vs @1: 17): the imposed contract's corrected limits (4 long late
  // evenings and 8 shifts, 48 h after each run) now match the May 2016 terms' (5 fewer rows), and
  // the May 2016 terms gained the 4 non-resident on-call limits.
  await chooseTerms(page, 'imposed-2016-02', 'tcs-2016');
  assert.match(await page.locator('.terms-diff [role=status]').innerText(), /^16 terms differ\.$/);
  const rows = await termsRows(page);
  for (const expected of [
    ['Premium time', 'Mon–Sun 21:00–07:00', '50%', '37%'],
    ['Premium time', 'Sat 07:00–17:00', '30% if work on ≥ 1 in 4 Saturdays', 'plain time'],
    ['Premium time', 'Sat 17:00–21:00', '33⅓%', 'plain time'],
    ['Premium time', 'Sun 07:00–21:00', '33⅓%', 'plain time'],
  ]) {
    assert.ok(rows.some((r) => JSON.stringify(r) === JSON.stringify(expected)), `${expected}: ${JSON.stringify(rows)}`);
  }
  const file = repoPath('examples', 'default.json');
  assert.deepEqual(rows, cliDiff(file, 'imposed-2016-02', 'tcs-2016'));
  // Every term, the differing ones marked.
  await page.uncheck('#terms-only');
  const all = await termsRows(page);
  assert.ok(all.length > rows.length);
  assert.equal(await page.locator('table.terms-table tr.differs .differs-mark').count(), 16);
  // Reached from the comparison: "Terms vs baseline" on a column.
  await page.click('[data-column="may-2016"] >> text=Terms vs baseline');
  assert.equal(await page.inputValue('#terms-b'), 'tcs-2016');
  const violations = seriousViolations(await axeAudit(page));
  assert.deepEqual(violations, [], describeViolations(violations));
  assert.deepEqual(consoleErrors, []);
});
