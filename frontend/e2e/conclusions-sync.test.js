// After the round, across a real chibo-server and three desktops in browser mode, at
// 1366×768: two Phát Diệm meetings reported (set up through the bindings: the report form
// itself is walked through in visits-sync.test.js) → the Standing Board reads the round,
// records the conference, drafts the notice from the reports, issues it after the
// confirmation → sync → the Phát Diệm office sees the issued notice and only its own item,
// reports its remedy while the server is down → sync → the board verifies → the office
// sees the verdict. The notice's PDF is rendered to PNG in test-output.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { OUT, screenshot } from './harness.js';
import { desktopsOnServer, reload as reloadTo, sync } from './desktops.js';

const reload = (page) => reloadTo(page, 'nav-conclusions');

const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);
const api = (page, fn, arg) => page.evaluate(fn, arg);

test('after the round: conference, notice, remediation reported offline and verified', async (t) => {
  const env = await desktopsOnServer(t, { users: ['vp.phatdiem', 'canbo.phatdiem', 'bithu'], navId: 'nav-conclusions' });
  const devices = env.pages;
  const office = devices['vp.phatdiem'];
  const cadre = devices['canbo.phatdiem'];
  const board = devices.bithu;

  // Setup: the office publishes two June meetings, the cadre reports both (one good, one weak).
  const pd = (await api(office, () => window.go.main.App.ListCommunes())).find((c) => c.name === 'Phát Diệm');
  await api(office, async (pdID) => {
    const g = await window.go.main.App.MonthGrid(pdID, '2018-06');
    await window.go.main.App.SaveSchedules(g.rows.slice(0, 2).map((row, i) => ({ cellId: row.cellId, date: `2018-06-0${i + 4}`, startTime: '07:30', place: 'Nhà văn hóa' })));
    await window.go.main.App.PublishMonth(pdID, '2018-06');
  }, pd.id);
  await sync(office);
  await sync(cadre);
  await api(cadre, async (pdID) => {
    const App = window.go.main.App;
    const me = (await App.ListOfficials()).find((o) => o.role === 'district_cadre' && o.communeId === pdID);
    const ms = await App.ListSchedules({ from: '2018-06-01', to: '2018-06-30', communeId: '', notVisitedThisYear: false });
    for (const [i, m] of ms.slice(0, 2).entries()) {
      const p = await App.PlanVisit(m.schedule.id, me.id, '');
      const form = await App.OpenReportForm(p.visit.id, '');
      Object.assign(form.draft.values, { endTime: '10:00', membersTotal: 20, membersFull: 18, membersProbationary: 2, membersExempted: 1, present: 16,
        absentExcused: 2, absentUnexcused: 1, chair: 'Nguyễn Văn Bình', secretary: 'Lê Thị Hoa', feedback: 'Cần bám sát nghị quyết.', signer: me.name,
        quality: i === 0 ? 'Tốt' : 'Trung bình', strengths: i === 0 ? 'Chuẩn bị chu đáo' : '', weaknesses: i === 0 ? '' : 'Chưa kiểm điểm nghị quyết tháng trước.' });
      await App.SaveReportDraft(form.draft);
      await App.SubmitReport(p.visit.id, '', '');
    }
  }, pd.id);
  await sync(cadre);
  await sync(board);
  await reload(board);

  // 1. The board reads the round and records the conference.
  await byTestId(board, 'nav-conclusions').click();
  await byTestId(board, 'cc-month').fill('06/2018');
  await byTestId(board, 'cc-reports').waitFor();
  assert.equal(await byTestId(board, 'cc-reports').locator('tbody tr').count(), 2);
  await byTestId(board, 'cc-conf-date').fill('03/07/2018');
  await byTestId(board, 'cc-conf-place').fill('Hội trường Huyện ủy');
  await byTestId(board, 'cc-conf-chair').fill('Bí thư Huyện ủy');
  await byTestId(board, 'cc-conf-present').fill('Trần Thị Lan\nNguyễn Văn An');
  await byTestId(board, 'cc-add-remark').click();
  await byTestId(board, 'cc-remark-official-0').fill('Trần Thị Lan');
  await byTestId(board, 'cc-remark-text-0').fill('Một chi bộ chưa kiểm điểm nghị quyết.');
  await byTestId(board, 'cc-conf-save').click();
  await byTestId(board, 'cc-round-notice').waitFor();
  await screenshot(board, 'conclusions-01-round-and-conference');

  // 2. The notice: drafted from the round, issued after the confirmation.
  await byTestId(board, 'cc-tab-notices').click();
  await byTestId(board, 'cc-draft').click();
  await byTestId(board, 'cc-notice-editor').waitFor();
  assert.equal(await byTestId(board, 'cc-n-unit').count(), 1, 'one organization with shortcomings is suggested');
  await byTestId(board, 'cc-n-item-fix').first().fill('Kiểm điểm trong buổi sinh hoạt tháng 7.');
  await byTestId(board, 'cc-n-issue').click();
  await board.locator('[data-testid="confirm-dialog"][open]').waitFor();
  assert.match(await byTestId(board, 'confirm-consequence').textContent(), /không sửa được nữa/);
  await screenshot(board, 'conclusions-02-issue-confirmation');
  await byTestId(board, 'confirm-ok').click();
  await board.waitForFunction(() => /Đã ban hành thông báo số 01-TB\/HU/.test(document.querySelector('[data-testid="cc-notice-message"]')?.textContent ?? ''));
  await screenshot(board, 'conclusions-03-notice-issued');
  const notices = await api(board, () => window.go.main.App.ListNotices('2018-06'));
  const pdf = await api(board, (id) => window.go.main.App.ExportNotice(id, 'pdf'), notices[0].id);
  const pdfPath = join(OUT, 'conclusions-notice.pdf');
  writeFileSync(pdfPath, Buffer.from(pdf, 'base64'));
  const png = spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfPath, join(OUT, 'conclusions-notice')], { encoding: 'utf8' });
  assert.equal(png.status, 0, png.stderr);
  await sync(board);

  // 3. The office: the issued notice and its own item; it reports the remedy offline.
  await sync(office);
  await reload(office);
  await byTestId(office, 'nav-conclusions').click();
  assert.equal(await byTestId(office, 'cc-tab-round').count(), 0, 'an office has no round tab');
  await byTestId(office, 'cc-month').fill('06/2018');
  await byTestId(office, 'cc-notice-row').first().waitFor();
  assert.equal(await byTestId(office, 'cc-notice-row').count(), 1);
  assert.equal(await byTestId(office, 'cc-notice-row').first().getAttribute('data-status'), 'issued');
  await byTestId(office, 'cc-tab-remediation').click();
  await byTestId(office, 'cc-r-row').first().waitFor();
  assert.equal(await byTestId(office, 'cc-r-row').count(), 1);
  await env.server.stop();
  await byTestId(office, 'cc-r-act').click();
  await byTestId(office, 'cc-r-date').fill('15/07/2018');
  await byTestId(office, 'cc-r-actions').fill('Đã kiểm điểm việc thực hiện nghị quyết trong buổi sinh hoạt tháng 7.');
  await byTestId(office, 'cc-r-evidence').fill('Biên bản ngày 15/7/2018');
  await byTestId(office, 'cc-r-submit').click();
  await byTestId(office, 'cc-r-message').waitFor();
  await screenshot(office, 'conclusions-04-office-reports-offline');
  await env.restartServer();
  await sync(office);

  // 4. The board verifies; the office sees the verdict.
  await sync(board);
  await byTestId(board, 'cc-tab-remediation').click();
  await byTestId(board, 'cc-r-row').first().waitFor();
  await board.waitForFunction(() => /Đã kiểm điểm/.test(document.querySelector('[data-testid="cc-remediation"]')?.textContent ?? ''));
  await byTestId(board, 'cc-r-act').click();
  await board.selectOption('[data-testid="cc-r-verdict"]', 'remedied');
  await byTestId(board, 'cc-r-submit').click();
  await byTestId(board, 'cc-r-message').waitFor();
  await sync(board);
  await sync(office);
  await office.waitForFunction(() => document.querySelector('[data-testid="cc-r-row"]')?.getAttribute('data-verdict') === 'remedied', null, { timeout: 30_000 });
  await screenshot(office, 'conclusions-05-office-sees-verdict');

  // 5. The board's overview counts what the lists hold, and each figure opens its list.
  await byTestId(board, 'nav-overview').click();
  await byTestId(board, 'ov-month').fill('06/2018');
  await board.waitForFunction(() => /^2\/2/.test(document.querySelector('[data-testid="ov-visits"]')?.textContent ?? ''), null, { timeout: 15_000 });
  assert.match(await byTestId(board, 'ov-remediation').textContent(), /^1\/1/);
  assert.equal(await board.locator('[data-testid="overview-screen"] canvas').count(), 2);
  assert.equal(await board.locator('[data-testid="ov-no-visits"], [data-testid="ov-no-quality"]').count(), 0, 'two reports: both charts drawn');
  // The report buttons stand on the same line as the month field, nothing under it.
  const bottom = (id) => byTestId(board, id).evaluate((el) => Math.round(el.getBoundingClientRect().bottom));
  assert.ok(Math.abs((await bottom('ov-report-docx')) - (await bottom('ov-month'))) <= 1, 'the period row ends with its fields');
  await screenshot(board, 'conclusions-06-overview');
  await byTestId(board, 'ov-remediation').click();
  await byTestId(board, 'conclusions-screen').waitFor();
});
