// Shared end-to-end helpers for Offer Compare.
//
// Tests drive the trunk release bundle in headless Chromium and check it
// against the native command line, which is the reference for the figures.
//
// Usage (from tests/e2e):
//   npm ci                # installs playwright-core and axe-core only
//   trunk build --release # from the repo root, produces dist/
//   cargo build --bin offer-compare
//   npm test
//
// Environment variables:
//   DIST_DIR  bundle directory to serve       (default <repo>/dist)
//   CLI_BIN   native command line to compare  (default <repo>/target/debug/offer-compare)
//   CHROMIUM  Chromium executable             (default /usr/bin/chromium)
//
// No browser is downloaded: playwright-core drives the system Chromium.
// Screenshots go to <repo>/target/e2e-screenshots/.

import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { createGzip } from 'node:zlib';
import { chromium } from 'playwright-core';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** Repository root: this file lives in <repo>/tests/e2e. */
export const REPO_ROOT = path.resolve(HERE, '..', '..');

/** Absolute path of a file inside the repository. */
export const repoPath = (...parts) => path.join(REPO_ROOT, ...parts);

// ---------------------------------------------------------------------------
// Static file server
// ---------------------------------------------------------------------------

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  // application/wasm is required for WebAssembly.instantiateStreaming.
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

function contentType(filePath) {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request path to a regular file inside root, or null.
 * Resolving then checking the prefix rejects `..` and encoded traversal.
 */
function resolveFile(root, rawUrl) {
  let pathname;
  try {
    pathname = decodeURIComponent(new URL(rawUrl, 'http://x').pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  if (pathname.includes('\0')) return null;
  if (pathname === '/') pathname = '/index.html';
  const filePath = path.resolve(root, '.' + pathname);
  if (!filePath.startsWith(root + path.sep)) return null;
  try {
    return statSync(filePath).isFile() ? filePath : null;
  } catch {
    return null;
  }
}

/** Types a static host compresses (as GitHub Pages and most others do). */
const COMPRESSED = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.svg', '.json', '.webmanifest', '.txt']);

function sendFile(req, res, filePath) {
  // Gzip when the browser accepts it, so timings see the bytes a real host sends.
  const gzip = COMPRESSED.has(path.extname(filePath).toLowerCase())
    && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
  res.writeHead(200, {
    'Content-Type': contentType(filePath),
    // Every run must see the freshly built bundle.
    'Cache-Control': 'no-store',
    ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}),
  });
  if (req.method === 'HEAD') return res.end();
  const file = createReadStream(filePath);
  if (gzip) file.pipe(createGzip()).pipe(res);
  else file.pipe(res);
}

function sendStatus(res, status, text) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(text);
}

/**
 * Serves distDir on an ephemeral loopback port.
 * @returns {Promise<{url: string, close: () => Promise<void>}>}
 */
export async function startServer(distDir = process.env.DIST_DIR || repoPath('dist')) {
  const root = path.resolve(distDir);
  if (!existsSync(path.join(root, 'index.html'))) {
    throw new Error(`No index.html in ${root}: build the bundle with \`trunk build --release\` or set DIST_DIR.`);
  }
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendStatus(res, 405, 'Method Not Allowed');
    const filePath = resolveFile(root, req.url);
    if (!filePath) return sendStatus(res, 404, 'Not Found');
    sendFile(req, res, filePath);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        // Browser keep-alive sockets would otherwise hold close() open.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// ---------------------------------------------------------------------------
// Browser
// ---------------------------------------------------------------------------

// Without the background-networking flags Chromium keeps trying to reach
// Google services, which floods the closed network of this machine.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
];

/** Launches the system Chromium; launch() gives it a fresh, empty profile. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** True for requests to baseUrl's origin; data: and blob: never leave the page. */
export function isOwnRequest(url, baseUrl) {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    return new URL(url).origin === new URL(baseUrl).origin;
  } catch {
    return false;
  }
}

/** The requests that went anywhere but the app's own origin. */
export function foreignRequests(requests, baseUrl) {
  return requests.filter((url) => !isOwnRequest(url, baseUrl));
}

/** Records every request URL, and aborts foreign ones so none leaves the machine. */
async function recordRequests(context, baseUrl) {
  const requests = [];
  context.on('request', (request) => requests.push(request.url()));
  await context.route(
    (url) => !isOwnRequest(url.href, baseUrl),
    (route) => route.abort('blockedbyclient'),
  );
  return requests;
}

/** Collects console errors and uncaught page errors as strings. */
function collectErrors(page) {
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return errors;
}

/**
 * Opens the app in a new context and waits until it has rendered figures.
 * The request list is also attached to the page as page.requests.
 */
export async function openApp(browser, url, { width = 1366, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  const requests = await recordRequests(context, url);
  const page = await context.newPage();
  page.requests = requests;
  const consoleErrors = collectErrors(page);
  await page.goto(url);
  await appStarted(page);
  return { context, page, requests, consoleErrors };
}

/**
 * Waits until the app has rendered figures. The full table's cells
 * (`data-value`) only appear once the WebAssembly module has run (the first
 * screen written into the page has none), and they are in the page whatever
 * the view — hidden outside Compare — hence "attached", not "visible".
 */
export function appStarted(page) {
  return page.waitForSelector('[data-value]', { state: 'attached', timeout: 30_000 });
}

// ---------------------------------------------------------------------------
// Views
// ---------------------------------------------------------------------------

/** The page's views, by their id in the address (`?view=<id>`), in the navigation's order. */
export const VIEWS = ['compare', 'job', 'offers', 'explore', 'take-home', 'share', 'method'];

/**
 * Moves to the view `id` as a person does, by its link in the page's
 * navigation, and waits until the page shows it.
 */
export async function showView(page, id) {
  await page.click(`nav.views a[data-view="${id}"]`);
  await page.waitForSelector(`nav.views a[data-view="${id}"][aria-current="page"]`);
}

/** The view the page shows (the navigation's current link). */
export function currentView(page) {
  return page.getAttribute('nav.views a[aria-current="page"]', 'data-view');
}

/**
 * Every card's gross pay, difference (all but the baseline) and rest verdict,
 * and the summary sentence, each with whether it lies wholly inside the
 * viewport at the top of the page.
 */
export async function summaryOnFirstScreen(page) {
  return page.evaluate(() => {
    const inside = (el) => {
      const r = el.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight && r.left >= 0 && r.right <= window.innerWidth;
    };
    return {
      scrollY: window.scrollY,
      sentence: inside(document.querySelector('[data-summary-sentence]')),
      cards: [...document.querySelectorAll('[data-summary-offer]')].map((card) => {
        const item = (line) => card.querySelector(`[data-summary-line="${line}"]`);
        return {
          offer: card.dataset.summaryOffer,
          baseline: card.classList.contains('baseline'),
          gross: inside(item('gross')),
          difference: item('difference') ? inside(item('difference')) : null,
          rest: inside(item('rest')),
        };
      }),
    };
  });
}

/**
 * Asserts that `shown` (from summaryOnFirstScreen) has the page unscrolled,
 * the sentence and every one of the `offers` cards' figures wholly inside
 * the viewport, with `baseline` the baseline's card.
 */
export function assertOnFirstScreen(shown, viewport, baseline, offers = 5) {
  const where = `at ${viewport.width}×${viewport.height}`;
  assert.equal(shown.scrollY, 0, where);
  assert.ok(shown.sentence, `the sentence is not on the first screen ${where}`);
  assert.equal(shown.cards.length, offers, where);
  for (const card of shown.cards) {
    assert.equal(card.baseline, card.offer === baseline, `${card.offer} ${where}`);
    const expected = { offer: card.offer, baseline: card.baseline, gross: true, difference: card.baseline ? null : true, rest: true };
    assert.deepEqual(card, expected, `${card.offer} is not wholly on the first screen ${where}`);
  }
}

// ---------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------

const byOfferThenLine = (a, b) =>
  a.offer < b.offer ? -1 : a.offer > b.offer ? 1 : a.line < b.line ? -1 : a.line > b.line ? 1 : 0;

/** Keeps only the compared fields, so extra CLI fields don't break equality. */
const figure = ({ offer, line, value }) => ({ offer, line, value });

/** Figures shown on the page, read from data attributes (not from formatted text). */
export async function readFigures(page) {
  const figures = await page.$$eval('[data-offer][data-line][data-value]', (elements) =>
    elements.map((el) => ({
      offer: el.getAttribute('data-offer'),
      line: el.getAttribute('data-line'),
      value: el.getAttribute('data-value'),
    })),
  );
  return figures.map(figure).sort(byOfferThenLine);
}

/** Figures computed by the native command line for one scenario file. */
export function cliFigures(scenarioPath) {
  const bin = process.env.CLI_BIN || repoPath('target', 'debug', 'offer-compare');
  if (!existsSync(bin)) {
    throw new Error(`Command line not found at ${bin}: build it with \`cargo build --bin offer-compare\` or set CLI_BIN.`);
  }
  const stdout = execFileSync(bin, [scenarioPath, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const { figures } = JSON.parse(stdout);
  if (!Array.isArray(figures)) {
    throw new Error(`${bin} printed no top-level "figures" array for ${scenarioPath}`);
  }
  return figures.map(figure).sort(byOfferThenLine);
}

// ---------------------------------------------------------------------------
// Accessibility
// ---------------------------------------------------------------------------

// Resolved through node's resolver so it works wherever npm put axe-core.
const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource;

/** Runs axe-core on the whole document; returns its violations. */
export async function axeAudit(page) {
  axeSource ??= readFileSync(AXE_PATH, 'utf8');
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy
  // rightly refuses an injected inline <script>.
  await page.evaluate(axeSource);
  const { violations } = await page.evaluate(() =>
    window.axe.run(document, { resultTypes: ['violations'] }),
  );
  return violations;
}

/** Violations a person would be blocked by: impact serious or critical. */
export function seriousViolations(violations) {
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One line per violation, for assertion messages. */
export function describeViolations(violations) {
  return violations
    .map((v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    .join('\n');
}

// ---------------------------------------------------------------------------
// Screenshots
// ---------------------------------------------------------------------------

export const SCREENSHOT_DIR = repoPath('target', 'e2e-screenshots');

/** Full-page PNG at the given viewport width; returns its path. */
export async function screenshot(page, name, width) {
  await page.setViewportSize({ width, height: 900 });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}-${width}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * One static server and one browser for a test file (registered with the
 * file's before/after hooks), and `open(t, viewport)` giving a fresh context
 * that is closed when test `t` ends.
 */
export function appSuite(before, after) {
  let server;
  let browser;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    /** The static server's address. */
    url: () => server.url,
    /** The browser, for tests that make their own contexts (emulated devices). */
    browser: () => browser,
    /** Opens the app, at `hash` (a share link's `#v1.…`) when given. */
    async open(t, viewport = { width: 1366, height: 900 }, hash = '') {
      const app = await openApp(browser, server.url + hash, viewport);
      t.after(() => app.context.close());
      return app;
    },
  };
}

/**
 * Opens the scenario file at `file` through the page's "Open a file" control,
 * as a user would, and waits until the page says it did.
 */
export async function openFile(page, file) {
  await page.setInputFiles('#open-file', file);
  await page.waitForFunction(() => /Opened the file/.test(document.body.innerText));
}

/**
 * A share link (`#v2.…`) of the default scenario with one edit (2 years at
 * grade), taken from the address bar of an app opened by `suite` for test `t`.
 */
export async function editedLink(suite, t) {
  const { page } = await suite.open(t);
  await page.fill('#years', '2');
  await page.waitForFunction(() => location.hash.length > 1 && document.querySelector('#years').value === '2');
  await page.waitForTimeout(300);
  return page.evaluate(() => location.hash);
}
