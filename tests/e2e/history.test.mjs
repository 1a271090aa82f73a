// The pay-history page (history.html, issue #24): its own program, opened
// from the comparison's navigation. The page and the command line give the
// same sentence, the same year-by-year figures and the same CSV for the same
// choices; the address reproduces them; every figure opens its explanation
// beside it; a published claim sets its choices in one click; axe finds
// nothing serious at 360 and 1366 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import {
  appSuite, axeAudit, describeViolations, repoPath, screenshot, seriousViolations,
} from './harness.mjs';

const TIMEOUT = { timeout: 180_000 };
const suite = appSuite(before, after);

/** Opens the history at `path` and waits for its program (the first screen written into the page has no form). */
async function openHistory(t, viewport, path) {
  const app = await suite.open(t, viewport, path);
  await app.page.waitForSelector('#history-line');
  return app;
}

function cli(...args) {
  const bin = process.env.CLI_BIN || repoPath('target', 'debug', 'offer-compare');
  return execFileSync(bin, ['history', ...args], { encoding: 'utf8' });
}

// The BMA's 2023 claim's choices, as the page writes them in its address.
const BMA_2023 = 'line=2002&grade=FY1&years=0&index=rpi&basis=annual&from=2008&to=2022';
const BMA_2023_CLI = ['contract-2002@3', '--grade', 'FY1', '--years', '0', '--index', 'rpi', '--basis', 'annual', '--from', '2008', '--to', '2022'];

test('the page and the command line give the same history for the same choices', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await openHistory(t, { width: 1366, height: 900 }, `history.html?${BMA_2023}`);
  const cliText = cli(...BMA_2023_CLI);
  const sentence = await page.textContent('[data-history-sentence]');
  assert.equal(sentence, cliText.split('\n')[0]);
  assert.match(sentence, /buys 26\.39% less than in 2008\/09; a rise of 35\.86% would restore it\.$/);
  // Every year's two figures, to the penny, against the CSV the command line writes.
  const csvRows = cli(...BMA_2023_CLI, '--format', 'csv').trim().split('\r\n');
  const years = csvRows.slice(csvRows.indexOf('pay_year,scale,point,basic_pay,in_2022_pounds') + 1);
  const rows = await page.$$eval('table.history-table tbody tr[data-year]', (trs) => trs.map((tr) => {
    const cells = tr.querySelectorAll('td');
    const value = (td) => td.querySelector('[data-value]')?.getAttribute('data-value') ?? '';
    return [tr.querySelector('th').textContent, cells[0].textContent, cells[1].textContent, value(cells[2]), value(cells[3])];
  }));
  assert.equal(rows.length, years.length);
  for (const [i, row] of rows.entries()) {
    const [year, scale, point, cash, real] = years[i].match(/("[^"]*"|[^,]*)(,|$)/g).map((f) => f.replace(/,$/, '').replace(/^"|"$/g, ''));
    assert.deepEqual(row, [year, scale || 'not published or not found', point, cash, real], `row ${year}`);
  }
  // The page's CSV download is the command line's, byte for byte.
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('text=Download the years (CSV)')]);
  assert.equal(readFileSync(await download.path(), 'utf8'), cli(...BMA_2023_CLI, '--format', 'csv'));
  // The chart as a file: its title, its drawing and the command as its source line, wrapped, whole.
  const [svg] = await Promise.all([page.waitForEvent('download'), page.click('text=Download chart (SVG)')]);
  const svgText = readFileSync(await svg.path(), 'utf8');
  assert.match(svgText, /<title>Basic pay in 2022\/23 pounds \(solid\) and in cash \(dashed\)<\/title>/);
  assert.match(svgText, /<polyline/);
  assert.ok(svgText.includes('>offer-compare history contract-2002@3 --grade FY1 --years 0</text>'), svgText);
  assert.ok(svgText.includes('>--index rpi --basis annual --from 2008 --to 2022</text>'), svgText);
  // Printed: the answer, chart, years, readings and claims without their controls, in a few pages.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('text=Download the years (CSV)').isVisible(), false);
  assert.equal(await page.locator('[data-history-sentence]').isVisible(), true);
  await page.emulateMedia({ media: 'screen' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 2 && pages <= 6, `${pages} pages`);
  // The command line the page names prints the same sentence.
  const named = (await page.textContent('section.method code')).split(' ').slice(2);
  assert.equal(cli(...named).split('\n')[0], sentence);
  assert.deepEqual(consoleErrors, []);
});

test('a figure opens its explanation beside it; a choice or a claim changes the answer and the address', TIMEOUT, async (t) => {
  const { page } = await openHistory(t, { width: 390, height: 844 }, 'history.html');
  // Phone first: nothing wider than the phone (wide tables scroll in their own box)…
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390);
  // …and the answer is in the first screen.
  const box = await page.locator('[data-history-sentence]').boundingBox();
  assert.ok(box && box.y + box.height <= 844, `the sentence ends at ${box?.y + box?.height}px`);
  // The grade's points in words: the 2002 scale's, then the 2016 contract's nodal point.
  assert.equal(await page.textContent('[data-history-points]'), 'Points paid (FY1 with 0 completed years): FY1-0 2008/09–2015/16; NP1 2016/17–2026/27.');
  // The default: an FY1 through today's contract, RPI annual averages, 2008/09 to 2025/26.
  assert.match(await page.textContent('[data-history-sentence]'), /^By RPI \(annual averages\), FY1 basic pay in 2025\/26 buys 5\.26% less than in 2008\/09/);
  assert.ok(page.url().endsWith('history.html?line=2016&grade=FY1&years=0&index=rpi&basis=annual&from=2008&to=2025'), page.url());

  // The 2008/09 figure in 2025/26 pounds explains itself, next to it.
  const figure = page.locator('tr[data-year="2008"] [data-figure="real:2008"]');
  await figure.click();
  assert.equal(await figure.getAttribute('aria-expanded'), 'true');
  const why = page.locator('#why-real\\:2008');
  assert.match(await why.textContent(), /£21,862/);
  assert.match(await why.textContent(), /RPI/);
  const [f, w] = [await figure.boundingBox(), await why.boundingBox()];
  assert.ok(w.y - (f.y + f.height) < 60, `the explanation opens ${w.y - (f.y + f.height)}px below its figure`);

  // Another index: the answer and the address follow at once.
  await page.selectOption('#history-index', 'cpi');
  await page.waitForFunction(() => document.querySelector('[data-history-sentence]').textContent.includes('By CPI'));
  assert.match(await page.textContent('[data-history-sentence]'), /buys 8\.70% more than in 2008\/09\.$/);
  assert.ok(page.url().includes('index=cpi'), page.url());

  // A claim's choices in one click: the IFS's 2010-to-2022/23 CPIH reading.
  await page.click('li[data-claim="1"] button');
  await page.waitForFunction(() => document.querySelector('[data-history-sentence]').textContent.includes('CPIH'));
  assert.match(await page.textContent('[data-history-sentence]'), /buys 14\.95% less than in 2010\/11; a rise of 17\.57% would restore it\.$/);
  assert.ok(page.url().endsWith('history.html?line=2002&grade=FY1&years=0&index=cpih&basis=annual&from=2010&to=2022'), page.url());
  // Each claim says what the same choices give here.
  const here = await page.$$eval('[data-claim-here]', (ps) => ps.map((p) => p.textContent));
  assert.equal(here.length, 4);
  assert.match(here[0], /26\.39% less/);

  // Readings side by side: these choices, the four claims, and one the reader adds,
  // kept in the address so a reload (or a link) brings the table back.
  await page.selectOption('#history-basis', 'april');
  await page.waitForFunction(() => document.querySelector('[data-history-sentence]').textContent.includes('April values'));
  await page.click('text=Add these choices to the table');
  const added = 'tr[data-reading="2002.FY1.0.cpih.april.2010.2022"]';
  await page.waitForSelector(added);
  assert.ok(page.url().endsWith('&r=2002.FY1.0.cpih.april.2010.2022'), page.url());
  assert.ok(await page.isDisabled('text=Add these choices to the table'));
  await page.reload();
  await page.waitForSelector('#history-line');
  await page.waitForSelector(added);
  const table = await page.$$eval('table.readings-table tbody tr', (trs) => trs.map((tr) => [
    tr.querySelector('th').textContent,
    ...[...tr.querySelectorAll('td[data-value]')].map((td) => td.getAttribute('data-value')),
  ]));
  assert.equal(table.length, 6);
  assert.deepEqual(table[1], ['BMA, February 2023', '-26.39', '35.86']);
  assert.deepEqual(table[2], ['IFS, as reported by Channel 4 FactCheck, 2023', '-14.95', '17.57']);
  assert.equal(table[5][0], 'Your reading 1');
  assert.deepEqual(table[5].slice(1), table[0].slice(1), 'the reading added is these choices');
  await page.click('button[aria-label="Remove your reading 1"]');
  await page.waitForFunction(() => !location.search.includes('&r='));
  // The chart draws the years it has, with a text equivalent.
  assert.equal(await page.locator('figure.history-chart svg[role="img"] polyline').count() >= 2, true);
});

test('a link with a value the page does not know names it at its field and shows the rest', TIMEOUT, async (t) => {
  const { page } = await openHistory(t, { width: 1366, height: 900 }, 'history.html?grade=FY9&index=cpih&from=2010&to=2022&line=2002');
  const summary = await page.textContent('.error-summary');
  assert.match(summary, /grade: 'FY9' is not a grade/);
  assert.equal(await page.getAttribute('.error-summary a', 'href'), '#history-grade');
  assert.match(await page.textContent('[data-history-sentence]'), /By CPIH .* FY1 basic pay in 2022\/23 buys 14\.95% less than in 2010\/11/);
  // A year with no index value shipped (no CPIH annual average for 2025 was
  // found) is said in words, never filled in, and the choices stay.
  await page.selectOption('#history-line', '2016');
  await page.waitForFunction(() => new URLSearchParams(location.search).get('line') === '2016');
  await page.selectOption('#history-to', '2025');
  await page.waitForSelector('[data-history-error]');
  assert.match(await page.textContent('[data-history-error]'), /no CPIH annual average for 2025 is shipped/);
  assert.equal(await page.inputValue('#history-index'), 'cpih');
});

test('the comparison links to the history, and axe finds nothing serious at 360 and 1366 px', TIMEOUT, async (t) => {
  const { page } = await suite.open(t, { width: 1366, height: 900 });
  await page.click('nav.views a[href="history.html"]');
  await page.waitForSelector('#history-line');
  for (const width of [360, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await page.click('tr[data-year="2016"] [data-figure="cash:2016"]');
    const violations = seriousViolations(await axeAudit(page));
    assert.deepEqual(violations, [], describeViolations(violations));
    await page.click('tr[data-year="2016"] [data-figure="cash:2016"]');
    await screenshot(page, 'history', width);
  }
});
