// Every figure on the page explains itself: its explanation opens, names a
// source, and its arithmetic — recomputed here independently, in exact
// rational arithmetic — gives the figure shown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { appSuite } from './harness.mjs';

const { open } = appSuite(before, after);

/** A decimal or "a/b" string as an exact fraction [num, den] of BigInts. */
function rational(text) {
  const [a, b = '1'] = String(text).split('/');
  const dec = (s) => {
    const negative = s.trim().startsWith('-');
    const [whole, frac = ''] = s.trim().replace('-', '').split('.');
    const num = BigInt(whole + frac) * (negative ? -1n : 1n);
    return [num, 10n ** BigInt(frac.length)];
  };
  const [n1, d1] = dec(a);
  const [n2, d2] = dec(b);
  return [n1 * d2, d1 * n2];
}

/** Evaluates a calculation exactly: [num, den]. */
function evaluate(calc) {
  if (calc.kind === 'sum') {
    return calc.terms.reduce(([n, d], t) => {
      const [tn, td] = rational(t.value);
      const sign = t.negate ? -1n : 1n;
      return [n * td + sign * tn * d, d * td];
    }, [0n, 1n]);
  }
  return calc.factors.reduce(([n, d], f, i) => {
    const [fn, fd] = rational(f.value);
    return i > 0 && f.op === 'divided_by' ? [n * fd, d * fn] : [n * fn, d * fd];
  }, [1n, 1n]);
}

/** Rounds num/den by the named rule to a decimal string with the rule's places. */
function round([num, den], rule) {
  if (den < 0n) { num = -num; den = -den; }
  const places = rule === 'whole_pounds_up' ? 0n : 2n;
  const scale = 10n ** places;
  const scaled = num * scale;
  let q = scaled / den;
  const r = scaled % den;
  if (rule === 'whole_pounds_up') {
    if (r > 0n) q += 1n;
  } else if (2n * (r < 0n ? -r : r) >= den) {
    q += num < 0n ? -1n : 1n; // halves away from zero
  }
  return q;
}

/** A data-value as an integer count of its rule's smallest unit. */
function asUnits(value, rule) {
  const [n, d] = rational(value);
  const scale = rule === 'whole_pounds_up' ? 1n : 100n;
  return (n * scale) / d;
}

test('every figure opens an explanation whose arithmetic gives the figure', { timeout: 240_000 }, async (t) => {
  const { page, consoleErrors } = await open(t);
  const cells = await page.$$eval('table.results [data-line]:not([data-line^="rest:"])', (tds) =>
    tds.map((td) => ({ offer: td.dataset.offer, line: td.dataset.line, value: td.dataset.value })));
  assert.ok(cells.length > 40, `${cells.length} cells`);
  for (const cell of cells) {
    await page.click(`table.results [data-offer="${cell.offer}"][data-line="${cell.line}"] button`);
    const section = page.locator(`#why section[data-offer="${cell.offer}"][data-line="${cell.line}"]`);
    await section.waitFor();
    const text = await section.innerText();
    assert.match(text, /Source: \S/, `${cell.offer} ${cell.line} names a source`);
    const calc = JSON.parse(await section.getAttribute('data-calculation'));
    const rule = JSON.parse(await section.getAttribute('data-rounding'));
    const recomputed = round(evaluate(calc), rule);
    assert.equal(recomputed, asUnits(cell.value, rule), `${cell.offer} ${cell.line}: ${text}`);
  }
  assert.deepEqual(consoleErrors, []);
});
