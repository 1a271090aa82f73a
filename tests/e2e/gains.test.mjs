// Who gains, who loses (issue #14): every offer over the rota presets and
// their variations, against the baseline: the page's table equals the command
// line's, and the worst case opens as a normal comparison (one undo step).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { appSuite, openFile, readFigures, repoPath, showView } from './harness.mjs';

const TIMEOUT = { timeout: 180_000 };
const { open } = appSuite(before, after);
// The April 2016 strike's comparison (the default before the doctor in post
// joined it): five offers, the BMA's position among them.
const STRIKE = repoPath('examples', 'strike-2016.json');

test('who gains and who loses over 330 rotas × grades, as the command line says; the worst case opens', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  await openFile(page, STRIKE);
  const figures = await readFigures(page);
  await showView(page, 'explore');
  const started = Date.now();
  await page.click('text=Run every offer over the set of rotas');
  await page.waitForSelector('table.gains-table');
  mkdirSync(repoPath('target', 'e2e'), { recursive: true });
  writeFileSync(repoPath('target', 'e2e', 'gains-timings.json'), JSON.stringify({ cases_330_by_5_columns_click_to_table_ms: Date.now() - started }, null, 2));
  const status = await page.locator('.gains [role=status]').innerText();
  assert.match(status, /^330 cases \(rota, variation and grade\) computed against 2002 contract/);
  const bin = process.env.CLI_BIN || repoPath('target', 'debug', 'offer-compare');
  const out = execFileSync(bin, ['gains', STRIKE], { encoding: 'utf8' });
  // The page's sentences are the command line's, word for word, each on a line of its own.
  const lines = out.split('\n');
  for (const sentence of [
    status,
    await page.locator('table.gains-table caption').innerText() + ':',
    await page.locator('.gains p.pay-bill-note').innerText(),
  ]) {
    assert.ok(lines.includes(sentence), `${sentence} in the command line's gains`);
  }
  for (const column of ['nov-2015', 'imposed', 'bma', 'may-2016']) {
    const cli = out.split('\n').find((l) => l.startsWith(`${column} `)).trim().split(/\s+/);
    const row = page.locator(`table.gains-table tr[data-column="${column}"]`);
    const cells = await row.locator('td').allInnerTexts();
    // best, median, worst, better, worse, breaching — the page shows worst first.
    assert.ok(cells[0].startsWith(cli[3]), `${column} worst: ${cells[0]} vs ${cli[3]}`);
    assert.equal(cells[1], cli[2], `${column} median`);
    assert.ok(cells[2].startsWith(cli[1]), `${column} best`);
    assert.deepEqual([cells[3], cells[4], cells[5], cells[6]], [cli[4], cli[5], cli[6], cli[7]], `${column} shares, breaches and pay bill`);
    // Each extreme's case, as the command line names it.
    const extremes = lines.find((l) => l.startsWith(`  ${column}: best on `));
    const [best, worst] = await Promise.all(['best', 'worst'].map((c) => row.locator(`td.${c} .case`).innerText()));
    assert.equal(extremes, `  ${column}: best on ${best.trim().slice(1, -1)}; worst on ${worst.trim().slice(1, -1)}`);
  }
  // The pay bill of the set against the 2002 contract's (the CLI says the same, above).
  assert.match(await page.locator('tr[data-column="may-2016"] td.pay-bill').innerText(), /^-?\d+\.\d\d%$/);
  assert.match(await page.locator('.gains p.pay-bill-note').innerText(), /£14,142,070\.18 for the baseline/);
  // Weights: ten doctors on the registrar on-call rota moves the median and the shares.
  const unweighted = await page.locator('tr[data-column="may-2016"] td.median').innerText();
  const rotas = await page.$$eval('.weights label', (ls) => ls.map((l) => l.textContent));
  await page.click('.weights summary');
  await page.fill(`#weight-${rotas.indexOf('preset registrar-on-call@1')}`, '10');
  await page.click('text=Run every offer over the set of rotas');
  await page.waitForFunction((m) => document.querySelector('tr[data-column="may-2016"] td.median').textContent !== m, unweighted);
  await page.fill(`#weight-${rotas.indexOf('preset registrar-on-call@1')}`, 'ten');
  await page.click('text=Run every offer over the set of rotas');
  assert.match(await page.locator('.gains .field-error').innerText(), /the weight 'ten' for preset registrar-on-call@1 is not a number of doctors/);
  await page.fill(`#weight-${rotas.indexOf('preset registrar-on-call@1')}`, '');
  await page.click('text=Run every offer over the set of rotas');
  await page.waitForFunction((m) => document.querySelector('tr[data-column="may-2016"] td.median')?.textContent === m, unweighted);
  // The May 2016 deal's worst rota, opened as the comparison.
  await page.click('tr[data-column="may-2016"] td.worst button');
  await page.waitForSelector('.notice');
  assert.match(await page.locator('.notice').innerText(), /Opened the rota 'preset registrar-on-call@1, \+1 weekend, ST6'/);
  const opened = await readFigures(page);
  const gross = (f, c) => f.find((x) => x.offer === c && x.line === 'gross_annual').value;
  const change = Number(gross(opened, 'may-2016')) - Number(gross(opened, 'contract-2002'));
  assert.equal(change.toFixed(2), '-19157.33', 'the worst change, on screen as a normal comparison');
  await showView(page, 'compare');
  await page.click('.toolbar >> text=Undo');
  await page.waitForFunction((v) => document.querySelector('[data-offer="may-2016"][data-line="gross_annual"]').dataset.value === v, gross(figures, 'may-2016'));
  assert.deepEqual(consoleErrors, []);
});
