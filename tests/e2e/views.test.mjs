// The page as a few views (issue #21): each view is reached from the
// navigation by keyboard; the address keeps the view beside the share link
// (`?view=<id>#v2.…`), so Back and Forward, a reload and a shared link all
// come back to it without losing the comparison; every view opens with the
// answer, Compare's on the first screen of a phone and of a laptop; links
// into another view (an error's field, a glossary term) go there; axe finds
// no serious violation on any view at 360 and 1366 px; screenshots of each.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import {
  VIEWS,
  appStarted,
  appSuite,
  assertOnFirstScreen,
  axeAudit,
  currentView,
  describeViolations,
  readFigures,
  screenshot,
  seriousViolations,
  showView,
  summaryOnFirstScreen,
} from './harness.mjs';

const TIMEOUT = { timeout: 180_000 };
const suite = appSuite(before, after);
const { open } = suite;
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
];

/** Something each view shows that no other view does. */
const LANDMARK = {
  compare: '#results-heading',
  job: '#rota-editor-heading',
  offers: '#terms-heading',
  explore: '#explore-heading',
  'take-home': '#take-home-on',
  share: '#share-heading',
  method: '#method-heading',
};

/** The view in the address bar (`?view=`), `compare` when there is none. */
const addressView = (page) => page.evaluate(() => new URLSearchParams(location.search).get('view') ?? 'compare');

/** Asserts the page shows `view`: its link marked, its parts shown, the others' hidden, the answer on top. */
async function assertShows(page, view) {
  assert.equal(await currentView(page), view);
  assert.equal(await addressView(page), view);
  for (const [other, landmark] of Object.entries(LANDMARK)) {
    assert.equal(await page.isVisible(landmark), other === view, `${landmark} in view ${view}`);
  }
  // Every view opens with the heading and the answer in plain words, said once.
  assert.ok(await page.isVisible('h1'));
  assert.equal(await page.locator('[data-summary-sentence]').count(), 1);
  assert.ok(await page.isVisible('[data-summary-sentence]'));
  assert.equal(await page.locator('[data-summary-offer]').count() > 0, view === 'compare', 'the cards are Compare\'s');
  assert.equal(await page.isVisible('.to-answer a[data-view="compare"]'), view !== 'compare', 'a way back to the answer');
}

test('each view is reached from the navigation by keyboard, and only its parts show', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  await assertShows(page, 'compare');
  /** Presses `key` until the focused element is view `id`'s link (at most 40 times). */
  const focusLink = async (id, key) => {
    for (let i = 0; i < 40; i += 1) {
      await page.keyboard.press(key);
      if (await page.evaluate((v) => document.activeElement?.dataset.view === v, id)) return;
    }
    assert.fail(`never reached the link to ${id} by ${key}`);
  };
  for (const view of [...VIEWS.slice(1), 'compare']) {
    await focusLink(view, view === 'compare' ? 'Shift+Tab' : 'Tab');
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.notEqual(ring, 'none', `the link to ${view} shows its focus`);
    await page.keyboard.press('Enter');
    await page.waitForSelector(`nav.views a[data-view="${view}"][aria-current="page"]`);
    await assertShows(page, view);
    // The focus stays on the link, so the next Tab goes on from there.
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.view), view);
    assert.match(await page.title(), view === 'compare' ? /^Offer Compare$/ : / · Offer Compare$/);
  }
  // No trap: Tab leaves the navigation for the page (its links: the views and the pay history).
  const links = await page.$$eval('nav.views a', (as) => as.length);
  assert.equal(links, VIEWS.length + 1);
  for (let i = 0; i < links; i += 1) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => !!document.activeElement.closest('nav.views')), false);
  assert.deepEqual(consoleErrors, []);
});

test('Back and Forward move between views; the comparison on screen stays', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  await page.waitForFunction(() => location.hash.length > 1);
  const before = await page.evaluate(() => location.hash);
  await showView(page, 'job');
  await page.fill('#years', '2');
  await page.waitForFunction((h) => location.hash !== h, before);
  const edited = await readFigures(page);
  const hash = await page.evaluate(() => location.hash);
  await showView(page, 'share');
  await page.goBack();
  await page.waitForSelector('nav.views a[data-view="job"][aria-current="page"]');
  await assertShows(page, 'job');
  await page.goBack();
  await page.waitForSelector('nav.views a[data-view="compare"][aria-current="page"]');
  await assertShows(page, 'compare');
  // Back is not undo: the entry was left before the edit, the edit stays.
  assert.equal(await page.inputValue('#years'), '2');
  assert.deepEqual(await readFigures(page), edited);
  assert.equal(await page.evaluate(() => location.hash), hash);
  await page.goForward();
  await page.waitForSelector('nav.views a[data-view="job"][aria-current="page"]');
  await assertShows(page, 'job');
  assert.deepEqual(await readFigures(page), edited);
  assert.equal(await page.locator('.notice').count(), 0, 'nothing was opened again');
  assert.deepEqual(consoleErrors, []);
});

test('a reload keeps the view and the comparison', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  await showView(page, 'offers');
  await page.selectOption('#add-offer', 'tcs-2019@1');
  await page.click('#add-offer-button');
  await page.waitForSelector('[data-offer="tcs-2019"][data-line="gross_annual"]', { state: 'attached' });
  await page.waitForFunction(() => document.querySelector('#share-link')?.value.includes(location.hash) && location.hash.length > 1);
  const figures = await readFigures(page);
  await page.reload();
  await appStarted(page);
  await assertShows(page, 'offers');
  assert.deepEqual(await readFigures(page), figures);
  assert.deepEqual(consoleErrors, []);
});

test('a shared link opens the same view, and each view\'s link opens in a new tab', TIMEOUT, async (t) => {
  const { page, context, consoleErrors } = await open(t);
  await page.fill('#years', '3');
  await showView(page, 'explore');
  await page.waitForFunction(() => document.querySelector('#share-link')?.value.includes(location.hash) && location.hash.length > 1);
  const link = await page.inputValue('#share-link');
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/\?view=explore#v\d+\./);
  assert.equal(link, await page.evaluate(() => location.href), 'the address bar holds the share link');
  const figures = await readFigures(page);
  const other = await open(t, undefined, link.slice(link.indexOf('?')));
  await assertShows(other.page, 'explore');
  assert.deepEqual(await readFigures(other.page), figures);
  // The navigation's links are real addresses: the comparison and the view.
  const href = await page.getAttribute('nav.views a[data-view="method"]', 'href');
  assert.equal(href, link.replace('?view=explore', '?view=method'));
  const tab = await context.newPage();
  await tab.goto(href);
  await appStarted(tab);
  await assertShows(tab, 'method');
  assert.deepEqual(await readFigures(tab), figures);
  assert.equal(await page.getAttribute('nav.views a[data-view="compare"]', 'href'), link.replace('?view=explore', ''));
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(other.consoleErrors, []);
});

for (const viewport of VIEWPORTS) {
  test(`the answer is on the first screen at ${viewport.width}×${viewport.height}: the default, a shared link, another view`, TIMEOUT, async (t) => {
    const first = await open(t, viewport);
    assertOnFirstScreen(await summaryOnFirstScreen(first.page), viewport, 'contract-2002');
    // Which doctor each new-contract card is shows in full at every width (a
    // phone cuts the heading short, so there it is in the status line).
    const roles = await first.page.evaluate(() => [...document.querySelectorAll('[data-summary-offer]')].map((card) => {
      const shown = [...card.querySelectorAll('.role, .role-again')].filter((e) => e.getClientRects().length > 0);
      return shown.length === 1 && shown[0].getBoundingClientRect().right <= card.getBoundingClientRect().right
        ? shown[0].textContent.replace(/^ [—·] /, '') : null;
    }));
    assert.deepEqual(roles, [null, 'new entrant', null, 'new entrant', null]);
    // Each new contract's doctor in post is in its new entrant's card, headed so.
    const inPost = await first.page.$$eval('li.card', (cards) => cards.map((card) =>
      [...card.querySelectorAll('[data-summary-offer]')].map((b) => b.dataset.summaryOffer).join(' ')));
    assert.deepEqual(inPost, ['contract-2002', 'imposed imposed+', 'may-2016 may-2016+']);
    assert.equal(await first.page.locator('[data-summary-offer="imposed+"] h4').innerText(), 'For a doctor in post (2002 pay protection)');
    await first.page.check('li[data-column="may-2016"] input[type="radio"]');
    await first.page.waitForSelector('[data-summary-offer="may-2016"].baseline');
    await first.page.waitForFunction(() => document.querySelector('#share-link')?.value.includes(location.hash));
    const link = await first.page.inputValue('#share-link');
    const shared = await open(t, viewport, link.slice(link.indexOf('#')));
    await shared.page.waitForSelector('[data-summary-offer="may-2016"].baseline');
    assertOnFirstScreen(await summaryOnFirstScreen(shared.page), viewport, 'may-2016');
    // A shared link to another view: the heading and the sentence on the first screen.
    const offers = await open(t, viewport, '?view=offers' + link.slice(link.indexOf('#')));
    await assertShows(offers.page, 'offers');
    const top = await offers.page.evaluate(() => ['h1', '[data-summary-sentence]', '.to-answer a'].map((s) => {
      const r = document.querySelector(s).getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    }));
    assert.deepEqual(top, [true, true, true]);
    for (const app of [first, shared, offers]) assert.deepEqual(app.consoleErrors, []);
  });
}

test('the first screen written into the page shows for Compare only', TIMEOUT, async () => {
  for (const [query, shown] of [['', true], ['?view=compare', true], ['?view=job', false], ['?view=method', false]]) {
    // A fresh profile (no autosave), stopped before the app replaces the
    // first screen: what the page's guard script decided.
    const context = await suite.browser().newContext();
    try {
      const page = await context.newPage();
      await page.route('**/*.wasm', (route) => route.abort());
      await page.goto(suite.url() + query);
      const display = await page.evaluate(() => getComputedStyle(document.getElementById('first-screen')).display);
      assert.equal(display !== 'none', shown, `first screen for '${query}'`);
    } finally {
      await context.close();
    }
  }
});

test('links into another view go there: an error\'s field, a term of the glossary, terms vs baseline', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  // A glossary term in the full table leads to Method, to the term.
  const term = page.locator('table.results a.term').first();
  const target = (await term.getAttribute('href')).slice(1);
  await term.click();
  await page.waitForSelector('nav.views a[data-view="method"][aria-current="page"]');
  assert.ok(await page.isVisible(`[id="${target}"]`));
  assert.ok(await page.evaluate((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  }, target), 'the term is in view');
  // The address bar keeps the view and the share link.
  await page.waitForFunction(() => /^#v\d+\./.test(location.hash));
  assert.equal(await addressView(page), 'method');
  // "Terms vs baseline" on a column in Compare shows the terms, in Offers.
  await showView(page, 'compare');
  await page.click('[data-column="may-2016"] >> text=Terms vs baseline');
  await page.waitForSelector('nav.views a[data-view="offers"][aria-current="page"]');
  assert.equal(await page.inputValue('#terms-b'), 'tcs-2016');
  // A problem's link in the error summary, seen from another view, goes to its field and focuses it.
  await showView(page, 'compare');
  await page.fill('#pay-date', '1990-01-01');
  await page.waitForSelector('.error-summary');
  await showView(page, 'method');
  const problem = page.locator('.error-summary a').first();
  const field = (await problem.getAttribute('href')).slice(1);
  await problem.click();
  await page.waitForFunction((id) => document.activeElement?.id === id, field);
  assert.ok(await page.isVisible(`[id="${field}"]`));
  assert.notEqual(await currentView(page), 'method');
  assert.deepEqual(consoleErrors, []);
});

test('every view: no serious accessibility violation at 360 and 1366 px, screenshots, no sideways scroll', { timeout: 300_000 }, async (t) => {
  const { page, consoleErrors } = await open(t);
  const overflow = [];
  for (const width of [360, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    for (const view of VIEWS) {
      await showView(page, view);
      const violations = await axeAudit(page);
      const serious = seriousViolations(violations);
      assert.equal(serious.length, 0, `${view} at ${width} px:\n${describeViolations(serious)}`);
      assert.deepEqual(violations.filter((v) => v.id === 'scrollable-region-focusable'), [], `${view} at ${width} px`);
      const file = await screenshot(page, `view-${view}`, width);
      assert.ok(statSync(file).size > 0, `${file} is empty`);
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > width) overflow.push(`${view} at ${width} px: ${scrollWidth}`);
    }
  }
  assert.deepEqual(overflow, [], 'the page scrolls sideways');
  assert.deepEqual(consoleErrors, []);
});
