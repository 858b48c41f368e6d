// Matters end to end (issue 11), a real chibo-server and two desktops in browser mode at
// 1366×768: the Phát Diệm office registers three urgent matters → sync → the Standing
// Board returns one with a comment and accepts the others → sync → the office sees the
// return, records progress and a result → the office records a dialogue with three
// issues, one forwarded with a deadline already past → it is flagged overdue → the
// board sees every matter and the commune counted as having held a dialogue.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { screenshot } from './harness.js';
import { desktopsOnServer, reload as reloadTo, sync } from './desktops.js';

const reload = (page) => reloadTo(page, 'nav-urgent');

const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);

test('matters: register, return with a comment, progress and result, a dialogue with an overdue issue', async (t) => {
  const env = await desktopsOnServer(t, { users: ['vp.phatdiem', 'bithu'], navId: 'nav-urgent' });
  const d = env.pages;
  const office = d['vp.phatdiem'];
  const board = d.bithu;
  const year = String(new Date().getFullYear());

  // 1. The office registers three urgent matters.
  await byTestId(office, 'nav-urgent').click();
  await byTestId(office, 'mt-year').fill(year);
  const unit = await office.locator('[data-testid="mt-unit"] option').nth(1).getAttribute('value');
  for (const [title, lead] of [['Xử lý rác thải tại các khu phố', 'Bí thư Đảng ủy'], ['Nạo vét kênh tiêu', 'Phó Bí thư'], ['Đường giao thông nội đồng', 'Chủ tịch UBND']]) {
    await office.selectOption('[data-testid="mt-unit"]', unit);
    await byTestId(office, 'mt-content').fill(title);
    await byTestId(office, 'mt-lead').fill(lead);
    await byTestId(office, 'mt-deadline').fill(`31/12/${year}`);
    await byTestId(office, 'mt-register-save').click();
    await office.waitForFunction(() => /Đã đăng ký/.test(document.querySelector('[data-testid="mt-message"]')?.textContent ?? ''));
  }
  await byTestId(office, 'mt-row').nth(2).waitFor();
  await screenshot(office, 'matters-01-office-registered');
  await sync(office);

  // 2. The board returns the canal with a comment and accepts the other two.
  await sync(board);
  await reload(board);
  await byTestId(board, 'nav-urgent').click();
  await byTestId(board, 'mt-year').fill(year);
  await byTestId(board, 'mt-row').nth(2).waitFor();
  for (let i = 0; i < 3; i++) {
    const row = byTestId(board, 'mt-row').nth(i);
    const canal = /Nạo vét kênh/.test(await row.textContent());
    await row.locator('[data-testid="mt-review"]').click();
    await board.selectOption('[data-testid="mt-act-decision"]', canal ? 'returned' : 'accepted');
    if (canal) await byTestId(board, 'mt-act-comment').fill('Ghi rõ chiều dài kênh cần nạo vét');
    await byTestId(board, 'mt-act-save').click();
    await byTestId(board, 'mt-tr-message').waitFor();
  }
  await screenshot(board, 'matters-02-board-reviewed');
  await sync(board);

  // 3. The office sees the return, records progress and a result.
  await sync(office);
  await office.waitForFunction(() => /Trả lại: Ghi rõ chiều dài kênh/.test(document.querySelector('[data-testid="mt-list"]')?.textContent ?? ''), null, { timeout: 30_000 });
  const waste = byTestId(office, 'mt-row').filter({ hasText: 'Xử lý rác thải' });
  await waste.locator('[data-testid="mt-update"]').click();
  const today = new Date();
  const dd = `${String(today.getDate()).padStart(2, '0')}/${String(today.getMonth() + 1).padStart(2, '0')}/${today.getFullYear()}`;
  await byTestId(office, 'mt-act-date').fill(dd);
  await office.selectOption('[data-testid="mt-act-state"]', 'resolved');
  await byTestId(office, 'mt-act-note').fill('12 điểm tập kết rác hoạt động');
  await byTestId(office, 'mt-act-save').click();
  await office.waitForFunction(() => document.querySelector('[data-testid="mt-row"][data-state="resolved"]') !== null);

  // 4. A dialogue with three issues, one forwarded with a deadline already past.
  await byTestId(office, 'mt-tab-dialogues').click();
  await byTestId(office, 'mt-dl-date').fill(dd);
  await byTestId(office, 'mt-dl-chair').fill('Bí thư Đảng ủy');
  for (const [i, [topic, content, answer, forward]] of [
    ['Bảo vệ môi trường', 'Mùi từ bãi rác', 'Đã có kế hoạch di dời', ''],
    ['Đất đai', 'Cấp giấy chứng nhận chậm', '', 'UBND xã'],
    ['An toàn vệ sinh thực phẩm', 'Chợ tạm', 'Sẽ kiểm tra trong tuần', ''],
  ].entries()) {
    await byTestId(office, 'mt-is-add').click();
    await office.selectOption(`[data-testid="mt-is-topic-${i}"]`, topic);
    await byTestId(office, `mt-is-content-${i}`).fill(content);
    if (answer) await byTestId(office, `mt-is-answer-${i}`).fill(answer);
    if (forward) {
      await byTestId(office, `mt-is-forward-${i}`).fill(forward);
      await byTestId(office, `mt-is-deadline-${i}`).fill(`01/01/${year}`);
    }
  }
  await byTestId(office, 'mt-dl-save').click();
  await byTestId(office, 'mt-dl-message').waitFor();
  await byTestId(office, 'mt-dl-stats').waitFor();
  await screenshot(office, 'matters-03-dialogue');
  await byTestId(office, 'mt-tab-tracker').click();
  await byTestId(office, 'mt-f-overdue').check();
  await office.waitForFunction(() => document.querySelectorAll('[data-testid="mt-row"]').length === 1, null, { timeout: 10_000 });
  assert.equal(await byTestId(office, 'mt-row').count(), 1, 'one overdue matter');
  assert.match(await byTestId(office, 'mt-row').first().textContent(), /Cấp giấy chứng nhận chậm/);
  await screenshot(office, 'matters-04-overdue');
  await sync(office);

  // 5. The board holds every matter, and the commune counts as having held a dialogue.
  await sync(board);
  const all = await board.evaluate((y) => window.go.main.App.ListMatters({ source: '', unitId: '', communeId: '', state: '', topic: '', year: Number(y), overdueOnly: false, dialogueId: '' }), year);
  assert.equal(all.length, 6, 'three urgent matters and three issues');
  const stats = await board.evaluate((y) => window.go.main.App.DialogueStats(Number(y)), year);
  assert.equal(stats.held, 1);

  // 6. The board's overview of the year: each figure equals the list it opens.
  await byTestId(board, 'nav-overview').click();
  await board.selectOption('[data-testid="ov-kind"]', 'year');
  await byTestId(board, 'ov-year').fill(year);
  const row = (src) => board.locator(`[data-testid="ov-matter-row"][data-source="${src}"] td`);
  await board.waitForFunction(() => document.querySelector('[data-testid="ov-matter-row"][data-source="urgent"] td:nth-child(2)')?.textContent === '3', null, { timeout: 15_000 });
  assert.equal(await row('dialogue').nth(1).textContent(), '3', 'three dialogue issues');
  assert.equal(await row('dialogue').nth(3).textContent(), '1', 'one overdue');
  // No visit was planned this year: the charts say so instead of drawing empty axes.
  assert.match(await byTestId(board, 'ov-no-visits').textContent(), /Chưa có kế hoạch dự sinh hoạt/);
  assert.match(await byTestId(board, 'ov-no-quality').textContent(), /Chưa có báo cáo/);
  await screenshot(board, 'matters-05-overview-year');
  await byTestId(board, 'ov-src-urgent').click();
  await byTestId(board, 'mt-list').waitFor();
  assert.equal(await byTestId(board, 'mt-row').count(), 3, 'the urgent figure opens its three matters');
  await byTestId(board, 'nav-overview').click();
  await board.selectOption('[data-testid="ov-kind"]', 'year');
  await byTestId(board, 'ov-year').fill(year);
  await byTestId(board, 'ov-late-dialogue').click();
  await board.waitForFunction(() => document.querySelectorAll('[data-testid="mt-row"]').length === 1, null, { timeout: 15_000 });
  assert.match(await byTestId(board, 'mt-row').first().textContent(), /Cấp giấy chứng nhận chậm/);
  // The commune's page, and the periodic report made from the same figures.
  await byTestId(board, 'nav-overview').click();
  await byTestId(board, 'ov-commune').first().waitFor();
  await board.locator('[data-testid="ov-commune"]', { hasText: 'Phát Diệm' }).click();
  await byTestId(board, 'commune-page').waitFor();
  await screenshot(board, 'matters-06-commune-page');
  const docx = await board.evaluate((y) => window.go.main.App.ExportPeriodicReport({ kind: 'year', year: Number(y), n: 0 }, 'docx'), year);
  assert.ok(docx.length > 1000, 'a periodic report');
});
