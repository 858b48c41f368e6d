// Field workflow on one desktop: a commune's month grid registered (typed, bulk-edited),
// saved and published; a cadre of that commune plans a visit from the list and the
// calendar; the Standing Office numbers the letter; the cadre types the report, the app is
// killed mid-typing and reopened with the draft intact; the report is submitted; the round
// overview counts it. The cross-device part (server scope) lives in the Go sync tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clickConfirmed, launchBrowser, screenshot, startApp } from './harness.js';

const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

test('visits: schedule grid, publish, plan, letter, report draft survives a kill, submit, round overview', async (t) => {
  const browser = await launchBrowser();
  t.after(() => browser.close());
  let app = await startApp();
  t.after(() => app.kill('SIGKILL'));
  const { dbPath } = app;
  let page = await app.open(browser);

  await byTestId(page, 'load-demo').click();
  await byTestId(page, 'demo-loaded').waitFor();
  await byTestId(page, 'welcome-continue').click();
  const communes = await page.evaluate(() => window.go.main.App.ListCommunes());
  const dh = communes.find((c) => c.name === 'Đồng Hướng');

  // The grid of Đồng Hướng for June 2018: every row gets a date by hand, time and place
  // by a bulk edit over all rows; an empty place is refused on its row first.
  await byTestId(page, 'nav-schedules').click();
  await byTestId(page, 'schedules-screen').waitFor();
  await page.selectOption('[data-testid="sch-commune"]', dh.id);
  await byTestId(page, 'sch-month').fill('06/2018');
  await page.locator(`[data-testid="sch-grid"][data-month="2018-06"][data-commune="${dh.id}"]`).waitFor(); // the grid shown is June's of Đồng Hướng
  await page.waitForFunction(() => /chưa có lịch/.test(document.querySelector('[data-testid="sch-coverage"]')?.textContent ?? ''));
  const rows = byTestId(page, 'sch-row');
  const n = await rows.count();
  assert.ok(n >= 16, `Đồng Hướng has its cells (${n})`);
  // A date of another month on the June grid is refused with its message, not moved.
  await rows.nth(0).locator('[data-testid="sch-date"]').fill('02/07/2018');
  await rows.nth(0).locator('[data-testid="sch-time"]').fill('07:30');
  await rows.nth(0).locator('input[aria-label^="Địa điểm"]').fill('Nhà văn hóa');
  await byTestId(page, 'sch-save').click();
  await byTestId(page, 'sch-error').waitFor();
  assert.match(await byTestId(page, 'sch-error').textContent(), /không thuộc tháng 06\/2018/);
  for (let i = 0; i < n; i++) await rows.nth(i).locator('[data-testid="sch-date"]').fill(`${String(1 + (i % 28)).padStart(2, '0')}/06/2018`);
  await rows.nth(0).locator('input[aria-label^="Địa điểm"]').fill('');
  await byTestId(page, 'sch-save').click();
  await byTestId(page, 'sch-error').waitFor();
  assert.match(await byTestId(page, 'sch-error').textContent(), /Chưa nhập địa điểm sinh hoạt/);
  await screenshot(page, 'visits-01-grid-error');

  await page.locator('th input[type="checkbox"]').check();
  await byTestId(page, 'sch-bulk-time').fill('14:00');
  await byTestId(page, 'sch-bulk-place').fill('Nhà văn hóa thôn');
  await byTestId(page, 'sch-bulk-apply').click();
  await byTestId(page, 'sch-save').click();
  await page.waitForFunction((n) => new RegExp(`Đã lưu ${n} lịch`).test(document.querySelector('[data-testid="sch-notice"]')?.textContent ?? ''), n);
  await clickConfirmed(page, byTestId(page, 'sch-publish'), /gửi lên cấp ủy/);
  await page.waitForFunction(() => /Đã gửi \d+ lịch/.test(document.querySelector('[data-testid="sch-notice"]')?.textContent ?? ''));
  assert.match(await byTestId(page, 'sch-coverage').textContent(), /0 chưa có lịch/);
  await screenshot(page, 'visits-02-grid-published');

  // A cadre of Đồng Hướng plans the first meeting; the list warns nobody else chose it.
  const officials = await page.evaluate(() => window.go.main.App.ListOfficials());
  const cadre = officials.find((o) => o.role === 'district_cadre' && o.communeId === dh.id);
  await byTestId(page, 'nav-visits').click();
  await byTestId(page, 'visits-screen').waitFor();
  await page.selectOption('[data-testid="vis-official"]', cadre.id);
  await byTestId(page, 'vis-month').fill('06/2018');
  await page.selectOption('[data-testid="plan-commune"]', dh.id);
  await byTestId(page, 'plan-row').first().waitFor();
  await byTestId(page, 'plan-view-calendar').click();
  await byTestId(page, 'plan-calendar').waitFor();
  await screenshot(page, 'visits-03-calendar');
  await byTestId(page, 'plan-view-list').click();
  await clickConfirmed(page, byTestId(page, 'plan-choose').first(), /giữ kín với xã/);
  await byTestId(page, 'plan-notice').waitFor();
  assert.match(await byTestId(page, 'plan-notice').textContent(), /Kế hoạch được giữ kín với xã/);

  // This desktop is the Standing Office's: it numbers the letter.
  await byTestId(page, 'vis-tab-template').click();
  await byTestId(page, 'letter-issuer').check();
  await byTestId(page, 'letter-save').click();
  await byTestId(page, 'letter-notice').waitFor();
  await byTestId(page, 'vis-tab-mine').click();
  await byTestId(page, 'vis-issue').click();
  await page.waitForFunction(() => /01-GGT\/HU/.test(document.querySelector('[data-testid="vis-notice"]')?.textContent ?? ''));
  const visits = await page.evaluate(() => window.go.main.App.ListVisits({ month: '2018-06', officialId: '', communeId: '' }));
  const letter = await page.evaluate((id) => window.go.main.App.ExportLetter(id, 'pdf'), visits[0].id);
  assert.ok(Buffer.from(letter, 'base64').subarray(0, 4).toString() === '%PDF');
  await screenshot(page, 'visits-04-my-visits');

  // The report: typed field by field; the app is killed in the middle of the feedback.
  await byTestId(page, 'vis-report').click();
  await byTestId(page, 'report-form').waitFor();
  const fill = async (key, value) => byTestId(page, `rf-${key}`).fill(String(value));
  await fill('endTime', '16:30');
  for (const [k, v] of Object.entries({ membersTotal: 20, membersFull: 18, membersProbationary: 2, membersExempted: 1, present: 16, absentExcused: 2, absentUnexcused: 1 })) await fill(k, v);
  await fill('chair', 'Nguyễn Văn Bình');
  await fill('secretary', 'Lê Thị Hoa');
  await page.selectOption('[data-testid="rf-quality"]', 'Khá');
  await fill('signer', cadre.name);
  await byTestId(page, 'rf-feedback').pressSequentially('Cần bám sát nghị quyết', { delay: 20 });
  await page.waitForFunction(() => /Đã lưu nháp/.test(document.querySelector('[data-testid="report-state"]')?.textContent ?? ''));
  await screenshot(page, 'visits-05-report-typing');
  await app.kill('SIGKILL');

  app = await startApp({ dbPath });
  page = await app.open(browser);
  await byTestId(page, 'nav-visits').click();
  await page.selectOption('[data-testid="vis-official"]', cadre.id);
  await byTestId(page, 'vis-month').fill('06/2018');
  await byTestId(page, 'vis-tab-mine').click();
  await byTestId(page, 'vis-report').click();
  await byTestId(page, 'report-form').waitFor();
  assert.equal(await byTestId(page, 'rf-feedback').inputValue(), 'Cần bám sát nghị quyết');
  assert.equal(await byTestId(page, 'rf-present').inputValue(), '16');
  assert.match(await byTestId(page, 'report-state').textContent(), /bản nháp đã lưu/);

  // Attendance that does not add up is refused on its field; corrected, the report goes in.
  await fill('absentUnexcused', 3);
  await clickConfirmed(page, byTestId(page, 'report-submit'), /không sửa được nữa; chỉ có thể đính chính/);
  await page.waitForFunction(() => /Số liệu không khớp/.test(document.querySelector('[data-field="membersTotal"]')?.textContent ?? ''));
  await screenshot(page, 'visits-06-report-refused');
  await fill('absentUnexcused', 1);
  await byTestId(page, 'rf-feedback').pressSequentially(' tháng trước.');
  await clickConfirmed(page, byTestId(page, 'report-submit'));
  await page.waitForFunction(() => /Đã nộp báo cáo/.test(document.querySelector('[data-testid="vis-notice"]')?.textContent ?? ''));

  // What the commune is released, and the round overview of the Standing Office.
  const releases = await page.evaluate((c) => window.go.main.App.ListReleases(c), dh.id);
  assert.equal(releases.length, 1);
  assert.equal(releases[0].feedback, 'Cần bám sát nghị quyết tháng trước.');
  assert.equal(releases[0].assessment, '');
  await byTestId(page, 'vis-tab-overview').click();
  await byTestId(page, 'ov-communes').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="ov-reports"] tbody tr').length === 1);
  await page.locator('[data-testid="ov-reports"] tbody input[type="checkbox"]').check();
  await byTestId(page, 'ov-side').waitFor();
  await sleep(100);
  await screenshot(page, 'visits-07-round-overview');
  const ov = await page.evaluate(() => window.go.main.App.RoundOverview('2018-06'));
  assert.equal(ov.total.reported, 1);
  assert.equal(ov.total.scheduled, n);

  // The template is data: rename a field and add one; it becomes version 2, and the
  // submitted report keeps version 1.
  await byTestId(page, 'vis-tab-template').click();
  await byTestId(page, 'tpl-fields').waitFor();
  await page.locator('[data-testid="tpl-fields"] input[aria-label="Tên mục"]').nth(1).fill('Tên chi bộ');
  await byTestId(page, 'tpl-add').click();
  await page.locator('[data-testid="tpl-fields"] input[aria-label="Tên mục"]').last().fill('Đại biểu dự');
  await byTestId(page, 'tpl-save').click();
  await page.locator('[data-testid="tpl-notice"], [data-testid="tpl-error"]').first().waitFor();
  assert.match(await page.locator('[data-testid="tpl-notice"], [data-testid="tpl-error"]').first().textContent(), /phiên bản 2/);
  await screenshot(page, 'visits-08-template-v2');
  const reports = await page.evaluate(() => window.go.main.App.ListReports('2018-06'));
  assert.equal(reports[0].templateVersion, 1);
  // No internal key on screen: the person names fields, the app keys them.
  assert.equal(await page.locator('[data-testid="tpl-fields"] input[aria-label="Mã mục"]').count(), 0);
  const tpl = (await page.evaluate(() => window.go.main.App.ListTemplates())).reduce((a, b) => (b.version > a.version ? b : a));
  const added = tpl.fields.find((f) => f.label === 'Đại biểu dự');
  assert.ok(added, `version ${tpl.version} has the new field`);
  assert.match(added.key, /^field\d+$/);
});
