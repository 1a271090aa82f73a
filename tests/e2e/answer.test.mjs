// The answer first: the summary (the command line's own sentence, then every
// offer's gross pay, difference from the baseline and rest verdict) is on the
// first screen of a phone and of a laptop, for the default comparison and for
// a shared link, without scrolling.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { appSuite, assertOnFirstScreen, repoPath, summaryOnFirstScreen } from './harness.mjs';

const TIMEOUT = { timeout: 120_000 };
const { open } = appSuite(before, after);
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
];

/** The command line's first paragraphs for the default scenario, unwrapped: the heading, then the summary sentence. */
function cliParagraphs() {
  const bin = process.env.CLI_BIN || repoPath('target', 'debug', 'offer-compare');
  const out = execFileSync(bin, [repoPath('examples', 'default.json')], { encoding: 'utf8' });
  return out.split('\n\n').slice(0, 2).map((p) => p.split('\n').map((l) => l.trim()).join(' '));
}

for (const viewport of VIEWPORTS) {
  test(`the default comparison's answer is on the first screen at ${viewport.width}×${viewport.height}`, TIMEOUT, async (t) => {
    const { page, consoleErrors } = await open(t, viewport);
    assertOnFirstScreen(await summaryOnFirstScreen(page), viewport, 'contract-2002');
    // The page says the command line's heading and sentence, word for word.
    const [heading, sentence] = cliParagraphs();
    assert.equal(heading, 'An FY2 doctor on FY2 general medicine, April 2016: 2002 contract vs Imposed contract, Feb 2016 vs 2016 TCS');
    assert.equal(await page.locator('h1').innerText(), heading);
    assert.equal(await page.locator('[data-summary-sentence]').innerText(), sentence);
    // Each card quotes the full table's figures: the same values, not recomputed.
    // Five columns (each new contract's doctor in post in its new entrant's
    // card): every one has gross and net; all but the baseline a difference.
    for (const [line, figure, count] of [['gross', 'gross_annual', 5], ['difference', 'diff_annual', 4], ['net', 'net:annual', 5]]) {
      const cards = await page.$$eval(`[data-summary-line="${line}"]`, (items) =>
        items.map((i) => [i.closest('[data-summary-offer]').dataset.summaryOffer, i.dataset.summaryValue]),
      );
      assert.equal(cards.length, count, `${line}: ${cards.length} cards`);
      for (const [offer, value] of cards) {
        const cell = await page.getAttribute(`td[data-offer="${offer}"][data-line="${figure}"]`, 'data-value');
        assert.equal(value, cell, `${offer} ${line}`);
      }
    }
    // The imposed contract's status and its loss are said in words.
    const imposed = page.locator('[data-summary-offer="imposed"]');
    assert.equal(await imposed.locator('[data-summary-line="status"]').innerText(), 'imposed, never introduced');
    assert.equal(await imposed.locator('[data-summary-line="difference"]').getAttribute('data-summary-direction'), 'lower');
    // £42,535.50 − £38,282.26 = £4,253.24; ÷ £42,535.50 = 9.9993…% → 10%.
    assert.match(await imposed.locator('[data-summary-line="difference"]').innerText(), /^£4,253\.24 \(10(\.00)?%\) less a year/);
    assert.equal(await imposed.locator('[data-summary-line="rest"]').getAttribute('data-summary-breached'), '0');
    // A figure opens its explanation inside its own card.
    await imposed.locator('[data-summary-line="gross"] button').click();
    const why = imposed.locator('.answer-why section[data-line="gross_annual"]');
    assert.match(await why.innerText(), /Gross annual pay/);
    assert.ok(await why.isVisible());
    assert.deepEqual(consoleErrors, []);
  });

  test(`a shared link's answer is on the first screen at ${viewport.width}×${viewport.height}`, TIMEOUT, async (t) => {
    const first = await open(t, viewport);
    await first.page.check('li[data-column="may-2016"] input[type="radio"]');
    await first.page.waitForSelector('[data-summary-offer="may-2016"].baseline');
    const link = await first.page.evaluate(() => window.location.hash);
    assert.match(link, /^#v\d+\./);
    const { page, consoleErrors } = await open(t, viewport, link);
    await page.waitForSelector('[data-summary-offer="may-2016"].baseline');
    assertOnFirstScreen(await summaryOnFirstScreen(page), viewport, 'may-2016');
    assert.deepEqual(consoleErrors, []);
  });
}
