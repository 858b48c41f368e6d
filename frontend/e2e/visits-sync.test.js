// Field workflow across a real chibo-server and four desktops in browser mode: the Phát Diệm
// office registers and publishes June → sync → the Phát Diệm cadre sees it, a Bình Minh
// cadre does not → the cadre plans a visit → the Phát Diệm office syncs and holds nothing
// of it → with the server down the cadre types the report, the app is killed mid-typing
// and reopened with the draft intact → submit → sync → the office sees the on-the-spot
// feedback only; the Standing Board sees the report in the round overview.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { clickConfirmed, freePort, launchBrowser, ROOT, screenshot, startApp, tempDir } from './harness.js';
import { serverBinary, startServer } from './server.js';

const PASSWORD = 'kimson2018'; // seed.DemoPassword
const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Points the desktop at the server and signs in as user. */
async function signIn(page, url, user) {
  await page.evaluate(async ({ url, user, pw }) => {
    await window.go.main.App.SaveSyncServer(url);
    await window.go.main.App.SignIn(user, pw);
  }, { url, user, pw: PASSWORD });
}

/** Syncs until a sync that started after this call has finished with nothing pending. */
async function sync(page) {
  const before = (await page.evaluate(() => window.go.main.App.SyncStatus())).lastSyncAt;
  await page.evaluate(() => window.go.main.App.SyncNow());
  for (let i = 0; i < 300; i++) {
    const s = await page.evaluate(() => window.go.main.App.SyncStatus());
    if (s.lastSyncAt !== before && s.state === 'idle' && s.pending === 0) {
      // A second round picks up what other devices pushed meanwhile.
      return s;
    }
    if (i % 20 === 19) await page.evaluate(() => window.go.main.App.SyncNow());
    await sleep(100);
  }
  throw new Error('sync did not finish');
}

/** Reloads the page so that the shell reads the signed-in user's database. */
async function reload(page) {
  await page.reload();
  await page.waitForFunction(() => window.go?.main?.App !== undefined);
  await byTestId(page, 'nav-sync').waitFor(); // every account has it (a commune office has no visits area)
}

test('visits across devices: publish, scope, confidential plan, offline report, release, overview', async (t) => {
  const bin = serverBinary();
  const data = tempDir('chibo-server-data-');
  let r = spawnSync(bin, ['seed-demo', '--data', data], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  r = spawnSync(bin, ['user', 'add', '--data', data, '--username', 'canbo.binhminh', '--role', 'district_cadre', '--commune', 'Bình Minh', '--password', PASSWORD], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const port = await freePort();
  let server = await startServer(bin, data, port);
  t.after(() => server.stop());

  const browser = await launchBrowser();
  t.after(() => browser.close());
  const devices = {};
  for (const user of ['vp.phatdiem', 'canbo.phatdiem', 'canbo.binhminh', 'bithu']) {
    const app = await startApp();
    t.after(() => app.kill('SIGKILL'));
    const page = await app.open(browser);
    await signIn(page, server.url, user);
    await sync(page);
    await reload(page);
    devices[user] = { app, page };
  }
  const office = devices['vp.phatdiem'].page;
  const noPlans = async (step) => {
    const [visits, reports] = await office.evaluate(() => Promise.all([
      window.go.main.App.ListVisits({ month: '', officialId: '', communeId: '' }),
      window.go.main.App.ListReports(''),
    ]));
    assert.equal(visits.length + reports.length, 0, `${step}: the commune office holds a plan or a report`);
  };

  // 1. The Phát Diệm office registers and publishes June through the grid.
  const communes = await office.evaluate(() => window.go.main.App.ListCommunes());
  const pd = communes.find((c) => c.name === 'Phát Diệm');
  // The office's screens are its own: no planning, and its commune only, already chosen.
  assert.equal(await byTestId(office, 'nav-visits').count(), 0, 'a commune office has no planning screen');
  await byTestId(office, 'nav-schedules').click();
  await office.waitForFunction((id) => document.querySelector('[data-testid="sch-commune"]')?.value === id, pd.id);
  assert.equal(await office.locator('[data-testid="sch-commune"] option').count(), 1, 'the office lists its own commune only');
  await byTestId(office, 'sch-month').fill('06/2018');
  await office.locator(`[data-testid="sch-grid"][data-month="2018-06"][data-commune="${pd.id}"]`).waitFor();
  const rows = byTestId(office, 'sch-row');
  const n = await rows.count();
  for (let i = 0; i < n; i++) await rows.nth(i).locator('[data-testid="sch-date"]').fill(`${String(1 + (i % 28)).padStart(2, '0')}/06/2018`);
  await office.locator('th input[type="checkbox"]').check();
  await byTestId(office, 'sch-bulk-time').fill('07:30');
  await byTestId(office, 'sch-bulk-place').fill('Hội trường khu phố');
  await byTestId(office, 'sch-bulk-apply').click();
  await byTestId(office, 'sch-save').click();
  await office.waitForFunction(() => /Đã lưu/.test(document.querySelector('[data-testid="sch-notice"]')?.textContent ?? ''));
  await clickConfirmed(office, byTestId(office, 'sch-publish'));
  await office.waitForFunction(() => /Đã gửi/.test(document.querySelector('[data-testid="sch-notice"]')?.textContent ?? ''));
  await sync(office);
  await screenshot(office, 'visits-sync-01-office-published');

  // 2. The Phát Diệm cadre sees the month; the Bình Minh cadre does not.
  const cadre = devices['canbo.phatdiem'].page;
  await sync(cadre);
  const seen = await cadre.evaluate(() => window.go.main.App.ListSchedules({ from: '2018-06-01', to: '2018-06-30', communeId: '', notVisitedThisYear: false }));
  assert.equal(seen.length, n, 'the Phát Diệm cadre sees every meeting');
  const other = devices['canbo.binhminh'].page;
  await sync(other);
  const notSeen = await other.evaluate(() => window.go.main.App.ListSchedules({ from: '2018-06-01', to: '2018-06-30', communeId: '', notVisitedThisYear: false }));
  assert.equal(notSeen.length, 0, 'a Bình Minh cadre sees none of them');

  // 3. The cadre plans a visit from the list.
  const officials = await cadre.evaluate(() => window.go.main.App.ListOfficials());
  const me = officials.find((o) => o.role === 'district_cadre' && o.communeId === pd.id);
  await byTestId(cadre, 'nav-visits').click();
  await cadre.selectOption('[data-testid="vis-official"]', me.id);
  await byTestId(cadre, 'vis-month').fill('06/2018');
  await clickConfirmed(cadre, byTestId(cadre, 'plan-choose').first());
  await byTestId(cadre, 'plan-notice').waitFor();
  await screenshot(cadre, 'visits-sync-02-cadre-planned');
  await sync(cadre);
  await sync(office);
  await noPlans('after planning');

  // 4. Server down: the cadre types the report; the app is killed mid-typing.
  await server.stop();
  await byTestId(cadre, 'vis-tab-mine').click();
  await byTestId(cadre, 'vis-report').click();
  await byTestId(cadre, 'report-form').waitFor();
  const fill = (key, value) => byTestId(cadre, `rf-${key}`).fill(String(value));
  await fill('endTime', '09:45');
  for (const [k, v] of Object.entries({ membersTotal: 25, membersFull: 24, membersProbationary: 1, membersExempted: 2, present: 21, absentExcused: 2, absentUnexcused: 0 })) await fill(k, v);
  await fill('chair', 'Phạm Văn Tiến');
  await fill('secretary', 'Vũ Thị Hà');
  await cadre.selectOption('[data-testid="rf-quality"]', 'Tốt');
  await fill('signer', me.name);
  await byTestId(cadre, 'rf-feedback').pressSequentially('Chuẩn bị dự thảo nghị quyết', { delay: 15 });
  await cadre.waitForFunction(() => /Đã lưu nháp/.test(document.querySelector('[data-testid="report-state"]')?.textContent ?? ''));
  const cadreDb = devices['canbo.phatdiem'].app.dbPath;
  await devices['canbo.phatdiem'].app.kill('SIGKILL');

  server = await startServer(bin, data, port);
  const app2 = await startApp({ dbPath: cadreDb });
  t.after(() => app2.kill('SIGKILL'));
  const cadre2 = await app2.open(browser);
  await signIn(cadre2, server.url, 'canbo.phatdiem');
  await reload(cadre2);
  await byTestId(cadre2, 'nav-visits').click();
  await cadre2.selectOption('[data-testid="vis-official"]', me.id);
  await byTestId(cadre2, 'vis-month').fill('06/2018');
  await byTestId(cadre2, 'vis-tab-mine').click();
  await byTestId(cadre2, 'vis-report').click();
  await byTestId(cadre2, 'report-form').waitFor();
  assert.equal(await byTestId(cadre2, 'rf-feedback').inputValue(), 'Chuẩn bị dự thảo nghị quyết');
  await byTestId(cadre2, 'rf-feedback').pressSequentially(' kỹ hơn.');
  await clickConfirmed(cadre2, byTestId(cadre2, 'report-submit'));
  await cadre2.waitForFunction(() => /Đã nộp báo cáo/.test(document.querySelector('[data-testid="vis-notice"]')?.textContent ?? ''));
  await sync(cadre2);

  // 5. The office receives the released part only.
  await sync(office);
  await noPlans('after the report');
  await reload(office);
  await byTestId(office, 'nav-schedules').click();
  await office.selectOption('[data-testid="sch-commune"]', pd.id);
  await byTestId(office, 'sch-month').fill('06/2018');
  await byTestId(office, 'release-row').waitFor();
  await byTestId(office, 'releases').scrollIntoViewIfNeeded();
  const text = await byTestId(office, 'releases').textContent();
  assert.match(text, /Chuẩn bị dự thảo nghị quyết kỹ hơn\./);
  assert.doesNotMatch(text, /Tốt/, 'the assessment is not released');
  await screenshot(office, 'visits-sync-03-office-release');

  // 6. The Standing Board reads it in the round overview.
  const board = devices.bithu.page;
  await sync(board);
  await byTestId(board, 'nav-visits').click();
  await byTestId(board, 'vis-month').fill('06/2018');
  await byTestId(board, 'vis-tab-overview').click();
  await board.waitForFunction(() => document.querySelectorAll('[data-testid="ov-reports"] tbody tr').length === 1);
  await screenshot(board, 'visits-sync-04-board-overview');
});
