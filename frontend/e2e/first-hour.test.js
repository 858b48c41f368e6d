// The first hour of a real office (issue 14), end to end at 1366×768 with the browser —
// the system — in English: a real chibo-server and three desktops. The Phát Diệm office's
// screens are its own (no planning), it types its month as a clerk does (a date of another
// month refused with its message, a day without its year, a time as 7h30), is asked before
// unsaved lines are given up, and sends the month after a confirmation; the board's example
// criteria set reaches it without a detour; the Standing Board plans a visit after a
// confirmation, numbers the letter (its account numbers, not a checkbox) and prints it.
// No native control speaks the system's language, and no screen scrolls sideways.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { clickConfirmed, horizontalOverflow, screenshot } from './harness.js';
import { desktopsOnServer, sync } from './desktops.js';

const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);

/** Screenshots the page and checks nothing is cut off sideways at 1366 px. */
async function shot(page, name) {
  await screenshot(page, name);
  assert.equal(await horizontalOverflow(page), 0, `${name}: the screen scrolls sideways`);
}

test('the first hour at 1366×768 in an English system: the office’s month, the example set, a letter printed', async (t) => {
  const env = await desktopsOnServer(t, { users: ['vp.phatdiem', 'bithu'], navId: 'nav-sync', locale: 'en-US' });
  const office = env.pages['vp.phatdiem'];
  const board = env.pages.bithu;
  assert.equal(await office.evaluate(() => navigator.language), 'en-US', 'the system speaks English');

  // 1. The office's screens are its own: no planning, no overview; its commune chosen.
  assert.equal(await byTestId(office, 'nav-visits').count(), 0);
  assert.equal(await byTestId(office, 'nav-overview').count(), 0);
  await byTestId(office, 'nav-schedules').click();
  const pd = (await office.evaluate(() => window.go.main.App.ListCommunes())).find((c) => c.name === 'Phát Diệm');
  await office.waitForFunction((id) => document.querySelector('[data-testid="sch-commune"]')?.value === id, pd.id);
  assert.equal(await office.locator('input[type="date"], input[type="month"], input[type="time"], input[type="file"]:not([hidden])').count(), 0,
    'no native date, month, time or file control');
  await byTestId(office, 'sch-month').fill('06/2018');
  await office.locator(`[data-testid="sch-grid"][data-month="2018-06"][data-commune="${pd.id}"]`).waitFor();
  const rows = byTestId(office, 'sch-row');
  await rows.first().waitFor();

  // 2. A date of July on the June grid is refused with its message; nothing is saved.
  await rows.nth(0).locator('[data-testid="sch-date"]').fill('07/07/2018');
  await rows.nth(0).locator('[data-testid="sch-time"]').fill('7h30');
  await rows.nth(0).locator('input[aria-label^="Địa điểm"]').fill('Nhà văn hóa phố 1');
  await byTestId(office, 'sch-save').click();
  await byTestId(office, 'sch-error').waitFor();
  assert.match(await byTestId(office, 'sch-error').textContent(), /không thuộc tháng 06\/2018/);
  assert.equal((await office.evaluate((id) => window.go.main.App.MonthGrid(id, '2018-07'), pd.id)).rows.filter((r) => r.schedules.length).length, 0,
    'nothing moved into July');
  await shot(office, 'first-hour-01-wrong-month');

  // 3. The day typed without its year lands in the grid's month; a date that is no date
  //    says so when the field is left.
  const date = rows.nth(0).locator('[data-testid="sch-date"]');
  await date.fill('31/02');
  await rows.nth(0).locator('[data-testid="sch-time"]').focus();
  await office.locator('[data-testid="date-input-error"]').first().waitFor();
  await date.fill('5/6');
  await rows.nth(0).locator('[data-testid="sch-time"]').focus();
  assert.equal(await date.inputValue(), '05/06/2018');
  assert.equal(await rows.nth(0).locator('[data-testid="sch-time"]').inputValue(), '07:30');
  await byTestId(office, 'sch-save').click();
  await office.waitForFunction(() => /Đã lưu 1 lịch/.test(document.querySelector('[data-testid="sch-notice"]')?.textContent ?? ''));

  // 4. Unsaved lines are not lost: changing month asks first; staying keeps them.
  await rows.nth(1).locator('[data-testid="sch-date"]').fill('12/06');
  await rows.nth(1).locator('[data-testid="sch-time"]').fill('19:30');
  await rows.nth(1).locator('input[aria-label^="Địa điểm"]').fill('Nhà văn hóa phố 2');
  await byTestId(office, 'sch-month').fill('07/2018');
  await office.locator('[data-testid="confirm-dialog"][open]').waitFor();
  assert.match(await byTestId(office, 'confirm-consequence').textContent(), /chưa được lưu sẽ mất/);
  await shot(office, 'first-hour-02-unsaved-asked');
  await byTestId(office, 'confirm-cancel').click();
  await office.waitForFunction(() => document.querySelector('[data-testid="sch-month"]')?.value === '06/2018');
  assert.equal(await rows.nth(1).locator('[data-testid="sch-date"]').inputValue(), '12/06/2018', 'the typed line is kept');
  await byTestId(office, 'sch-save').click();
  await office.waitForFunction(() => /Đã lưu 1 lịch/.test(document.querySelector('[data-testid="sch-notice"]')?.textContent ?? ''));
  await clickConfirmed(office, byTestId(office, 'sch-publish'), /gửi lên cấp ủy/);
  await office.waitForFunction(() => /Đã gửi \d+ lịch/.test(document.querySelector('[data-testid="sch-notice"]')?.textContent ?? ''));
  await shot(office, 'first-hour-03-month-sent');
  await sync(office);

  // 5. The board's example criteria set reaches the office as it is loaded: no new
  //    version, no second publishing.
  await byTestId(board, 'nav-scoring').click();
  await byTestId(board, 'sc-tab-sets').click();
  await byTestId(board, 'sc-load-example').click();
  await board.waitForFunction(() => [...document.querySelectorAll('[data-testid="sc-set-row"]')].some((r) => /Đã ban hành/.test(r.textContent)));
  await sync(board);
  await sync(office);
  const sets = (await office.evaluate(() => window.go.main.App.ListCriteriaSets())) ?? [];
  assert.deepEqual(sets.map((s) => s.status), ['published'], 'the office holds the published example');
  await byTestId(office, 'nav-scoring').click();
  await byTestId(office, 'scoring-screen').waitFor();
  assert.equal(await byTestId(office, 'sc-tab-sets').count(), 0, 'an office does not publish criteria sets');
  assert.equal(await byTestId(office, 'sc-load-demo').count(), 0, 'no example sheets on a signed-in desktop: they would sync as real');
  await shot(office, 'first-hour-04-office-scoring');

  // 6. The Standing Board plans a visit after a confirmation; its account numbers the
  //    letter, which it prints: the PDF is written where the bar says.
  await byTestId(board, 'nav-visits').click();
  await board.waitForFunction(() => document.querySelectorAll('[data-testid="vis-official"] option').length > 1);
  const me = (await board.evaluate(() => window.go.main.App.ListOfficials())).find((o) => o.active && o.role === 'standing_board' && !o.committeeId);
  await board.selectOption('[data-testid="vis-official"]', me.id);
  await byTestId(board, 'vis-month').fill('06/2018');
  await board.selectOption('[data-testid="plan-commune"]', pd.id);
  await byTestId(board, 'plan-choose').first().waitFor();
  await shot(board, 'first-hour-05-board-plans');
  await clickConfirmed(board, byTestId(board, 'plan-choose').first(), /giữ kín với xã/);
  await byTestId(board, 'plan-notice').waitFor();
  await byTestId(board, 'vis-tab-mine').click();
  await byTestId(board, 'vis-issue').click();
  await byTestId(board, 'vis-print-letter').click();
  const path = (await byTestId(board, 'saved-file-path').textContent()).trim();
  assert.ok(existsSync(path) && readFileSync(path).subarray(0, 4).toString() === '%PDF', `the printed letter at ${path}`);
  assert.equal(await byTestId(board, 'saved-file-open').count(), 1);
  assert.equal(await byTestId(board, 'saved-file-folder').count(), 1);
  await shot(board, 'first-hour-06-letter-printed');

  // 7. The same screens in English, still at 1366 px.
  await byTestId(board, 'lang-en').click();
  await byTestId(board, 'vis-tab-search').click();
  await byTestId(board, 'vs-query').fill('phat diem');
  await byTestId(board, 'vs-row').first().waitFor();
  await shot(board, 'first-hour-07-search-english');
  await byTestId(board, 'nav-overview').click();
  await byTestId(board, 'overview-screen').waitFor();
  await shot(board, 'first-hour-08-overview-english');
});
