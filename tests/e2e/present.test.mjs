// Present and protect (issue #13): the app reloads and runs offline after the
// first visit; printed to PDF on A4 landscape, page 1 holds the comparison
// table and both charts, with a footer naming date, versions and presets;
// charts save as SVG files; the presentation view; and through a whole
// session — load, edit, share, export, print, present — the page asks for
// nothing but the app's own static files, under a strict CSP.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { appStarted, appSuite, readFigures, repoPath, showView } from './harness.mjs';

const TIMEOUT = { timeout: 180_000 };
const { open, url } = appSuite(before, after);
const DIST = process.env.DIST_DIR || repoPath('dist');

/** Waits until the service worker controls the page and has cached every file. */
async function waitForOfflineCache(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  for (let i = 0; i < 100; i++) {
    const ready = await page.evaluate(async () => {
      const keys = await caches.keys();
      if (keys.length !== 1 || !navigator.serviceWorker.controller) return false;
      const cached = await (await caches.open(keys[0])).keys();
      return cached.length;
    });
    if (ready) return ready;
    await page.waitForTimeout(100);
  }
  throw new Error('the service worker did not cache the app');
}

test('after the first visit the app reloads and computes with no network', TIMEOUT, async (t) => {
  const { context, page, consoleErrors } = await open(t);
  const cached = await waitForOfflineCache(page);
  // Every file of the bundle, the page itself included.
  assert.equal(cached, readdirSync(DIST).filter((f) => f !== 'sw.js').length);
  const online = await readFigures(page);
  await context.setOffline(true);
  await page.reload();
  await appStarted(page);
  assert.deepEqual(await readFigures(page), online, 'the same figures, offline');
  // And it still computes: a change of LTFT changes pay.
  await page.fill('#ltft', '80');
  await page.waitForFunction((v) => document.querySelector('[data-offer="may-2016"][data-line="gross_annual"]').dataset.value !== v,
    online.find((f) => f.offer === 'may-2016' && f.line === 'gross_annual').value);
  assert.deepEqual(consoleErrors, []);
});

test('printed on A4 landscape, page 1 holds the table and both charts; footer with date, versions, presets', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  mkdirSync(repoPath('target', 'e2e'), { recursive: true });
  writeFileSync(repoPath('target', 'e2e', 'print.pdf'), pdf);
  writeFileSync(repoPath('target', 'e2e', 'print.json'), JSON.stringify({ pages }, null, 2));
  // 21 for the default's five columns (each with its limits and notes) and every assumption.
  assert.ok(pages >= 2 && pages <= 24, `${pages} pages`);
  // The page box as Chromium lays it out for print: A4 landscape less the margins
  // (297 × 210 mm, margins 10 mm sides and top, 14 mm bottom) at 96 px per inch.
  const mm = 96 / 25.4;
  await page.emulateMedia({ media: 'print' });
  await page.setViewportSize({ width: Math.floor(277 * mm), height: Math.floor(186 * mm) });
  const layout = await page.evaluate(() => {
    const box = (selector) => {
      const element = document.querySelector(selector);
      const rect = element.getBoundingClientRect();
      return { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right, clipped: element.scrollWidth > element.clientWidth + 1 };
    };
    return {
      table: box('table.results'),
      pay: box('#pay-chart'),
      rest: box('#rest-chart'),
      width: document.documentElement.scrollWidth,
      footer: document.querySelector('.page-footer').textContent,
      // What every printed page's bottom margin box shows (@page @bottom-left).
      margin: getComputedStyle(document.documentElement).getPropertyValue('--page-footer'),
      hidden: ['form.inputs', '.toolbar', '.share', '.rota-editor'].map((s) => getComputedStyle(document.querySelector(s)).display),
    };
  });
  const pageHeight = 186 * mm;
  const pageWidth = Math.floor(277 * mm);
  for (const part of ['table', 'pay', 'rest']) {
    assert.ok(layout[part].bottom <= pageHeight, `${part} ends at ${layout[part].bottom} px, below page 1 (${pageHeight})`);
    assert.ok(layout[part].right <= pageWidth + 1 && !layout[part].clipped, `${part} is clipped`);
  }
  assert.ok(layout.width <= pageWidth + 1, `the page is ${layout.width} px wide`);
  assert.deepEqual(layout.hidden, ['none', 'none', 'none', 'none'], 'inputs and tools are not printed');
  assert.match(layout.footer, /shown \d{4}-\d{2}-\d{2}/);
  assert.match(layout.footer, /offer-compare \d+\.\d+\.\d+ · scenario format 1/);
  assert.match(layout.footer, /preset tcs-2016@2/);
  assert.equal(layout.margin, JSON.stringify(layout.footer), 'the footer in every page\'s margin');
  assert.deepEqual(consoleErrors, []);
});

test('each chart and the timeline download as SVG files with their title and source line', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  for (const [view, figure, title, file] of [
    ['compare', 'pay-chart', 'Gross pay per year, by element, with net pay marked', 'pay-chart'],
    ['compare', 'rest-chart', 'Rest: hours per week, shortest rest, weekends off', 'rest-chart'],
    ['job', 'rota-timeline', 'Timeline of FY2 general medicine (illustrative, 8 weeks) paid as under Imposed contract, Feb 2016 (TCS v1) — new entrant', 'timeline'],
  ]) {
    await showView(page, view);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#${figure} >> button.download`)]);
    assert.equal(download.suggestedFilename(), `offer-compare-${file}.svg`);
    const svg = readFileSync(await download.path(), 'utf8');
    assert.ok(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'));
    assert.ok(svg.includes(`>${title}</text>`), 'a visible title');
    // The source line, wrapped at the chart's width (so never cut off), read back whole.
    const source = [...svg.matchAll(/<text x="0" y="\d+" font-size="11" fill="#4a4a55">([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
    assert.match(source, /^offer-compare \d+\.\d+\.\d+ · scenario format 1 · link format v2 · preset contract-2002@2/);
    // A well-formed SVG document that draws in colour without the page's stylesheet.
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, fills: [...new Set([...doc.querySelectorAll('rect[fill]')].map((r) => r.getAttribute('fill')))] };
    }, svg);
    assert.equal(parsed.error, null);
    assert.ok(parsed.fills.length >= 2, `fills: ${parsed.fills}`);
    // Net pay marked on each bar, in ink, with its amount (the 2002 column under contract-2002@2, band 1A: £29,981.58).
    if (file === 'pay-chart') assert.ok(svg.includes('<title>Net pay: £29,981.58</title>') && /<line[^>]*stroke="#/.test(svg), 'net pay marked in the file');
    if (file === 'timeline') assert.ok(svg.includes('<pattern id="hatch-night"') && svg.includes('fill="url(#hatch-night)"'), 'night hours hatched in the file too');
  }
  assert.deepEqual(consoleErrors, []);
});

test('the presentation view shows the comparison in large type, one pair at a time, and Esc leaves it', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  const figures = await readFigures(page);
  await page.click('text=Presentation view');
  await page.waitForSelector('main.presentation');
  // Focus moves into the presentation, and back to its button on leaving.
  await page.waitForFunction(() => document.activeElement?.textContent === 'Leave the presentation (Esc)');
  assert.equal(await page.locator('form.inputs').count(), 0, 'nothing but the comparison');
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('table.results')).fontSize));
  assert.ok(size >= 20, `type of ${size} px`);
  assert.deepEqual(await readFigures(page), figures);
  await page.selectOption('#present-pair', 'may-2016');
  await page.waitForFunction(() => document.querySelectorAll('table.results thead th[scope=col]').length === 3);
  const offers = [...new Set((await readFigures(page)).map((f) => f.offer))].sort();
  assert.deepEqual(offers, ['contract-2002', 'may-2016']);
  await page.keyboard.press('Escape');
  await page.waitForSelector('form.inputs');
  await page.waitForFunction(() => document.activeElement?.textContent === 'Presentation view');
  assert.deepEqual(await readFigures(page), figures);
  assert.deepEqual(consoleErrors, []);
});

test('a whole session asks for nothing but the app\'s own static files', TIMEOUT, async (t) => {
  const { page, requests, consoleErrors } = await open(t);
  await page.fill('#ltft', '80');
  await page.click('[data-column="may-2016"] >> text=Duplicate and edit');
  await page.waitForSelector('.offer-editor');
  await page.click('.offer-editor >> button.disclose:has-text("Premium windows")');
  await page.click('.offer-editor >> button.disclose:has-text("Night hours")');
  await page.fill('#oe-terms-premium_windows-0-uplift', '40%');
  const link = await page.inputValue('#share-link');
  assert.match(link, /\?view=offers#v2\./);
  await showView(page, 'share');
  for (const button of ['Save scenario file (JSON)', 'Download results (CSV)']) {
    await Promise.all([page.waitForEvent('download'), page.click(`text=${button}`)]);
  }
  await showView(page, 'compare');
  await Promise.all([page.waitForEvent('download'), page.click('#pay-chart >> text=Download chart (SVG)')]);
  await page.pdf({ preferCSSPageSize: true });
  await page.click('text=Presentation view');
  await page.keyboard.press('Escape');
  // The shared link, opened: the same page, the same files.
  await page.goto(link);
  await appStarted(page);
  await page.waitForLoadState('networkidle');
  const own = new Set(['/', ...readdirSync(DIST).map((f) => `/${f}`)]);
  const base = new URL(url());
  const strangers = requests.filter((address) => {
    if (address.startsWith('data:') || address.startsWith('blob:')) return false;
    const parsed = new URL(address);
    return parsed.origin !== base.origin || !own.has(parsed.pathname);
  });
  assert.deepEqual(strangers, [], 'requests other than the app\'s own static files');
  assert.ok(requests.length > 0);
  assert.deepEqual(consoleErrors, [], 'no console errors, Content-Security-Policy violations included');
});
