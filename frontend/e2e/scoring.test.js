// Scoring scenario in one app: the example set, a sheet refused then self-assessed,
// reviewed, approved and locked, an unlock refused without a reason and audited with one,
// the month ranking, a demo year of 76 × 12 sheets, the twelve-month chart and the
// year-end suggestion with an override.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clickConfirmed, launchBrowser, screenshot, startApp } from './harness.js';

const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);
const CRITERIA = ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3', '3.4', '4.1', '4.2', '4.3', '4.4'];

test('scoring: example set, self-assessment, review, lock, unlock, ranking, chart, year-end', async (t) => {
  const app = await startApp();
  t.after(() => app.kill());
  const browser = await launchBrowser();
  t.after(() => browser.close());
  const page = await app.open(browser);

  await byTestId(page, 'load-demo').click();
  await byTestId(page, 'demo-loaded').waitFor();
  await byTestId(page, 'welcome-continue').click();
  await byTestId(page, 'nav-scoring').click();
  await byTestId(page, 'scoring-screen').waitFor();

  // The shipped example set, labelled as an example.
  await byTestId(page, 'sc-tab-sets').click();
  await byTestId(page, 'sc-load-example').click();
  await byTestId(page, 'sc-set-row').first().waitFor();
  assert.match(await byTestId(page, 'sc-set-row').first().textContent(), /VÍ DỤ.*Đã ban hành/s);
  await screenshot(page, 'scoring-01-sets');

  // A sheet: a point above its maximum is refused with a clear message.
  await byTestId(page, 'sc-tab-sheet').click();
  await page.locator('[data-testid="sc-unit"] option').nth(1).waitFor({ state: 'attached' });
  const unitName = (await page.locator('[data-testid="sc-unit"] option').nth(1).textContent()).trim();
  await page.selectOption('[data-testid="sc-unit"]', { index: 1 });
  await byTestId(page, 'sc-sheet-month').fill('03/2018');
  await byTestId(page, 'sc-self-1.1').waitFor();
  await byTestId(page, 'sc-self-1.1').fill('6');
  await byTestId(page, 'sc-save-draft').click();
  await byTestId(page, 'sc-error').waitFor();
  assert.match(await byTestId(page, 'sc-error').textContent(), /phải từ 0 đến 5/);

  // Submitting with criteria missing is refused; with all of them it goes for review.
  await byTestId(page, 'sc-self-1.1').fill('5');
  await byTestId(page, 'sc-submit').click();
  await page.waitForFunction(() => /Chưa chấm 13 tiêu chí/.test(document.querySelector('[data-testid="sc-error"]')?.textContent ?? ''));
  for (const c of CRITERIA) await byTestId(page, `sc-self-${c}`).fill('5');
  await byTestId(page, 'sc-submit').click();
  await page.waitForFunction(() => /Chờ thẩm định/.test(document.querySelector('[data-testid="sc-sheet-status"]')?.textContent ?? ''));
  assert.match(await byTestId(page, 'sc-self-total').textContent(), /70\s*Khá/);

  // The board copies the self-assessment, lowers one line, approves: the month locks.
  await byTestId(page, 'sc-copy-self').click();
  await byTestId(page, 'sc-verified-2.1').fill('4,5');
  await byTestId(page, 'sc-approve').click();
  await byTestId(page, 'sc-locked').waitFor();
  assert.match(await byTestId(page, 'sc-verified-total').textContent(), /69,5\s*Trung bình/);
  assert.equal(await byTestId(page, 'sc-self-1.1').isDisabled(), true, 'a locked month cannot be edited');
  await screenshot(page, 'scoring-02-approved');

  // Unlocking needs a reason; with one it is audited.
  await byTestId(page, 'sc-unlock').click();
  await page.waitForFunction(() => /lý do mở khóa/.test(document.querySelector('[data-testid="sc-error"]')?.textContent ?? ''));
  await byTestId(page, 'sc-unlock-reason').fill('Nhập nhầm điểm tiêu chí 2.1');
  await byTestId(page, 'sc-unlock').click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="sc-audit"] li').length === 2);
  assert.match(await byTestId(page, 'sc-audit').textContent(), /Duyệt và khóa.*Mở khóa.*Nhập nhầm điểm tiêu chí 2\.1/s);
  assert.match(await byTestId(page, 'sc-sheet-status').textContent(), /Chờ thẩm định/);
  await byTestId(page, 'sc-approve').click();
  await byTestId(page, 'sc-locked').waitFor();

  // The ranking of March 2018: that organization alone, first.
  await byTestId(page, 'sc-tab-ranking').click();
  await byTestId(page, 'sc-month').fill('03/2018');
  await page.waitForFunction(() => document.querySelector('[data-testid="sc-rank-row"] td:nth-child(2)')?.textContent && document.querySelector('[data-testid="sc-rank-row"] td')?.textContent === '1');
  assert.equal((await byTestId(page, 'sc-rank-row').first().locator('td').nth(1).textContent()).trim(), unitName);
  assert.equal(await byTestId(page, 'sc-not-submitted').locator('li').count(), 75);

  // A demo year: 76 organizations ranked in June, every grade counted.
  await byTestId(page, 'sc-load-demo').click();
  // June's report replaces March's (also 76 rows, one approved): wait for every grade counted.
  await page.waitForFunction(() => document.querySelector('[data-testid="sc-month"]')?.value === '06/2018' &&
    ['tot', 'kha', 'trung_binh', 'kem'].reduce((s, g) => s + Number(document.querySelector(`[data-testid="sc-dist-${g}"]`)?.textContent ?? 0), 0) === 76);
  assert.equal(await byTestId(page, 'sc-rank-row').count(), 76);
  assert.equal(await byTestId(page, 'sc-not-submitted').count(), 0, 'every organization has submitted');
  await screenshot(page, 'scoring-03-ranking');
  const [download] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'sc-export-month').click()]);
  assert.equal(download.suggestedFilename(), 'Xep-hang-thang-2018-06.xlsx');

  // The chart of the first organization: twelve months.
  await byTestId(page, 'sc-rank-row').first().getByRole('button', { name: 'Biểu đồ 12 tháng' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="sc-chart-dot"]').length === 12);
  await screenshot(page, 'scoring-04-chart');

  // The year-end table: a suggestion for all 76, an override with its reason.
  await byTestId(page, 'sc-tab-year').click();
  await byTestId(page, 'sc-year').fill('2018');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="sc-year-row"]').length === 76);
  assert.match(await byTestId(page, 'sc-suggested').first().textContent(), /nhiệm vụ/);
  const first = byTestId(page, 'sc-year-row').first();
  await first.getByRole('button', { name: 'Điều chỉnh' }).click();
  await page.selectOption('[data-testid="sc-override-grade"]', 'khong_hoan_thanh');
  await byTestId(page, 'sc-override-save').click();
  await page.waitForFunction(() => /lý do/i.test(document.querySelector('[data-testid="sc-year-error"]')?.textContent ?? ''));
  await byTestId(page, 'sc-override-reason').fill('Nội bộ mất đoàn kết, có đảng viên bị kỷ luật');
  await byTestId(page, 'sc-override-save').click();
  await page.waitForFunction(() => /Không hoàn thành nhiệm vụ[\s\S]*mất đoàn kết/.test(document.querySelector('[data-testid="sc-year-row"]')?.textContent ?? ''));
  await screenshot(page, 'scoring-05-year');
  const [docx] = await Promise.all([page.waitForEvent('download'), byTestId(page, 'sc-export-docx').click()]);
  assert.equal(docx.suggestedFilename(), 'Bang-xep-loai-nam-2018.docx');

  // A new set of the district's own: refused while a group has no title, then saved as a
  // draft and published.
  await byTestId(page, 'sc-tab-sets').click();
  await byTestId(page, 'sc-new-set').click();
  await byTestId(page, 'sc-set-name').fill('Bộ tiêu chí Huyện ủy Kim Sơn 2019');
  await byTestId(page, 'sc-set-save').click();
  await page.waitForFunction(() => /chưa có tên/.test(document.querySelector('[data-testid="sc-editor-error"]')?.textContent ?? ''));
  const editor = byTestId(page, 'sc-set-editor');
  await editor.getByLabel('Nội dung').first().fill('Công tác xây dựng Đảng');
  await editor.locator('tbody tr').first().locator('input').nth(1).fill('Sinh hoạt định kỳ đúng nội dung, trình tự');
  await byTestId(page, 'sc-set-save').click();
  const mine = byTestId(page, 'sc-set-row').filter({ hasText: 'Kim Sơn 2019' });
  await mine.waitFor();
  assert.match(await mine.textContent(), /Nháp/);
  await clickConfirmed(page, mine.getByRole('button', { name: 'Ban hành' }), /chấm điểm theo bộ tiêu chí này từ tháng/);
  await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="sc-set-row"]')].some((r) => /Kim Sơn 2019[\s\S]*Đã ban hành/.test(r.textContent)));
  await screenshot(page, 'scoring-06-own-set');
});
