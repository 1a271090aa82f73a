// The rep's journey end to end (issue #21; the doctor's is first-visit.test.mjs,
// the journalist's explore.test.mjs): a link a colleague sent opens on the
// answer; the rep switches the rota to the members' own, presents the
// comparison, prints it, exports the CSV the command line would write, and
// sends a link that reproduces every figure in a fresh browser. Counted in
// clicks and seconds, like the doctor's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { appSuite, assertOnFirstScreen, readFigures, repoPath, showView, summaryOnFirstScreen } from './harness.mjs';

const TIMEOUT = { timeout: 180_000 };
const suite = appSuite(before, after);
const OUT = repoPath('target', 'e2e');

test('a rep opens a colleague\'s link, presents, prints, exports and sends it on', TIMEOUT, async (t) => {
  // The colleague's link: the default on the emergency medicine evenings rota.
  const colleague = await suite.open(t);
  await showView(colleague.page, 'job');
  await colleague.page.selectOption('#rota', 'em-evenings@1');
  await colleague.page.waitForFunction(() => document.querySelector('#share-link')?.value.includes('?view=job#v2.'));
  const sent = await colleague.page.inputValue('#share-link');

  const { page, consoleErrors } = await suite.open(t, { width: 1366, height: 900 }, sent.slice(sent.indexOf('?')));
  const started = Date.now();
  let clicks = 0;
  const act = async (f) => { clicks += 1; await f(); };
  // The link opened the view it was sent from; the answer is one click away.
  await page.waitForSelector('nav.views a[data-view="job"][aria-current="page"]');
  await act(() => page.click('nav.views a[data-view="compare"]'));
  assertOnFirstScreen(await summaryOnFirstScreen(page), { width: 1366, height: 900 }, 'contract-2002');
  const figures = await readFigures(page);
  assert.deepEqual(figures, await readFigures(colleague.page), 'the colleague\'s figures, to the penny');

  // Presenting: the comparison alone, in large type; Esc returns.
  await act(() => page.click('text=Presentation view'));
  await page.waitForSelector('main.presentation');
  assert.deepEqual(await readFigures(page), figures);
  await page.keyboard.press('Escape');
  await page.waitForSelector('form.inputs');

  // Printing: the answer first on page 1.
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  assert.ok(pdf.length > 10_000);

  // Exporting: the CSV is the command line's for the same scenario, byte for byte.
  await act(() => page.click('nav.views a[data-view="share"]'));
  const [scenarioDownload] = await Promise.all([page.waitForEvent('download'), act(() => page.click('text=Save scenario file (JSON)'))]);
  mkdirSync(OUT, { recursive: true });
  const file = `${OUT}/rep-journey.json`;
  await scenarioDownload.saveAs(file);
  const [csvDownload] = await Promise.all([page.waitForEvent('download'), act(() => page.click('text=Download results (CSV)'))]);
  const bin = process.env.CLI_BIN || repoPath('target', 'debug', 'offer-compare');
  const cliCsv = execFileSync(bin, [file, '--format', 'csv'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(readFileSync(await csvDownload.path(), 'utf8'), cliCsv);
  // The command line also opens the link itself, with the same first sentence as the page.
  const cliText = execFileSync(bin, [sent], { encoding: 'utf8' });
  const sentence = await page.locator('[data-summary-sentence]').innerText();
  assert.equal(cliText.split('\n\n')[1].split('\n').join(' '), sentence);

  // Sending it on: the link reproduces every figure in a fresh browser.
  const link = await page.inputValue('#share-link');
  const seconds = (Date.now() - started) / 1000;
  const member = await suite.open(t, { width: 390, height: 844 }, link.slice(link.indexOf('#')));
  await member.page.waitForSelector('[data-summary-sentence]');
  assert.deepEqual(await readFigures(member.page), figures);
  assertOnFirstScreen(await summaryOnFirstScreen(member.page), { width: 390, height: 844 }, 'contract-2002');

  const report = { journey: 'rep: colleague\'s link → answer → present → print → file and CSV → link on', clicks, seconds };
  writeFileSync(`${OUT}/rep-journey-timing.json`, JSON.stringify(report, null, 2));
  console.log('rep journey', JSON.stringify(report));
  assert.deepEqual(consoleErrors, []);
  assert.deepEqual(member.consoleErrors, []);
});
