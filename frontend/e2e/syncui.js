// Driving the sync UI of a desktop in the end-to-end tests: the header's sync indicator
// and the first sign-in from the welcome screen (server address, check, sign in).
import assert from 'node:assert/strict';

/** Every demo account's password (seed.DemoPassword). */
export const PASSWORD = 'kimson2018';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const tid = (page, id) => page.locator(`[data-testid="${id}"]`);

/** The header indicator's data: state, pending, refused, and the signed-in username. */
export const indicator = (page) => page.evaluate(() => {
  const el = document.querySelector('[data-testid="sync-indicator"]');
  return el && {
    state: el.dataset.state,
    pending: Number(el.dataset.pending),
    refused: Number(el.dataset.refused),
    seq: Number(el.dataset.seq), // Go numbers its statuses: a later one has a greater seq
    user: document.querySelector('[data-testid="sync-user"]')?.title ?? '',
    text: document.querySelector('[data-testid="sync-state"]')?.textContent ?? '',
  };
});

/** Waits until the indicator satisfies want (a predicate on indicator()). */
export async function waitIndicator(page, want, timeout = 30_000, what = 'indicator') {
  const deadline = Date.now() + timeout;
  let last = null;
  while (Date.now() < deadline) {
    try {
      last = await indicator(page);
      if (last && want(last)) return last;
    } catch { /* the page is reloading */ }
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}; last ${JSON.stringify(last)}`);
}

/** Clicks and waits for the page to load again (sign-in and sign-out reload the page). */
export async function clickAndReload(page, locator) {
  const loaded = page.waitForEvent('load');
  await locator.click();
  await loaded;
  await page.waitForFunction(() => window.go?.main?.App !== undefined);
}

/** From a fresh desktop: the welcome screen → Đồng bộ → server address, check → sign in. */
export async function signInFresh(page, serverUrl, username, timeout = 90_000) {
  await tid(page, 'welcome').waitFor();
  await tid(page, 'welcome-signin').click();
  await tid(page, 'sync-screen').waitFor();
  await tid(page, 'sync-server-url').fill(serverUrl);
  await tid(page, 'sync-server-check').click();
  assert.equal(await tid(page, 'sync-server-notice').textContent(), 'Kết nối được máy chủ.');
  await tid(page, 'sync-username').fill(username);
  await tid(page, 'sync-password').fill(PASSWORD);
  await clickAndReload(page, tid(page, 'sync-signin-submit'));
  return waitIndicator(page, (s) => s.user === username && s.state === 'idle', timeout, `${username}'s first sync`);
}
