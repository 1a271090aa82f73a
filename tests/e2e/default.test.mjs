// Foundation end-to-end test: the default scenario in a real browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import {
  appSuite,
  axeAudit,
  cliFigures,
  describeViolations,
  foreignRequests,
  readFigures,
  repoPath,
  screenshot,
  seriousViolations,
} from './harness.mjs';

// Generous bound so a hung browser fails the test instead of stalling CI.
const TIMEOUT = { timeout: 90_000 };

const { open, url } = appSuite(before, after);

test('page figures equal the command line', TIMEOUT, async (t) => {
  const { page } = await open(t);
  const shown = await readFigures(page);

  assert.ok(shown.length > 0, 'the page shows no figures');
  for (const { offer, line, value } of shown) {
    assert.match(value, /^-?\d+(\.\d+)?$/, `figure ${offer}/${line} is not a plain decimal`);
  }
  assert.deepEqual(shown, cliFigures(repoPath('examples', 'default.json')));
});

test('no serious accessibility violations', TIMEOUT, async (t) => {
  const { page } = await open(t);
  const serious = seriousViolations(await axeAudit(page));
  // Compare the count so the message lists rules and targets, not whole axe objects.
  assert.equal(serious.length, 0, `serious accessibility violations:\n${describeViolations(serious)}`);
});

test("no requests leave the app's origin and no console errors", TIMEOUT, async (t) => {
  const { page, requests, consoleErrors } = await open(t);
  // Late requests (fonts, lazy assets) are only seen once the network settles.
  await page.waitForLoadState('networkidle');
  // One assertion so a failure shows both lists at once.
  assert.deepEqual(
    { foreignRequests: foreignRequests(requests, url()), consoleErrors },
    { foreignRequests: [], consoleErrors: [] },
  );
});

test('screenshots at 360 and 1366 px', TIMEOUT, async (t) => {
  const { page } = await open(t);
  for (const width of [360, 1366]) {
    const file = await screenshot(page, 'default', width);
    assert.ok(statSync(file).size > 0, `${file} is empty`);
    if (width === 360) {
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(scrollWidth <= 360, `horizontal overflow at 360 px: scrollWidth is ${scrollWidth}`);
    }
  }
});
