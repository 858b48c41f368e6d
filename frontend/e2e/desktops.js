// What the multi-desktop end-to-end tests do to a desktop in browser mode: point it at
// the server and sign in, sync until a sync started now has finished with nothing
// pending, and reload so that the shell reads the signed-in user's database; and the
// whole set-up of a server with signed-in desktops.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { freePort, launchBrowser, startApp, tempDir } from './harness.js';
import { serverBinary, startServer } from './server.js';

const PASSWORD = 'kimson2018'; // seed.DemoPassword
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Points the desktop at the server and signs in as user. */
export async function signIn(page, url, user) {
  await page.evaluate(async ({ url, user, pw }) => {
    await window.go.main.App.SaveSyncServer(url);
    await window.go.main.App.SignIn(user, pw);
  }, { url, user, pw: PASSWORD });
}

/** Syncs until a sync that started after this call has finished with nothing pending. */
export async function sync(page) {
  const before = (await page.evaluate(() => window.go.main.App.SyncStatus())).lastSyncAt;
  await page.evaluate(() => window.go.main.App.SyncNow());
  for (let i = 0; i < 300; i++) {
    const s = await page.evaluate(() => window.go.main.App.SyncStatus());
    if (s.lastSyncAt !== before && s.state === 'idle' && s.pending === 0) return s;
    if (i % 20 === 19) await page.evaluate(() => window.go.main.App.SyncNow());
    await sleep(100);
  }
  throw new Error('sync did not finish');
}

/** Reloads the page and waits for the menu entry navId. */
export async function reload(page, navId) {
  await page.reload();
  await page.waitForFunction(() => window.go?.main?.App !== undefined);
  await page.locator(`[data-testid="${navId}"]`).waitFor();
}

/**
 * A real chibo-server seeded with an example (preset: '' for Kim Sơn 2018, or
 * 'ninhbinh2025'), a browser at 1366×768, and one signed-in, synced desktop per user,
 * reloaded on menu entry navId. Everything stops when the test ends. server.stop() and
 * restartServer() take the server down and back on the same port and data.
 */
export async function desktopsOnServer(t, { preset = '', users, navId, locale = 'vi-VN' }) {
  const bin = serverBinary();
  const data = tempDir('chibo-server-data-');
  const r = spawnSync(bin, ['seed-demo', '--data', data, ...(preset ? ['--preset', preset] : [])], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const port = await freePort();
  const env = { server: await startServer(bin, data, port), pages: {}, apps: {} };
  env.restartServer = async () => { env.server = await startServer(bin, data, port); };
  t.after(() => env.server.stop());
  const browser = await launchBrowser({ locale });
  t.after(() => browser.close());
  for (const user of users) {
    const app = await startApp();
    t.after(() => app.kill('SIGKILL'));
    const page = await app.open(browser);
    await signIn(page, env.server.url, user);
    await sync(page);
    await reload(page, navId);
    env.pages[user] = page;
    env.apps[user] = app;
  }
  return env;
}
