// What the multi-desktop end-to-end tests do to a desktop in browser mode: point it at
// the server and sign in, sync until a sync started now has finished with nothing
// pending, and reload so that the shell reads the signed-in user's database.
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
