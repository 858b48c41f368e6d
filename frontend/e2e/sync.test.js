// Sync scenario with real processes: one chibo-server (demo accounts) and three desktops.
// A (vp.phatdiem) edits a cell of Phát Diệm → pending 1 → sent; C (canbo.phatdiem) sees the
// edit after its sync; B (vp.binhminh) never receives a unit of Phát Diệm and gets a write
// outside its scope refused, with the reason. Then the server stops: A edits offline, signs
// out and back in without the server, keeps its data; the server restarts and A's change
// goes out by itself (background sync with backoff), and C receives it.
//
// The server binary is built first (go build, cached) unless CHIBO_SERVER_BIN names one.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { clickConfirmed, freePort, launchBrowser, OUT, ROOT, screenshot, startApp, tempDir } from './harness.js';
import { serverBinary, startServer } from './server.js';
import { PASSWORD, clickAndReload, indicator, signInFresh, waitIndicator } from './syncui.js';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const tid = (page, id) => page.locator(`[data-testid="${id}"]`);

/** Records every value the header's pending count takes (a MutationObserver in the page). */
const watchPending = (page) => page.evaluate(() => {
  window.__pending = [];
  const el = document.querySelector('[data-testid="sync-indicator"]');
  window.__pending.push(el.dataset.pending);
  new MutationObserver(() => window.__pending.push(el.dataset.pending)).observe(el, { attributes: true, attributeFilter: ['data-pending'] });
});

/** Opens a unit in the Units screen by searching its name. */
async function openUnit(page, unit) {
  await tid(page, 'nav-units').click();
  await tid(page, 'unit-search').fill(unit.name);
  const hit = tid(page, 'search-result').filter({ hasText: unit.name });
  await hit.first().click();
  await page.waitForFunction((name) => document.querySelector('[data-testid="detail-name"]')?.textContent === name, unit.name);
}

async function editNote(page, unit, note) {
  await openUnit(page, unit);
  await tid(page, 'action-edit').click();
  await tid(page, 'unit-note').fill(note);
  await tid(page, 'form-save').click();
  await tid(page, 'saved-notice').waitFor();
}

test('sync: three desktops and a server — scope, pending, offline edits, sign-in offline, recovery', async (t) => {
  const started = Date.now();
  const step = (name) => t.diagnostic(`${((Date.now() - started) / 1000).toFixed(1)} s: ${name}`);

  const bin = serverBinary();
  const data = tempDir('chibo-server-e2e-');
  const seeded = execFileSync(bin, ['seed-demo', '--data', data], { encoding: 'utf8' });
  for (const u of ['vp.phatdiem', 'vp.binhminh', 'canbo.phatdiem']) assert.match(seeded, new RegExp(u.replace('.', '\\.')));
  const port = await freePort();
  let server = await startServer(bin, data, port);
  t.after(() => server.stop());
  step('server built, seeded and started');

  const [appA, appB, appC] = await Promise.all([startApp(), startApp(), startApp()]);
  t.after(() => Promise.all([appA.kill(), appB.kill(), appC.kill()]));
  const browser = await launchBrowser();
  t.after(() => browser.close());
  const [a, b, c] = await Promise.all([appA.open(browser), appB.open(browser), appC.open(browser)]);
  step('three desktops started');

  // ---- A and B sign in from the first-run screen.
  const sa = await signInFresh(a, server.url, 'vp.phatdiem');
  assert.match(sa.text, /^Đã đồng bộ lúc \d{2}:\d{2} \d{2}\/\d{2}\/\d{4}$/);
  assert.match(await tid(a, 'sync-user').textContent(), /Văn phòng Đảng ủy Phát Diệm\s*· Văn phòng đảng ủy xã, thị trấn/);
  assert.equal(await tid(a, 'sync-screen-pending').getAttribute('data-value'), '0');
  assert.match(await tid(a, 'sync-screen-last').textContent(), /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/);
  await screenshot(a, 'sync-01-a-signed-in');
  await signInFresh(b, server.url, 'vp.binhminh');
  await screenshot(b, 'sync-02-b-signed-in');
  step('A and B signed in and pulled');

  const statusA = await a.evaluate(() => window.go.main.App.SyncStatus());
  const phatDiem = statusA.account.communeId;
  assert.ok(phatDiem, 'A\'s account has a commune');
  const unitsA = await a.evaluate(() => window.go.main.App.ListUnits());
  const cell = unitsA.find((u) => u.kind === 'subordinate_cell' && u.communeId === phatDiem && u.status === 'active');
  assert.ok(cell, 'A holds a cell of Phát Diệm');
  t.diagnostic(`A holds ${unitsA.length} units; edits ${cell.name}`);

  // ---- A edits the cell: pending 1 in the header, then sent without a click.
  await openUnit(a, cell);
  await watchPending(a);
  const note1 = `Ghi chú của văn phòng Phát Diệm (e2e ${new Date().toISOString()})`;
  await tid(a, 'action-edit').click();
  await tid(a, 'unit-note').fill(note1);
  await tid(a, 'form-save').click();
  await tid(a, 'saved-notice').waitFor();
  await waitIndicator(a, (s) => s.pending === 0 && s.state === 'idle', 30_000, 'A\'s edit to be sent');
  const seen = await a.evaluate(() => window.__pending);
  assert.ok(seen.includes('1'), `the header showed 1 pending change (values seen: ${seen.join(', ')})`);
  await a.waitForFunction(() => document.querySelector('[data-testid="sync-badge"]')?.textContent.trim() === 'Đã gửi', null, { timeout: 15_000 });
  assert.equal((await a.evaluate((id) => window.go.main.App.GetUnit(id), cell.id)).syncState, 'sent');
  await screenshot(a, 'sync-03-a-edit-sent');
  step(`A's edit sent (pending seen: ${seen.join(' → ')})`);

  // ---- C (district cadre of Phát Diệm) signs in and receives A's edit.
  await signInFresh(c, server.url, 'canbo.phatdiem');
  assert.equal((await c.evaluate((id) => window.go.main.App.GetUnit(id), cell.id)).note, note1);
  await openUnit(c, cell);
  assert.match(await tid(c, 'unit-detail').textContent(), new RegExp(note1.replace(/[()]/g, '\\$&')));
  await screenshot(c, 'sync-04-c-sees-a-edit');
  step('C received A\'s edit');

  // ---- B (Bình Minh's office) never holds a unit of Phát Diệm.
  const noPhatDiem = async () => {
    const all = await b.evaluate(() => window.go.main.App.ListUnits());
    assert.ok(all.length > 0, 'B holds its own units');
    assert.deepEqual(all.filter((u) => u.communeId === phatDiem).map((u) => u.name), [], 'B holds no unit of Phát Diệm');
    assert.equal(all.find((u) => u.id === cell.id), undefined);
    const hits = (await b.evaluate(() => window.go.main.App.SearchUnits('phat diem'))) ?? [];
    assert.deepEqual(hits.filter((h) => h.communeId === phatDiem || /Phát Diệm/.test(h.name)).map((h) => h.name), []);
    return all.length;
  };
  const nB = await noPhatDiem();
  await tid(b, 'nav-units').click();
  await tid(b, 'unit-search').fill('phat diem');
  await b.getByText('Không tìm thấy đơn vị nào.').waitFor();
  await screenshot(b, 'sync-05-b-no-phat-diem');
  step(`B holds ${nB} units, none of Phát Diệm`);

  // ---- B writes outside its scope (a top-level committee): refused, with the reason.
  await tid(b, 'unit-search').fill('');
  await tid(b, 'action-add-top').click();
  await tid(b, 'unit-name').fill('Đảng bộ thử ngoài phạm vi');
  await tid(b, 'form-save').click();
  await tid(b, 'saved-notice').waitFor();
  const sb = await waitIndicator(b, (s) => s.refused === 1 && s.pending === 0 && s.state === 'idle', 30_000, 'B\'s change to be refused');
  assert.equal(sb.refused, 1);
  assert.match(await tid(b, 'sync-refused').textContent(), /1 thay đổi bị từ chối/);
  await tid(b, 'sync-refused').click();
  const row = tid(b, 'sync-refused-row').first();
  await row.waitFor();
  assert.match(await row.textContent(), /Tổ chức đảng/);
  assert.match(await row.textContent(), /Đảng bộ thử ngoài phạm vi/);
  const reasonVi = await tid(b, 'sync-refused-reason').first().textContent();
  assert.ok(reasonVi.trim().length > 0, 'the reason is given');
  const [mine] = (await b.evaluate(() => window.go.main.App.SearchUnits('thu ngoai pham vi'))) ?? [];
  assert.equal(mine?.syncState, 'refused', 'the refused unit stays on B, marked refused');
  await screenshot(b, 'sync-06-b-refused');
  await tid(b, 'lang-en').click();
  await b.getByRole('columnheader', { name: 'Reason' }).waitFor();
  const reasonEn = await tid(b, 'sync-refused-reason').first().textContent();
  t.diagnostic(`refused: “${reasonVi.trim()}” / “${reasonEn.trim()}”`);
  assert.match(await row.textContent(), /Party organization/);
  await screenshot(b, 'sync-06b-b-refused-english');
  await tid(b, 'lang-vi').click();
  step('B\'s out-of-scope write refused with its reason');

  // ---- B discards it: the server's version stands, and the unit only B had is gone.
  await clickConfirmed(b, tid(b, 'sync-refused-discard').first(), /nạp lại bản của máy chủ/);
  await tid(b, 'sync-refused-empty').waitFor({ timeout: 30_000 });
  await waitIndicator(b, (s) => s.refused === 0 && s.pending === 0 && s.state === 'idle', 30_000, 'the resync after the discard');
  await b.waitForFunction(async () => ((await window.go.main.App.SearchUnits('thu ngoai pham vi')) ?? []).length === 0, null, { timeout: 30_000 });
  await screenshot(b, 'sync-06c-b-discarded');
  step('B discarded the refused change');

  // ---- The server stops. A edits again: offline, pending 1.
  await server.stop();
  step('server stopped');
  const note2 = `Sửa khi mất mạng (e2e ${new Date().toISOString()})`;
  await editNote(a, cell, note2);
  const off = await waitIndicator(a, (s) => s.state === 'offline' && s.pending === 1, 30_000, 'A offline with 1 pending');
  assert.equal(off.text, 'Ngoại tuyến — sẽ tự đồng bộ khi có mạng');
  assert.equal(await tid(a, 'sync-pending').textContent(), '1 thay đổi chờ gửi');
  assert.equal((await tid(a, 'sync-badge').textContent()).trim(), 'Chưa đồng bộ');
  await screenshot(a, 'sync-07-a-offline-pending');
  step('A offline with 1 pending change');

  // ---- A signs out and back in without the server: works, the data is still there.
  await tid(a, 'nav-sync').click();
  assert.match(await tid(a, 'sync-problem').textContent(), /Không kết nối được máy chủ/);
  assert.match(await tid(a, 'sync-signout-hint').textContent(), /Dữ liệu chưa gửi vẫn được giữ trên máy/);
  await screenshot(a, 'sync-08-a-sync-screen-offline');
  await clickAndReload(a, tid(a, 'sync-signout'));
  await waitIndicator(a, (s) => s.state === 'signed_out' && s.user === '', 10_000, 'A signed out');
  await tid(a, 'sync-signin-form').waitFor();
  assert.equal(await tid(a, 'welcome').count(), 0, 'no first-run screen after a sign-out');
  const account = tid(a, 'sync-account').filter({ hasText: 'vp.phatdiem' });
  await account.waitFor();
  await screenshot(a, 'sync-09-a-signed-out');
  await account.click();
  assert.equal(await tid(a, 'sync-username').inputValue(), 'vp.phatdiem');
  await tid(a, 'sync-password').fill(PASSWORD);
  await clickAndReload(a, tid(a, 'sync-signin-submit'));
  const back = await waitIndicator(a, (s) => s.user === 'vp.phatdiem' && s.state === 'offline', 30_000, 'A signed in offline');
  assert.equal(back.pending, 1, 'the unsent change is still waiting');
  assert.equal((await a.evaluate((id) => window.go.main.App.GetUnit(id), cell.id)).note, note2);
  await screenshot(a, 'sync-10-a-signed-in-offline');
  step('A signed out and in again offline; its change still waits');

  // Let the backoff grow (2 s, 4 s, 8 s…) before the server comes back.
  await sleep(10_000);
  const waiting = await a.evaluate(() => window.go.main.App.SyncStatus());
  assert.equal(waiting.state, 'offline');
  t.diagnostic(`A offline, next attempt at ${waiting.nextAttempt}`);

  // ---- The server restarts: A's change goes out by itself (no click).
  server = await startServer(bin, data, port);
  const restarted = Date.now();
  step('server restarted');
  await waitIndicator(a, (s) => s.pending === 0 && s.state === 'idle', 60_000, 'A to sync by itself after the restart');
  const recovery = (Date.now() - restarted) / 1000;
  t.diagnostic(`A synced by itself ${recovery.toFixed(1)} s after the server came back`);
  assert.ok(recovery <= 35, `automatic recovery took ${recovery.toFixed(1)} s`);
  await openUnit(a, cell);
  await a.waitForFunction(() => document.querySelector('[data-testid="sync-badge"]')?.textContent.trim() === 'Đã gửi', null, { timeout: 15_000 });
  await screenshot(a, 'sync-11-a-recovered');

  // C gets the offline edit ("Đồng bộ ngay": its own backoff may be long by now).
  await tid(c, 'sync-now').click();
  await c.waitForFunction((args) => window.go.main.App.GetUnit(args.id).then((u) => u.note === args.note), { id: cell.id, note: note2 }, { timeout: 30_000, polling: 250 });
  await waitIndicator(c, (s) => s.state === 'idle', 30_000, 'C idle');
  await openUnit(c, cell);
  await c.getByText(note2).waitFor();
  await screenshot(c, 'sync-12-c-sees-offline-edit');

  // B syncs again: still nothing of Phát Diệm.
  await tid(b, 'sync-now').click();
  await waitIndicator(b, (s) => s.state === 'idle', 30_000, 'B idle');
  await noPhatDiem();
  step('C has the offline edit; B still has nothing of Phát Diệm');
});

test('sync: the server\'s own certificate is shown with its fingerprint, accepted once, then pinned', async (t) => {
  const started = Date.now();
  const step = (name) => t.diagnostic(`${((Date.now() - started) / 1000).toFixed(1)} s: ${name}`);
  const bin = serverBinary();
  const data = tempDir('chibo-server-e2e-');
  execFileSync(bin, ['seed-demo', '--data', data], { encoding: 'utf8' });
  // A self-signed certificate, as a district would make for its own server.
  const certDir = tempDir('chibo-cert-');
  const goroot = execFileSync('go', ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
  execFileSync('go', ['run', join(goroot, 'src/crypto/tls/generate_cert.go'), '--host', '127.0.0.1'], { cwd: certDir, stdio: 'ignore' });
  const tls = { cert: join(certDir, 'cert.pem'), key: join(certDir, 'key.pem') };
  const fingerprint = new X509Certificate(readFileSync(tls.cert)).fingerprint256;
  const port = await freePort();
  const server = await startServer(bin, data, port, { tls });
  t.after(() => server.stop());
  const app = await startApp();
  t.after(() => app.kill());
  const browser = await launchBrowser();
  t.after(() => browser.close());
  const page = await app.open(browser);
  step('HTTPS server and desktop started');

  await tid(page, 'welcome').waitFor();
  await tid(page, 'welcome-signin').click();
  await tid(page, 'sync-server-url').fill(server.url);
  await tid(page, 'sync-server-check').click();
  const dialog = page.getByRole('alertdialog', { name: 'Chấp nhận chứng chỉ này?' });
  await dialog.waitFor();
  assert.equal(await tid(page, 'sync-trust-fingerprint').getAttribute('data-fingerprint'), fingerprint, 'the fingerprint of the server\'s certificate');
  assert.match(await dialog.textContent(), /so từng ký tự của dấu vân tay/);
  await screenshot(page, 'sync-20-certificate-untrusted');

  // Not accepted: nothing trusts the server, and signing in says why, beside the form.
  await tid(page, 'sync-trust-reject').click();
  await tid(page, 'sync-server-rejected').waitFor();
  await tid(page, 'sync-username').fill('bithu');
  await tid(page, 'sync-password').fill(PASSWORD);
  await tid(page, 'sync-signin-submit').click();
  await tid(page, 'sync-signin-error').waitFor();
  assert.match(await tid(page, 'sync-signin-error').textContent(), /Chứng chỉ của máy chủ chưa được chấp nhận/);
  assert.equal((await page.evaluate(() => window.go.main.App.SyncSettings())).fingerprint, '', 'nothing pinned');
  await screenshot(page, 'sync-21-certificate-refused-signin');

  // Accepted: pinned, checked again through the pin, and the sign-in works.
  await tid(page, 'sync-server-check').click();
  await dialog.waitFor();
  await tid(page, 'sync-trust-accept').click();
  await page.getByText('Đã chấp nhận chứng chỉ của máy chủ.').waitFor();
  assert.equal((await page.evaluate(() => window.go.main.App.SyncSettings())).fingerprint, fingerprint);
  assert.match(await tid(page, 'sync-pinned').textContent(), new RegExp(fingerprint.slice(0, 23)));
  await screenshot(page, 'sync-22-certificate-pinned');
  await tid(page, 'sync-password').fill(PASSWORD);
  await clickAndReload(page, tid(page, 'sync-signin-submit'));
  await waitIndicator(page, (s) => s.user === 'bithu' && s.state === 'idle', 60_000, 'bithu\'s first sync over HTTPS');
  const units = await page.evaluate(() => window.go.main.App.ListUnits());
  assert.ok(units.length >= 500, `the Standing Board receives the whole district (${units.length} units)`);
  await screenshot(page, 'sync-23-https-signed-in');
  step(`signed in over HTTPS with the pinned certificate; ${units.length} units`);
});
