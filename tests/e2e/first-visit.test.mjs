// The first-visit path (issue #21): someone who opens the page with no link
// and no work of their own is offered three questions (job, rota, offers),
// one per page, that end at their answer — counted in clicks and seconds
// (reported on the console and in target/e2e/first-visit.json). Someone who
// arrives by link is never offered it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { appSuite, axeAudit, seriousViolations, editedLink, repoPath } from './harness.mjs';

const TIMEOUT = { timeout: 180_000 };
const suite = appSuite(before, after);

test('a doctor on a phone answers three questions and reads their answer', TIMEOUT, async (t) => {
  const { page, consoleErrors } = await suite.open(t, { width: 390, height: 844 });
  const started = Date.now();
  let clicks = 0;
  const act = async (f) => { clicks += 1; await f(); };
  await act(() => page.click('#first-visit-start'));
  assert.equal(await page.locator('h1').innerText(), 'What is your job?');
  assert.equal(await page.locator('.first-visit-count').innerText(), 'Question 1 of 3');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'first-visit-question', 'focus on the question');
  assert.deepEqual(seriousViolations(await axeAudit(page)).map((v) => v.id), [], 'axe on a question page');
  await act(() => page.selectOption('#grade', 'ST3'));
  await act(() => page.click('#first-visit-next'));
  assert.equal(await page.locator('h1').innerText(), 'Which rota is most like yours?');
  await act(() => page.selectOption('#rota', 'anaesthetics-24h-on-call@1'));
  await act(() => page.click('#first-visit-next'));
  assert.equal(await page.locator('h1').innerText(), 'Which offers do you want to compare?');
  await act(() => page.click('#first-visit-next'));
  // The answer, for this doctor and rota, in the first screen.
  const heading = await page.locator('main h1').innerText();
  assert.match(heading, /^An ST3 doctor on Anaesthetics, 24-h resident on call/);
  const sentence = page.locator('[data-summary-sentence]');
  assert.match(await sentence.innerText(), /this ST3 doctor earns/);
  const box = await sentence.boundingBox();
  assert.ok(box && box.y + box.height <= 844, `the sentence is in the first screen (y ${box?.y})`);
  assert.equal(await page.locator('.first-visit-invitation').count(), 0, 'not offered again');
  const seconds = (Date.now() - started) / 1000;
  const report = { journey: 'first visit on a 390×844 phone: start, job, rota, offers, answer', clicks, seconds };
  mkdirSync(repoPath('target', 'e2e'), { recursive: true });
  writeFileSync(repoPath('target', 'e2e', 'first-visit.json'), JSON.stringify(report, null, 2));
  console.log('first visit', JSON.stringify(report));
  assert.deepEqual(consoleErrors, []);
});

test('the path can be left at any question, back or to the answer, and to enter one\'s own rota', TIMEOUT, async (t) => {
  const { page } = await suite.open(t);
  const before = await page.locator('[data-summary-sentence]').innerText();
  await page.click('#first-visit-start');
  await page.click('#first-visit-next');
  await page.click('text=Back');
  assert.equal(await page.locator('h1').innerText(), 'What is your job?');
  await page.click('#first-visit-skip');
  assert.equal(await page.locator('[data-summary-sentence]').innerText(), before, 'skipping changes nothing');
  assert.equal(await page.locator('.first-visit-invitation').count(), 0);

  const again = await suite.open(t);
  await again.page.click('#first-visit-start');
  await again.page.click('#first-visit-next');
  await again.page.click('#first-visit-own-rota');
  await again.page.waitForFunction(() => document.activeElement?.id === 'rota-editor-heading');
});

test('a problem stops the path at its question, said there', TIMEOUT, async (t) => {
  const { page } = await suite.open(t);
  await page.click('#first-visit-start');
  await page.fill('#ltft', '500');
  await page.locator('#ltft').blur();
  await page.fill('#years', '');
  await page.fill('#pay-date', '1990-01-01');
  await page.waitForSelector('main .error-summary');
  assert.equal(await page.locator('#first-visit-next').isDisabled(), true);
});

test('someone who arrives by link is not offered the path', TIMEOUT, async (t) => {
  const hash = await editedLink(suite, t);
  const { page } = await suite.open(t, undefined, hash);
  assert.equal(await page.locator('.first-visit-invitation').count(), 0);
});
