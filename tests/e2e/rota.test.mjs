// The rota editor (issue #9): a doctor pastes an 8-week rota from a
// spreadsheet, fixes the row it could not read, and sees pay change by exactly
// the command line's figures for the same rota; bad shift input stays at the
// shift; one undo stack; the timeline draws how the chosen offer pays.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { appSuite, cliFigures, readFigures, repoPath, showView } from './harness.mjs';

const TIMEOUT = { timeout: 180_000 };
const { open } = appSuite(before, after);

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const minutes = (start, end) => {
  const [a, b] = [start, end].map((t) => t.split(':').reduce((h, m) => Number(h) * 60 + Number(m)));
  return b > a ? b - a : b + 1440 - a;
};

/** An 8-week rota: days, a block of nights, weekend long days. */
function eightWeeks() {
  const shifts = [];
  for (let week = 1; week <= 8; week++) {
    DAYS.forEach((day, i) => {
      if (week % 4 === 2 && i < 4) shifts.push({ week, day, start: '20:00', end: '08:30', label: 'night' });
      else if (week % 4 === 0 && i >= 5) shifts.push({ week, day, start: '08:00', end: '20:30', label: 'long day' });
      else if (week % 2 === 1 && i < 5) shifts.push({ week, day, start: '09:00', end: '17:00', label: 'normal day' });
    });
  }
  return shifts;
}

const tsv = (shifts) =>
  ['Week\tDay\tStart\tEnd\tLabel', ...shifts.map((s) => [s.week, s.day[0].toUpperCase() + s.day.slice(1), s.start, s.end, s.label].join('\t'))].join('\n');

test('a pasted 8-week rota, one row fixed, gives the command line figures; undo and redo', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  const before = await readFigures(page);
  const shifts = eightWeeks();
  const broken = shifts.map((s, i) => (i === 6 ? { ...s, start: '25:00' } : s));
  await showView(page, 'job');
  await page.click('text=Paste from a spreadsheet');
  await page.fill('#paste-text', tsv(broken));
  await page.click('text=Preview');
  // Row 8: the header is row 1, the seventh shift row 8.
  const problems = await page.locator('.paste-problems').innerText();
  assert.match(problems, /Row 8: .*25:00/);
  assert.deepEqual(await readFigures(page), before, 'nothing is imported before confirming');
  await page.fill('#paste-text', tsv(shifts));
  await page.click('text=Preview');
  assert.equal(await page.locator('.paste-problems').count(), 0);
  assert.match(await page.locator('.paste-preview').innerText(), new RegExp(`${shifts.length} shifts over 8 weeks`));
  await page.click(`text=Import ${shifts.length} shifts`);
  await page.waitForFunction(() => document.querySelectorAll('.rota-grid .shift-chip').length > 0 && !document.querySelector('.paste-preview'));

  // The same rota through the command line.
  const scenario = JSON.parse(readFileSync(repoPath('examples', 'default.json'), 'utf8'));
  scenario.rotas = [{
    id: 'fy2-medical', name: 'pasted', weeks: 8,
    shifts: shifts.map((s) => ({ week: s.week, day: s.day, start: s.start, minutes: minutes(s.start, s.end), label: s.label })),
  }];
  mkdirSync(repoPath('target', 'e2e'), { recursive: true });
  const file = repoPath('target', 'e2e', 'pasted-rota.json');
  writeFileSync(file, JSON.stringify(scenario, null, 2));
  const pasted = await readFigures(page);
  assert.deepEqual(pasted, cliFigures(file));
  const gross = (figures) => figures.find((f) => f.offer === 'may-2016' && f.line === 'gross_annual').value;
  assert.notEqual(gross(pasted), gross(before), 'pay changed with the rota');

  // One undo stack: the import is one step.
  await showView(page, 'compare');
  await page.click('.toolbar >> text=Undo');
  await page.waitForFunction((v) => document.querySelector('[data-offer="may-2016"][data-line="gross_annual"]').dataset.value === v, gross(before));
  assert.deepEqual(await readFigures(page), before);
  await page.click('.toolbar >> text=Redo');
  await page.waitForFunction((v) => document.querySelector('[data-offer="may-2016"][data-line="gross_annual"]').dataset.value === v, gross(pasted));
  assert.deepEqual(consoleErrors, []);
});

test('bad shift input stays at the shift, results go stale, Ctrl+Z outside text fields undoes', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await open(t);
  const before = await readFigures(page);
  await showView(page, 'job');
  await page.click('#shift-0');
  // Garbage in a time field: a message at the field, nothing else changes.
  await page.fill('#shift-start', 'ab:cd');
  assert.match(await page.locator('#shift-start-error').innerText(), /not a time of day/);
  assert.equal(await page.locator('.stale-note').count(), 0);
  assert.deepEqual(await readFigures(page), before);
  // A 30-hour worked shift is refused at its Length field, naming the shift
  // (the engine's own check): the scenario, and so the results, do not change.
  await page.fill('#shift-length', '30:00');
  await page.waitForSelector('#shift-length-error');
  assert.match(await page.locator('#shift-length-error').innerText(), /the shift of week 1 .*at most 24 hours, not 30:00/);
  assert.equal(await page.locator('.stale-note').count(), 0);
  assert.deepEqual(await readFigures(page), before, 'nothing changes');
  // End before start is a night, not an error.
  await page.fill('#shift-length', '8:00');
  await page.waitForSelector('.stale-note', { state: 'detached' });
  await page.fill('#shift-end', '07:00');
  await page.waitForFunction(() => document.querySelector('#shift-0').textContent.includes('next day'));
  // Ctrl+Z outside a text field undoes the last edit to the scenario.
  await page.click('#rota-editor-heading');
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => !document.querySelector('#shift-0').textContent.includes('next day'));
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => !document.querySelector('.stale-note') && document.querySelectorAll('.shift-invalid').length === 0);
  assert.deepEqual(await readFigures(page), before);
  // An on-call period takes expected work, which counts as work.
  const work = () => page.getAttribute('[data-offer="may-2016"][data-line="rest:average_weekly_work"]', 'data-value');
  await page.click('#shift-0');
  await page.selectOption('#shift-kind', 'non_resident_on_call');
  await page.waitForFunction(() => document.querySelector('#shift-0').textContent.includes('on call'));
  const none = await work();
  await page.fill('#shift-expected', '10:00-12:00');
  await page.waitForFunction((v) => document.querySelector('[data-offer="may-2016"][data-line="rest:average_weekly_work"]').dataset.value !== v, none);
  assert.equal(Math.round((Number(await work()) - Number(none)) * 100), 25, 'two hours in an 8-week cycle is a quarter of an hour a week');
  await page.fill('#shift-expected', '23:00-01:00');
  assert.match(await page.locator('#shift-expected-error').innerText(), /does not fit/);
  assert.deepEqual(consoleErrors, []);
});

test('the rota summary is always visible and says what the engine measured', TIMEOUT, async (t) => {
  const { page } = await open(t);
  await showView(page, 'job');
  // fy2-medical@1: 8 weeks, weekends worked in weeks 4 and 7, 7 nights, 12.5-hour longest shift.
  const summary = await page.locator('.rota-summary').innerText();
  assert.match(summary, /2 of 8 weekends worked \(1 in 4\)/);
  assert.match(summary, /7 nights/);
  assert.match(summary, /longest shift 12\.5/);
  assert.match(summary, /44\.63 h\/week of work on average/);
  assert.match(summary, /shortest rest/);
});

test('the timeline patterns each hour by how the chosen offer pays it and outlines breaches', TIMEOUT, async (t) => {
  const { page } = await open(t);
  await showView(page, 'job');
  await page.selectOption('#timeline-offer', 'may-2016');
  assert.ok((await page.locator('svg.timeline rect.pay-night').count()) > 0);
  assert.match(await page.locator('#timeline-desc').textContent(), /shifts over 8 weeks under 2016 TCS/);
  await page.selectOption('#rota', 'breaches-2016@1');
  await page.waitForSelector('svg.timeline rect.breached');
  const text = await page.locator('.timeline-text').textContent();
  assert.match(text, /night premium/);
  assert.match(text, /breaches: /);
  // Under the 2002 contract every hour is plain (its unsocial pay is in the band).
  await page.selectOption('#timeline-offer', 'contract-2002');
  assert.equal(await page.locator('svg.timeline rect.pay-night').count(), 0);
});
