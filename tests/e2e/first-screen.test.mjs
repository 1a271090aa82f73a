// The first screen written into index.html (issue #21, src/ui/first_screen.rs):
// the default comparison's answer shows before the WebAssembly has arrived,
// says exactly what the app then says, and never shows when the page opens a
// link or autosaved work (other figures would follow it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appSuite, editedLink } from './harness.mjs';

const TIMEOUT = { timeout: 180_000 };
const suite = appSuite(before, after);

/** A fresh context whose WebAssembly download waits until `release()`. */
async function heldContext(t) {
  const context = await suite.browser().newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  t.after(() => context.close());
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  await context.route('**/*.wasm', async (route) => { await gate; await route.continue(); });
  return { context, release };
}

/** The summary as the page shows it: the sentence and each card's gross a year. */
const summary = (page) => page.evaluate(() => ({
  sentence: document.querySelector('[data-summary-sentence]')?.textContent,
  gross: [...document.querySelectorAll('[data-summary-line="gross"]')].map((e) => e.getAttribute('data-summary-value')),
}));

const firstScreenShown = (page) => page.evaluate(() => {
  const screen = document.getElementById('first-screen');
  return screen !== null && getComputedStyle(screen).display !== 'none';
});

test('the default answer shows before the app starts and is the answer the app gives', TIMEOUT, async (t) => {
  const { context, release } = await heldContext(t);
  const page = await context.newPage();
  await page.goto(suite.url(), { waitUntil: 'domcontentloaded' });
  await page.locator('[data-summary-sentence]').waitFor({ state: 'visible' });
  assert.equal(await firstScreenShown(page), true, 'the written first screen is what shows');
  assert.equal(await page.locator('[data-value]').count(), 0, 'the app has not started');
  const before = await summary(page);
  assert.match(before.sentence, /less a year than under/);
  assert.ok(before.gross.length >= 2, 'a card per offer');
  release();
  await page.waitForSelector('[data-value]');
  assert.equal(await page.locator('#first-screen').count(), 0, 'the app replaced it');
  assert.deepEqual(await summary(page), before, 'the same sentence and figures');
});

test('a link never shows the default first screen, not even while the app loads', TIMEOUT, async (t) => {
  const hash = await editedLink(suite, t);
  const { context, release } = await heldContext(t);
  const page = await context.newPage();
  await page.goto(suite.url() + hash, { waitUntil: 'domcontentloaded' });
  assert.equal(await firstScreenShown(page), false);
  release();
  await page.waitForSelector('[data-value]');
});

test('autosaved work never shows the default first screen', TIMEOUT, async (t) => {
  const { context, release } = await heldContext(t);
  release();
  const page = await context.newPage();
  await page.goto(suite.url());
  await page.waitForSelector('[data-value]');
  await page.fill('#years', '2');
  await page.waitForFunction(() => (localStorage.getItem('offer-compare/autosave') ?? '').includes('"years_at_grade": 2'));
  // Same context (same storage), app held back again.
  const held = await heldContext(t);
  await held.context.addInitScript((saved) => localStorage.setItem('offer-compare/autosave', saved),
    await page.evaluate(() => localStorage.getItem('offer-compare/autosave')));
  const again = await held.context.newPage();
  await again.goto(suite.url(), { waitUntil: 'domcontentloaded' });
  assert.equal(await firstScreenShown(again), false);
  held.release();
  await again.waitForSelector('[data-value]');
});
