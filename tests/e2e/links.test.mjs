// Links and files (issue #11): a comparison travels as a link or a file and
// reproduces to the penny; hostile links and files get a message and lose
// nothing. Link lengths are written to target/e2e/links.json.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { appSuite, cliFigures, readFigures, repoPath, showView } from './harness.mjs';

const TIMEOUT = { timeout: 180_000 };
const { open } = appSuite(before, after);
const OUT = repoPath('target', 'e2e');
mkdirSync(OUT, { recursive: true });

/** A v1 link holding `text` as one run of literals (a valid, uncompressed LZ stream). */
function linkOf(text) {
  const bytes = Buffer.from(text, 'utf8');
  const varint = [];
  for (let n = bytes.length; ; n >>= 7) {
    if (n < 0x80) { varint.push(n); break; }
    varint.push((n & 0x7f) | 0x80);
  }
  return '#v1.' + Buffer.concat([Buffer.from(varint), bytes]).toString('base64url');
}

const defaultScenario = () => JSON.parse(readFileSync(repoPath('examples', 'default.json'), 'utf8'));

/** The page's notice (role alert or status), once shown. */
async function notice(page) {
  await page.waitForSelector('.notice');
  return page.locator('.notice').innerText();
}

/** An edited comparison: 2 years at grade, the breaches rota, an extra offer. */
async function edit(page) {
  await page.fill('#years', '2');
  await page.selectOption('#rota', 'breaches-2016@1');
  await page.selectOption('#add-offer', 'tcs-2019@1');
  await page.click('#add-offer-button');
  await page.waitForSelector('[data-offer="tcs-2019"][data-line="gross_annual"]');
}

test('a link reproduces the comparison in a fresh browser profile; the address bar follows edits', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  const defaultLink = await page.inputValue('#share-link');
  const historyBefore = await page.evaluate(() => history.length);
  await edit(page);
  const figures = await readFigures(page);
  const link = await page.inputValue('#share-link');
  assert.notEqual(link, defaultLink);
  const hash = link.slice(link.indexOf('#'));
  // The address bar holds the same link, and edits added no history entries.
  assert.equal(await page.evaluate(() => location.hash), hash);
  assert.equal(await page.evaluate(() => history.length), historyBefore);
  // An in-page link (the answer's rest verdict, to the offer's limits)
  // scrolls, then the address bar gets the share link back.
  await page.click('[data-summary-offer="may-2016"] [data-summary-line="rest"] a');
  await page.waitForFunction((h) => location.hash === h, hash);

  const other = await open(t, undefined, hash);
  assert.match(await notice(other.page), /Opened the comparison in this link/);
  assert.deepEqual(await readFigures(other.page), figures);
  assert.equal(await other.page.inputValue('#share-link'), link);
  // A link pasted into the address bar of an open page opens too.
  await other.page.evaluate((h) => { location.hash = h; }, defaultLink.slice(defaultLink.indexOf('#')));
  await other.page.waitForSelector('[data-offer="tcs-2019"]', { state: 'detached' });
  writeFileSync(
    `${OUT}/links.json`,
    JSON.stringify({ default_link_fragment_chars: defaultLink.length - defaultLink.indexOf('#') - 1, edited_link_fragment_chars: hash.length - 1 }, null, 2),
  );
  assert.ok(defaultLink.length - defaultLink.indexOf('#') - 1 <= 200, defaultLink);
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(other.consoleErrors, []);
});

test('a saved file gives the command line the same figures and CSV, and opens again', TIMEOUT, async (t) => {
  const { page } = await open(t);
  await edit(page);
  const figures = await readFigures(page);
  await showView(page, 'share');
  const [saved] = await Promise.all([page.waitForEvent('download'), page.click('text=Save scenario file (JSON)')]);
  assert.match(saved.suggestedFilename(), /^offer-compare-.*\.json$/);
  const file = `${OUT}/saved-scenario.json`;
  await saved.saveAs(file);
  assert.match(readFileSync(file, 'utf8'), /"app": "offer-compare \d+\.\d+\.\d+"/);
  assert.deepEqual(cliFigures(file), figures);

  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('text=Download results (CSV)')]);
  const csvFile = `${OUT}/results.csv`;
  await csv.saveAs(csvFile);
  // What a share button did is said beside the buttons, not at the top of the page.
  assert.match(await page.locator('section.share .notice').innerText(), /^Saved offer-compare-.*\.csv\.$/);
  assert.equal(await page.locator('main > .notice').count(), 0);
  const bin = process.env.CLI_BIN || repoPath('target', 'debug', 'offer-compare');
  const cliCsv = execFileSync(bin, [file, '--format', 'csv'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(readFileSync(csvFile, 'utf8'), cliCsv);
  assert.match(cliCsv, /^# Offer Compare results,/);
  assert.match(cliCsv, /# offer,.*preset tcs-2019@1/);

  // Import round trip: a fresh page opens the file and shows the same figures.
  const fresh = await open(t);
  await fresh.page.setInputFiles('#open-file', file);
  assert.match(await notice(fresh.page), /Opened the file saved-scenario\.json/);
  await fresh.page.waitForSelector('[data-offer="tcs-2019"][data-line="gross_annual"]');
  assert.deepEqual(await readFigures(fresh.page), figures);
});

/** Hostile links: each opens the default comparison with a message saying what was wrong. */
const HOSTILE_LINKS = [
  ['not base64', '#v1.<script>alert(1)</script>', /cannot appear in a link/],
  ['cut short', null, /cut short|corrupted/],
  ['another link format', '#v9.AAAA', /another version of the app/],
  ['a preset version that does not exist', linkOf(JSON.stringify({ ...defaultScenario(), offers: ['tcs-2016@9'] })), /no preset 'tcs-2016@9'/],
  ['a wrong format version', linkOf(JSON.stringify({ ...defaultScenario(), version: 7 })), /format version 7 is not supported/],
  ['numbers where text is expected', linkOf(JSON.stringify({ ...defaultScenario(), doctor: { grade: 'FY2', specialty_premium: 5 } })), /expected an amount like "31785\.50" \(in quotes, without £ or commas\), found the number 5/],
  ['not JSON', linkOf('{"version": 1, "title": '), /ends early/],
  ['deep nesting', linkOf('['.repeat(5000) + ']'.repeat(5000)), /not valid JSON at line 1, column 128: nested more than 128 deep|not a scenario/],
  ['a decompression bomb', '#v1.' + Buffer.from([0, 0xff, 0xff, 0x7f, 0]).toString('base64url'), /refers to text that does not exist|more than a scenario/],
];

test('hostile links open the default comparison with a message', TIMEOUT, async (t) => {
  const { page } = await open(t);
  const defaults = await readFigures(page);
  const { url } = await page.evaluate(() => ({ url: location.href }));
  const good = url.slice(url.indexOf('#'));
  HOSTILE_LINKS[1][1] = good.slice(0, Math.floor(good.length / 2)) + 'A';
  for (const [name, hash, message] of HOSTILE_LINKS) {
    const opened = await open(t, undefined, hash);
    const text = await notice(opened.page);
    assert.match(text, /This link could not be opened/, name);
    assert.match(text, message, `${name}: ${text}`);
    assert.equal(await opened.page.getAttribute('.notice', 'role'), 'alert', name);
    assert.deepEqual(await readFigures(opened.page), defaults, name);
    // The broken link stays in the address bar until the first edit.
    assert.equal(await opened.page.evaluate(() => decodeURIComponent(location.hash)), hash, name);
    assert.deepEqual(opened.consoleErrors, [], name);
    await opened.context.close();
  }
  // Text from a link is shown as text, never run or rendered as markup.
  const title = '<img src=x onerror="window.pwned=1"> <b>bold</b>';
  const opened = await open(t, undefined, linkOf(JSON.stringify({ ...defaultScenario(), title })));
  assert.equal(await opened.page.locator('h1').innerText(), title);
  assert.equal(await opened.page.locator('main img, main b').count(), 0);
  assert.equal(await opened.page.evaluate(() => window.pwned), undefined);
});

/** Hostile files: each is refused with a message, and the edited comparison is kept. */
const HOSTILE_FILES = [
  ['empty.json', '', /not valid JSON at line 1, column 0: it ends too early/],
  ['wrong-version.json', JSON.stringify({ ...defaultScenario(), version: 2 }), /format version 2 is not supported/],
  ['string-version.json', JSON.stringify({ ...defaultScenario(), version: '1' }), /format version "1" is not supported/],
  ['money-as-number.json', JSON.stringify({ ...defaultScenario(), doctor: { grade: 'FY2', specialty_premium: 5 } }), /doctor\.specialty_premium/],
  ['unknown-preset.json', JSON.stringify({ ...defaultScenario(), rotas: ['fy2-medical@2'] }), /no preset 'fy2-medical@2'/],
  ['script-field.json', JSON.stringify({ ...defaultScenario(), '<script>alert(1)</script>': 1 }), /there is no field '<script>alert\(1\)<\/script>' here/],
  ['deep.json', '['.repeat(100_000) + ']'.repeat(100_000), /nested more than 128 deep|not a scenario/],
  ['huge.json', JSON.stringify({ ...defaultScenario(), title: 'x'.repeat(3 * 1024 * 1024) }), /larger than 2 MB/],
  ['not-valid.json', JSON.stringify({ ...defaultScenario(), baseline: 'nobody' }), /Could not open the file not-valid\.json: baseline/],
];

test('hostile files are refused with a message and the comparison on screen is kept', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  await edit(page);
  const figures = await readFigures(page);
  for (const [name, text, message] of HOSTILE_FILES) {
    await page.setInputFiles('#open-file', { name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await page.waitForFunction((n) => document.querySelector('.notice')?.textContent.includes(n), name);
    const shown = await notice(page);
    assert.match(shown, /Could not open the file/, name);
    assert.match(shown, message, `${name}: ${shown}`);
    assert.match(shown, /Nothing was changed/, name);
    assert.deepEqual(await readFigures(page), figures, name);
  }
  assert.equal(await page.locator('main script').count(), 0);
  assert.deepEqual(consoleErrors, []);
});
