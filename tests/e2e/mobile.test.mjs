// The first screen on a phone, timed (issue #21): the default comparison's
// summary on the standard mobile profile of page-speed tools — 4× CPU
// slowdown, slow 4G (1.6 Mbps down, 750 kbps up, 150 ms round trip) — from
// a cold load (no cache: the test server sends no-store, each run has a new
// browser context). Reported in target/e2e/mobile-timings.json and on the
// console; a timing is a measurement, not a pass/fail line (the README
// records the figures).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { appSuite, repoPath } from './harness.mjs';

const TIMEOUT = { timeout: 300_000 };
const RUNS = 5;
const suite = appSuite(before, after);

/**
 * Milliseconds from navigation to the summary sentence being visible, and to
 * the app having started (the full results rendered), one cold load of
 * `path` (the comparison, or the pay history with its own `sentence`).
 */
async function firstSummary(path = '', sentence = '[data-summary-sentence]', app = '[data-value]') {
  const context = await suite.browser().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const started = Date.now();
    await page.goto(suite.url() + path, { waitUntil: 'commit' });
    await page.locator(sentence).waitFor({ state: 'visible', timeout: 120_000 });
    const ms = Date.now() - started;
    // The summary first shows from the page itself (the written first
    // screen); the app, which makes it interactive, starts later.
    await page.locator(app).first().waitFor({ state: 'attached', timeout: 120_000 });
    const appMs = Date.now() - started;
    // What the load fetched, to say where the time went.
    const bytes = await page.evaluate(() =>
      performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))
        .reduce((sum, e) => sum + (e.transferSize || 0), 0));
    return { ms, appMs, bytes };
  } finally {
    await context.close();
  }
}

test('the first summary on the standard mobile profile (4× CPU, slow 4G), timed', TIMEOUT, async () => {
  const runs = [];
  for (let i = 0; i < RUNS; i++) runs.push(await firstSummary());
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  const report = {
    profile: '390×844, 4× CPU slowdown, 1.6 Mbps down / 750 kbps up, 150 ms RTT, cold load',
    navigation_to_summary_ms: runs.map((r) => r.ms),
    median_ms: times[Math.floor(times.length / 2)],
    worst_ms: times.at(-1),
    navigation_to_app_started_ms: runs.map((r) => r.appMs),
    transferred_bytes: runs[0].bytes,
  };
  mkdirSync(repoPath('target', 'e2e'), { recursive: true });
  writeFileSync(repoPath('target', 'e2e', 'mobile-timings.json'), JSON.stringify(report, null, 2));
  console.log('mobile timings', JSON.stringify(report));
  assert.ok(runs.every((r) => r.bytes > 0), 'the load was measured');
});

// The pay history (history.html, issue #24): its default answer is written
// into the page too; its program has started when its form shows. Three cold loads.
test('the pay history\'s first answer on the standard mobile profile, timed', TIMEOUT, async () => {
  const runs = [];
  for (let i = 0; i < 3; i++) runs.push(await firstSummary('history.html', '[data-history-sentence]', '#history-line'));
  const times = runs.map((r) => r.ms).sort((a, b) => a - b);
  const report = {
    profile: '390×844, 4× CPU slowdown, 1.6 Mbps down / 750 kbps up, 150 ms RTT, cold load',
    navigation_to_answer_ms: runs.map((r) => r.ms),
    median_ms: times[1],
    worst_ms: times.at(-1),
    navigation_to_app_started_ms: runs.map((r) => r.appMs),
    transferred_bytes: runs[0].bytes,
  };
  mkdirSync(repoPath('target', 'e2e'), { recursive: true });
  writeFileSync(repoPath('target', 'e2e', 'history-mobile-timings.json'), JSON.stringify(report, null, 2));
  console.log('history mobile timings', JSON.stringify(report));
  assert.ok(runs.every((r) => r.bytes > 0), 'the load was measured');
});
