// The explorer (issue #14, sweep and break-even): a journalist sweeps the
// imposed contract's Saturday daytime premium from the default scenario, reads
// where it overtakes the BMA's position, and gets the same break-even value and
// the same sweep (CSV, byte for byte) as the command line.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { appSuite, openFile, readFigures, repoPath, showView } from './harness.mjs';

const TIMEOUT = { timeout: 180_000 };
const { open } = appSuite(before, after);
// The April 2016 strike's comparison (the default before the doctor in post
// joined it): five offers, the BMA's position among them.
const STRIKE = repoPath('examples', 'strike-2016.json');
const SPEC = 'premium_rate:imposed-2016-02:sat-day';

function cli(...args) {
  const bin = process.env.CLI_BIN || repoPath('target', 'debug', 'offer-compare');
  return execFileSync(bin, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

async function sweepOnPage(page, from, to, steps) {
  await page.selectOption('#explore-quantity', SPEC);
  await page.fill('#explore-from', from);
  await page.fill('#explore-to', to);
  await page.fill('#explore-steps', steps);
  const started = Date.now();
  await page.click('.explorer button:text-is("Sweep")');
  await page.waitForFunction((n) => document.querySelector('.sweep-chart summary')?.textContent.includes(`${n} points`), steps);
  return Date.now() - started;
}

test('a journalist sweeps the Saturday premium and reads the break-even: the command line agrees', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  await openFile(page, STRIKE);
  const figures = await readFigures(page);
  await showView(page, 'explore');
  await sweepOnPage(page, '0', '100', '1000');
  const crossings = await page.locator('.crossovers').innerText();
  assert.match(crossings, /Between 24\.12 and 24\.22, Imposed contract, Feb 2016 \(TCS v1\) overtakes BMA position/);
  assert.equal(await page.locator('.sweep-chart path').count(), 5, 'a line per offer');
  // The sweep's CSV is the command line's, byte for byte.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download the sweep (CSV)')]);
  const csv = readFileSync(await download.path(), 'utf8');
  const file = STRIKE;
  assert.equal(csv, cli('sweep', file, '--quantity', SPEC, '--from', '0', '--to', '100', '--steps', '1000', '--format', 'csv'));
  // The same sentences: the command line prints the page's, one a line.
  const table = cli('sweep', file, '--quantity', SPEC, '--from', '0', '--to', '100', '--steps', '1000');
  // The page joins them with a space; no column name here holds ". ".
  const sentences = crossings.split(/(?<=\.) /);
  assert.ok(sentences.length >= 1);
  for (const sentence of sentences) assert.ok(table.split('\n').includes(sentence), `${sentence} in the command line's sweep`);
  // What Saturday daytime rate makes the imposed contract pay as much as the BMA's position?
  await page.selectOption('#explore-a', { label: 'BMA position, Feb 2016 (reconstruction: the BMA never published numbers)' });
  await page.selectOption('#explore-b', { label: 'Imposed contract, Feb 2016 (TCS v1)' });
  await page.fill('#explore-to', '200');
  await page.click('text=Find where B pays at least as much as A');
  const found = await page.locator('.break-even').innerText();
  assert.match(found, /jumps past BMA position.* at 24\.15:/);
  const line = cli('break-even', file, 'bma', 'imposed', '--quantity', SPEC, '--from', '0', '--to', '200');
  assert.match(found, /at 24\.15: from -£0\.05 to £0\.05 a year against it/);
  // The command line says the page's sentence, word for word, on a line of its own.
  assert.ok(line.split('\n').includes(found), `${found} in ${line}`);
  // Exploring never changes the comparison.
  assert.deepEqual(await readFigures(page), figures);
  // The sweep and the break-even are part of the scenario: its link (which
  // carries the view) shows them again.
  const crossovers = await page.locator('.crossovers').innerText();
  const link = await page.inputValue('#share-link');
  const other = await open(t, undefined, link.slice(link.indexOf('?')));
  await other.page.waitForSelector('.break-even');
  assert.equal(await other.page.locator('.break-even').innerText(), found);
  assert.equal(await other.page.locator('.crossovers').innerText(), crossovers);
  assert.equal(await other.page.inputValue('#explore-to'), '200');
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(other.consoleErrors, []);
});

test('a sweep of 10,000 points in the browser (timed) and bad input said at once', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  // The longest the page goes without drawing a frame while it sweeps (reported).
  await page.evaluate(() => {
    window.frameGaps = { last: performance.now(), longest: 0, on: true };
    const tick = (now) => {
      const g = window.frameGaps;
      g.longest = Math.max(g.longest, now - g.last);
      g.last = now;
      if (g.on) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await showView(page, 'explore');
  const ms = await sweepOnPage(page, '0', '100', '10000');
  const longestGap = await page.evaluate(() => { window.frameGaps.on = false; return window.frameGaps.longest; });
  mkdirSync(repoPath('target', 'e2e'), { recursive: true });
  writeFileSync(repoPath('target', 'e2e', 'explore-timings.json'), JSON.stringify({
    sweep_10000_points_click_to_chart_ms: ms,
    longest_frame_gap_during_sweep_ms: Math.round(longestGap),
  }, null, 2));
  assert.equal(await page.locator('.sweep-chart tbody tr').count(), 200, 'a sample in the table');
  await page.fill('#explore-steps', 'many');
  await page.click('.explorer button:text-is("Sweep")');
  assert.match(await page.locator('.explorer .field-error').innerText(), /Steps: 'many' is not a whole number/);
  await page.fill('#explore-steps', '10');
  await page.fill('#explore-from', '300');
  await page.click('.explorer button:text-is("Sweep")');
  assert.match(await page.locator('.explorer .field-error').innerText(), /300/);
  // A window's start, in clock time: when May 2016 nights began at 18:00 … 23:00.
  await page.selectOption('#explore-quantity', 'window_start:tcs-2016:night');
  await page.fill('#explore-from', '18:00');
  await page.fill('#explore-to', '23:00');
  await page.fill('#explore-steps', '6');
  await page.click('.explorer button:text-is("Sweep")');
  await page.waitForFunction(() => document.querySelector('.sweep-chart summary')?.textContent.includes('(6 points)'));
  const rows = await page.$$eval('.sweep-chart tbody th', (ths) => ths.map((th) => th.textContent));
  assert.deepEqual(rows, ['18:00', '19:00', '20:00', '21:00', '22:00', '23:00']);
  assert.deepEqual(consoleErrors, []);
});
