// End-to-end harness: drives the real app in Wails browser mode.
//
// build/bin/chibo-dev (built with `make build-dev`: tags dev,webkit2_41) runs under a private
// Xvfb and serves frontend/dist with live Go bindings on 127.0.0.1:PORT; Debian's Chromium,
// driven by playwright-core, opens that URL. Run with `make e2e` (or `make test`).
//
//   import { test, after } from 'node:test';
//   import { startApp, launchBrowser, screenshot } from './harness.js';
//
//   test('…', async (t) => {
//     const app = await startApp();              // fresh temp database, free port
//     t.after(() => app.kill());
//     const browser = await launchBrowser();
//     t.after(() => browser.close());
//     const page = await app.open(browser);      // waits for window.go.main.App
//     …
//     await screenshot(page, 'scenario-name');   // test-output/scenario-name.png
//   });
//
// Every Xvfb, app and browser started here is also killed when the test process exits.

import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const OUT = join(ROOT, 'test-output');
export const DEV_BIN = process.env.CHIBO_DEV_BIN || join(ROOT, 'build/bin/chibo-dev');
export const CHROMIUM = process.env.CHIBO_CHROMIUM || '/usr/bin/chromium';

const START_TIMEOUT_MS = 30_000;

// ------------------------------------------------------------------ cleanup on exit

const onExit = new Set();
process.on('exit', () => {
  for (const fn of onExit) {
    try { fn(); } catch { /* best effort */ }
  }
});
for (const sig of ['SIGINT', 'SIGTERM']) process.once(sig, () => process.exit(130));

const tempDirs = [];
onExit.add(() => { for (const d of tempDirs) rmSync(d, { recursive: true, force: true }); });

/** A fresh temporary directory, removed when the process exits. */
export function tempDir(prefix = 'chibo-e2e-') {
  const d = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(d);
  return d;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// ------------------------------------------------------------------ Xvfb

let xvfb = null; // Promise<string> of the display, shared by every app of this process

/**
 * The X display the app runs on: $CHIBO_E2E_DISPLAY if set, else one private Xvfb for this
 * test process, started on first use on a free display number.
 */
export function display() {
  if (process.env.CHIBO_E2E_DISPLAY) return Promise.resolve(process.env.CHIBO_E2E_DISPLAY);
  if (!xvfb) {
    xvfb = new Promise((resolveDisplay, reject) => {
      const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1366x768x24', '-nolisten', 'tcp'], {
        stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      });
      onExit.add(() => proc.kill('SIGKILL'));
      let out = '';
      let err = '';
      const timer = setTimeout(() => reject(new Error(`Xvfb did not start: ${err}`)), 10_000);
      proc.stderr.on('data', (b) => { err += b; });
      proc.on('error', (e) => { clearTimeout(timer); reject(new Error(`cannot start Xvfb (make deps): ${e.message}`)); });
      proc.on('exit', (code) => { clearTimeout(timer); reject(new Error(`Xvfb exited (${code}): ${err}`)); });
      proc.stdio[3].on('data', (b) => {
        out += b;
        if (!out.includes('\n')) return;
        clearTimeout(timer);
        // Do not keep the test process alive for Xvfb: it is killed on exit. Its pipes stay
        // open and are drained: a closed pipe killed Xvfb with SIGPIPE at its next warning,
        // and the next app then failed to init GTK.
        for (const pipe of [proc.stdio[3], proc.stderr]) {
          pipe.removeAllListeners('data');
          pipe.resume();
          pipe.unref();
        }
        proc.removeAllListeners('exit');
        proc.unref();
        resolveDisplay(`:${out.trim()}`);
      });
    });
  }
  return xvfb;
}

// ------------------------------------------------------------------ the app

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((res, rej) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => res(port));
    });
  });
}

/**
 * Starts build/bin/chibo-dev in browser mode.
 *
 * @param {object} [opts]
 * @param {string} [opts.dbPath]  database file (default: a fresh one in a temp dir)
 * @param {number} [opts.port]    dev-server port (default: a free one)
 * @param {string[]} [opts.args]  extra command-line arguments for the app
 * @param {object} [opts.env]     extra environment variables
 * @returns {Promise<{url: string, port: number, dbPath: string, logPath: string, proc: import('node:child_process').ChildProcess,
 *   kill: (signal?: string) => Promise<number|null>, log: () => string, open: (browser: any) => Promise<any>}>}
 *   `open(browser)` opens a new page on the app and waits until `window.go.main.App` is there.
 */
export async function startApp({ dbPath, port, args = [], env = {} } = {}) {
  const dir = tempDir();
  dbPath ??= join(dir, 'chibo.db');
  port ??= await freePort();
  const DISPLAY = await display();
  const url = `http://127.0.0.1:${port}`;

  mkdirSync(join(OUT, 'e2e-logs'), { recursive: true });
  const logPath = join(OUT, 'e2e-logs', `app-${port}.log`);
  const logFd = openSync(logPath, 'w');
  // Wails' own flags first: its dev flag parser stops at the first flag it does not know (--db).
  const proc = spawn(DEV_BIN, ['-assetdir', join(ROOT, 'frontend/dist'), '-devserver', `127.0.0.1:${port}`, '-loglevel', 'info', '--db', dbPath, ...args], {
    cwd: ROOT,
    env: { ...process.env, DISPLAY, ...env },
    stdio: ['ignore', logFd, logFd],
  });
  closeSync(logFd);
  proc.unref();
  let exited = null;
  const exitPromise = new Promise((r) => proc.on('exit', (code, signal) => { exited = { code, signal }; r(code); }));
  const killNow = () => { if (!exited) proc.kill('SIGKILL'); };
  onExit.add(killNow);

  const log = () => { try { return readFileSync(logPath, 'utf8'); } catch { return ''; } };
  const failure = (why) => new Error(`${why}\n--- ${logPath} ---\n${log().split('\n').slice(-40).join('\n')}`);

  // The dev server answers once the app is up; its runtime.js carries the Go bindings.
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    if (exited) throw failure(`chibo-dev exited early (${JSON.stringify(exited)})`);
    if (Date.now() > deadline) { killNow(); throw failure(`chibo-dev did not answer on ${url} in ${START_TIMEOUT_MS} ms`); }
    try {
      const [index, runtime] = await Promise.all([fetch(url + '/'), fetch(url + '/wails/runtime.js')]);
      const body = await runtime.text();
      if (index.ok && runtime.ok && body.includes('wailsbindings')) break;
    } catch { /* not listening yet */ }
    await sleep(150);
  }

  return {
    url,
    port,
    dbPath,
    logPath,
    proc,
    log,
    /** Stops the app (SIGTERM by default, SIGKILL after 5 s); resolves to its exit code. */
    async kill(signal = 'SIGTERM') {
      if (!exited) {
        proc.kill(signal);
        const t = setTimeout(killNow, 5000);
        await exitPromise;
        clearTimeout(t);
      }
      onExit.delete(killNow);
      return exited.code;
    },
    /** Opens a new page of `browser` (or context) on the app, ready to call the bindings. */
    async open(browser) {
      const page = await browser.newPage();
      await page.goto(url);
      await page.waitForFunction(() => window.go?.main?.App !== undefined, null, { timeout: 15_000 });
      return page;
    },
  };
}

// ------------------------------------------------------------------ the browser

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Launches Debian's Chromium headless with a fresh profile. Returns a playwright
 * BrowserContext (it has newPage() and close(), like a Browser).
 */
export async function launchBrowser({ headless = true, viewport = { width: 1366, height: 768 }, locale = 'vi-VN' } = {}) {
  const profile = tempDir('chibo-chromium-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    // The system's language is the browser's: native controls would speak it.
    args: [...CHROMIUM_ARGS, `--lang=${locale}`],
    viewport,
    locale,
  });
  onExit.add(() => context.browser()?.process?.()?.kill('SIGKILL'));
  return context;
}

/** Saves a full-page screenshot to test-output/NAME.png and returns its path. */
export async function screenshot(page, name) {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Clicks what asks for a confirmation (an irreversible or outward action), checks that
 * the dialog says the consequence, and confirms.
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').Locator} button
 * @param {RegExp} [consequence]
 */
export async function clickConfirmed(page, button, consequence) {
  await button.click();
  const dialog = page.locator('[data-testid="confirm-dialog"][open]');
  await dialog.waitFor();
  if (consequence) {
    const text = await page.locator('[data-testid="confirm-consequence"]').textContent();
    if (!consequence.test(text ?? '')) throw new Error(`the confirmation says “${text}”, not ${consequence}`);
  }
  await page.locator('[data-testid="confirm-ok"]').click();
  await dialog.waitFor({ state: 'detached' }).catch(() => {});
}

/** How far the page or its main area scrolls sideways (0: nothing cut off at this width). */
export async function horizontalOverflow(page) {
  return page.evaluate(() => {
    const over = (el) => (el ? Math.max(0, el.scrollWidth - el.clientWidth) : 0);
    return Math.max(over(document.documentElement), over(document.querySelector('main.content')));
  });
}
