// Keep (issue #12): autosave survives a reload; saved comparisons are kept
// apart; storage that throws leaves a working app with a notice; a corrupted
// saved item is reported and the others still open.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appStarted, appSuite, readFigures, showView } from './harness.mjs';

const TIMEOUT = { timeout: 180_000 };
const { open, url } = appSuite(before, after);

const gross = (page) => page.getAttribute('[data-offer="may-2016"][data-line="gross_annual"]', 'data-value');
const notice = async (page, pattern) => {
  await page.waitForFunction((p) => new RegExp(p).test(document.querySelector('.notice')?.textContent ?? ''), pattern.source);
  return page.locator('.notice').innerText();
};

test('a reload brings back the work, without the link', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  await page.fill('#years', '2');
  await page.selectOption('#rota', 'breaches-2016@1');
  await page.waitForSelector('tr[data-offer="may-2016"][data-passed="false"]');
  const edited = await readFigures(page);
  await page.waitForFunction(() => (localStorage.getItem('offer-compare/autosave') ?? '').includes('"years_at_grade": 2'));
  await page.goto(url());
  await appStarted(page);
  await notice(page, /Your work from last time is back/);
  assert.deepEqual(await readFigures(page), edited);
  assert.deepEqual(consoleErrors, []);
});

// Issue #23: an invalid scenario never reaches the address bar, the autosave
// or a saved comparison; a reload brings back the last valid work.
test('work with a problem is not kept: a reload brings back the last valid work', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  await page.fill('#years', '2');
  await page.waitForFunction(() => (localStorage.getItem('offer-compare/autosave') ?? '').includes('"years_at_grade": 2'));
  const edited = await readFigures(page);
  const hash = await page.evaluate(() => location.hash);
  await page.fill('#pay-date', '1990-01-01'); // no offer has a pay scale then
  await page.waitForSelector('.error-summary');
  await page.waitForTimeout(1200); // past the autosave's half-second delay
  const kept = await page.evaluate(() => localStorage.getItem('offer-compare/autosave') ?? '');
  assert.ok(!kept.includes('1990-01-01') && kept.includes('"years_at_grade": 2'), 'the autosave keeps the last valid work');
  assert.equal(await page.evaluate(() => location.hash), hash, 'the address bar keeps the last valid link');
  await showView(page, 'share');
  await page.fill('#saved-name', 'Broken');
  await page.click('text=Save this comparison');
  await notice(page, /Could not save: it has a problem to fix first/);
  await page.goto(url());
  await appStarted(page);
  await notice(page, /Your work from last time is back/);
  assert.deepEqual(await readFigures(page), edited);
  assert.deepEqual(consoleErrors, []);
});

test('two saved comparisons are kept apart, renamed, duplicated and deleted', TIMEOUT, async (t) => {
  const { page } = await open(t);
  const a = await readFigures(page);
  await showView(page, 'share');
  await page.fill('#saved-name', 'Default');
  await page.click('text=Save this comparison');
  await notice(page, /Saved “Default”/);
  await showView(page, 'job');
  await page.selectOption('#rota', 'em-evenings@1');
  await page.waitForFunction((v) => document.querySelector('[data-offer="may-2016"][data-line="gross_annual"]').dataset.value !== v, a.find((f) => f.offer === 'may-2016' && f.line === 'gross_annual').value);
  const b = await readFigures(page);
  await showView(page, 'share');
  await page.fill('#saved-name', 'Evenings');
  await page.click('text=Save this comparison');
  assert.equal(await page.locator('.saved-list tbody tr').count(), 2);
  await page.click('button[aria-label="Open “Default”"]');
  await notice(page, /Opened the saved comparison “Default”/);
  assert.deepEqual(await readFigures(page), a);
  await page.click('button[aria-label="Open “Evenings”"]');
  await notice(page, /Opened the saved comparison “Evenings”/);
  assert.deepEqual(await readFigures(page), b);
  await page.fill('#saved-name', 'Evening rota');
  await page.click('button[aria-label="Rename “Evenings”"]');
  await notice(page, /Renamed “Evenings” to “Evening rota”/);
  await page.click('button[aria-label="Duplicate “Default”"]');
  await notice(page, /Saved “Default \(copy\)”/);
  await page.click('button[aria-label="Delete “Default”"]');
  const names = await page.locator('.saved-list tbody th').allInnerTexts();
  assert.deepEqual(names.sort(), ['Default (copy)', 'Evening rota']);
  // They survive a reload, in the view it was in.
  await page.reload();
  await page.waitForSelector('.saved-list');
  assert.equal(await page.locator('.saved-list tbody tr').count(), 2);
});

test('storage that throws on write leaves a working app with a notice', TIMEOUT, async (t) => {
  const { page, context, consoleErrors } = await open(t);
  await context.addInitScript(() => {
    Storage.prototype.setItem = () => { throw new DOMException('quota', 'QuotaExceededError'); };
  });
  await page.goto(url());
  await appStarted(page);
  // Said as the page starts (the autosave is written with the address bar).
  await notice(page, /cannot be kept in this browser/);
  const before = await gross(page);
  await page.fill('#ltft', '80');
  await page.waitForFunction((v) => document.querySelector('[data-offer="may-2016"][data-line="gross_annual"]').dataset.value !== v, before);
  await showView(page, 'share');
  await page.fill('#saved-name', 'Nope');
  await page.click('text=Save this comparison');
  await notice(page, /Could not save: the browser refused to store it/);
  assert.equal(await page.locator('[data-value]').count() > 0, true);
  assert.deepEqual(consoleErrors, []);
});

test('a corrupted saved item is reported and the others still open', TIMEOUT, async (t) => {
  const { page } = await open(t);
  const defaults = await readFigures(page);
  await showView(page, 'share');
  await page.fill('#saved-name', 'Good');
  await page.click('text=Save this comparison');
  await notice(page, /Saved “Good”/);
  await page.evaluate(() => {
    localStorage.setItem('offer-compare/saved/2', '{"name": "Broken');
    localStorage.setItem('offer-compare/saved/3', JSON.stringify({ name: 'Future', saved_at: '2030-01-01T00:00:00Z', scenario: { version: 9 } }));
  });
  await page.reload();
  await page.waitForSelector('.saved-unreadable');
  assert.match(await page.locator('.saved-unreadable').innerText(), /number 2\) cannot be opened: it is damaged/);
  await page.click('button[aria-label="Open “Future”"]');
  await notice(page, /“Future” it cannot be opened: .*format version 9 is not supported/);
  await showView(page, 'compare');
  await page.selectOption('#rota', 'em-evenings@1');
  await showView(page, 'share');
  await page.click('button[aria-label="Open “Good”"]');
  await notice(page, /Opened the saved comparison “Good”/);
  assert.deepEqual(await readFigures(page), defaults);
});

test('a browser that refuses storage altogether (private mode) still computes, with a notice', TIMEOUT, async (t) => {
  const { page, context, consoleErrors } = await open(t);
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  await page.goto(url());
  await appStarted(page);
  await notice(page, /this browser does not let the page keep anything/);
  await page.fill('#ltft', '60');
  await page.waitForSelector('.stale-note', { state: 'detached' });
  await showView(page, 'share');
  await page.fill('#saved-name', 'x');
  await page.click('text=Save this comparison');
  await notice(page, /Could not save/);
  assert.ok((await page.locator('[data-value]').count()) > 0);
  assert.deepEqual(consoleErrors, []);
});

// Issue #23: opening a share link over different autosaved work keeps that
// work as a saved comparison (the next autosave would overwrite it), and the
// notice says under what name; it opens again to the penny.
test('a link opened over other autosaved work keeps that work as a saved comparison', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  await page.waitForFunction(() => location.hash.startsWith('#v2.'));
  const link = await page.evaluate(() => location.hash);
  const defaults = await readFigures(page);
  await page.fill('#years', '2');
  await page.waitForFunction(() => (localStorage.getItem('offer-compare/autosave') ?? '').includes('"years_at_grade": 2'));
  const edited = await readFigures(page);
  await page.goto('about:blank'); // else only the fragment changes: no new page
  await page.goto(url() + link);
  await page.waitForSelector('[data-value]');
  await notice(page, /Opened the comparison in this link\. Your work from before is kept under Saved comparisons as “Your work before you opened a link, \d{4}-\d\d-\d\d \d\d:\d\d”\./);
  assert.deepEqual(await readFigures(page), defaults);
  await showView(page, 'share');
  await page.click('button[aria-label^="Open “Your work before you opened a link, "]');
  await notice(page, /Opened the saved comparison “Your work before you opened a link, /);
  assert.deepEqual(await readFigures(page), edited);
  assert.deepEqual(consoleErrors, []);
});

// The autosave is written with the address bar: a reload at once after an
// edit opens the edit, and keeps nothing aside as if a link had replaced it.
test('a reload straight after an edit opens the edit and sets nothing aside', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  await page.waitForFunction(() => location.hash.length > 1);
  const before = await page.evaluate(() => location.hash);
  await page.fill('#years', '2');
  // At once: the moment the address bar has the edit (a half-second autosave
  // timer, as before, left the autosave behind it here).
  await page.waitForFunction((h) => location.hash !== h, before);
  const edited = await readFigures(page);
  await page.reload();
  await appStarted(page);
  assert.equal(await page.inputValue('#years'), '2');
  assert.deepEqual(await readFigures(page), edited);
  assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('offer-compare/saved/')).length), 0);
  assert.deepEqual(consoleErrors, []);
});
