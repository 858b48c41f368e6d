// Scoring across devices with real processes: one chibo-server (demo data and accounts) and
// two desktops. The Organization Board (bantochuc) publishes its own version of the example
// criteria set; the
// office of Phát Diệm (vp.phatdiem) self-assesses March 2018 of its Đảng bộ thị trấn through
// the scoring sheet and syncs; the board syncs, verifies (one line lowered) and approves,
// which locks the month; the commune syncs and sees the verified total, read-only, and its
// edit of the locked month is refused with the reason. The other eleven months go through
// the bound methods on each desktop; the board then sees the year-end suggestion.
//
// The server binary is built first (go build, cached) unless CHIBO_SERVER_BIN names one.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { freePort, launchBrowser, OUT, ROOT, screenshot, startApp, tempDir } from './harness.js';
import { serverBinary, startServer } from './server.js';
import { PASSWORD, indicator, signInFresh, waitIndicator } from './syncui.js';

const CRITERIA = ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3', '3.4', '4.1', '4.2', '4.3', '4.4'];
const MONTH = '2018-03';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const tid = (page, id) => page.locator(`[data-testid="${id}"]`);

/** Waits until fn (evaluated in the page with arg) is truthy, polling the bindings. */
const until = (page, fn, arg, timeout = 60_000) => page.waitForFunction(fn, arg, { timeout, polling: 300 });

/** "Đồng bộ ngay", then idle with nothing pending. */
async function syncNow(page, what) {
  const before = await waitIndicator(page, (s) => s.state !== 'syncing', 60_000, `${what}: a sync in progress to end`);
  await tid(page, 'sync-now').click();
  // A status after the click's sync, not the idle one from before it.
  return waitIndicator(page, (s) => s.seq > before.seq && s.state === 'idle' && s.pending === 0, 60_000, what);
}

/** The sheet tab (mounted afresh) on an organization and month. */
async function openSheet(page, unitId, month) {
  await tid(page, 'nav-scoring').click();
  await tid(page, 'scoring-screen').waitFor();
  await tid(page, 'sc-tab-ranking').click();
  await tid(page, 'sc-tab-sheet').click();
  await page.locator(`[data-testid="sc-unit"] option[value="${unitId}"]`).waitFor({ state: 'attached' });
  await page.selectOption('[data-testid="sc-unit"]', unitId);
  await tid(page, 'sc-sheet-month').fill(`${month.slice(5)}/${month.slice(0, 4)}`); // as a clerk types it
  await tid(page, 'sc-self-1.1').waitFor();
}

test('scoring across devices: publish, self-assess, sync, verify, approve and lock, verified result, year-end', async (t) => {
  const started = Date.now();
  const step = (name) => t.diagnostic(`${((Date.now() - started) / 1000).toFixed(1)} s: ${name}`);

  const bin = serverBinary();
  const data = tempDir('chibo-server-e2e-');
  const seeded = execFileSync(bin, ['seed-demo', '--data', data], { encoding: 'utf8' });
  for (const u of ['bantochuc', 'vp.phatdiem']) assert.match(seeded, new RegExp(u.replace('.', '\\.')));
  const server = await startServer(bin, data, await freePort());
  t.after(() => server.stop());
  const [appB, appC] = await Promise.all([startApp(), startApp()]);
  t.after(() => Promise.all([appB.kill(), appC.kill()]));
  const browser = await launchBrowser();
  t.after(() => browser.close());
  const [board, commune] = await Promise.all([appB.open(browser), appC.open(browser)]);
  step('server and two desktops started');

  await signInFresh(board, server.url, 'bantochuc');
  await signInFresh(commune, server.url, 'vp.phatdiem');
  const acct = (await board.evaluate(() => window.go.main.App.SyncStatus())).account;
  assert.equal(acct.role, 'org_board');
  const communeAcct = (await commune.evaluate(() => window.go.main.App.SyncStatus())).account;
  assert.equal(communeAcct.role, 'commune_office');
  step('bantochuc and vp.phatdiem signed in');

  // The server's demo data carries no criteria set: the board loads the shipped example,
  // which is published, and it reaches the commune with the next sync, as any set would.
  assert.deepEqual(await board.evaluate(() => window.go.main.App.ListCriteriaSets()) ?? [], [], 'no set before the board publishes one');
  await tid(board, 'nav-scoring').click();
  await tid(board, 'sc-tab-sets').click();
  await tid(board, 'sc-load-example').click();
  await until(board, () => [...document.querySelectorAll('[data-testid="sc-set-row"]')].some((r) => /VÍ DỤ[\s\S]*Đã ban hành/.test(r.textContent)));
  await screenshot(board, 'scoring-sync-01-board-published');
  await syncNow(board, 'the example set to be sent');
  await syncNow(commune, 'the commune to pull the set');
  const sets = (await commune.evaluate(() => window.go.main.App.ListCriteriaSets())) ?? [];
  assert.deepEqual(sets.map((s) => [s.status, s.example]), [['published', true]], 'the commune holds the published example');
  step('example set loaded by the board and received by the commune');

  // The commune's own Đảng bộ thị trấn Phát Diệm.
  const unit = (await commune.evaluate(() => window.go.main.App.ListUnits()))
    .find((u) => u.kind === 'grassroots_committee' && u.communeId === communeAcct.communeId);
  assert.ok(unit, 'the commune holds its Đảng bộ');
  assert.match(unit.name, /Phát Diệm/);
  t.diagnostic(`unit: ${unit.name}`);

  // ---- The commune self-assesses March through the sheet: only its half is editable.
  await openSheet(commune, unit.id, MONTH);
  assert.equal(await tid(commune, 'sc-verified-1.1').isDisabled(), true, 'a commune office does not verify');
  assert.equal(await tid(commune, 'sc-approve').count(), 0, 'no approval for a commune office');
  for (const c of CRITERIA) await tid(commune, `sc-self-${c}`).fill('5');
  await tid(commune, 'sc-submit').click();
  await until(commune, () => /Chờ thẩm định/.test(document.querySelector('[data-testid="sc-sheet-status"]')?.textContent ?? ''));
  assert.match(await tid(commune, 'sc-self-total').textContent(), /70\s*Khá/);
  await screenshot(commune, 'scoring-sync-02-commune-submitted');
  await syncNow(commune, 'the self-assessment to be sent');
  step('commune self-assessed and synced');

  // ---- The board syncs, verifies with 2.1 lowered, approves: locked.
  await syncNow(board, 'the board to pull the sheet');
  await until(board, (a) => window.go.main.App.GetScoreSheet(a.id, a.m).then((s) => s.status === 'submitted'), { id: unit.id, m: MONTH });
  await openSheet(board, unit.id, MONTH);
  assert.match(await tid(board, 'sc-self-total').textContent(), /70\s*Khá/);
  assert.equal(await tid(board, 'sc-self-1.1').isDisabled(), true, 'the board does not edit the self-assessment');
  assert.equal(await tid(board, 'sc-submit').count(), 0, 'no submission for the board');
  await tid(board, 'sc-copy-self').click();
  await tid(board, 'sc-verified-2.1').fill('4,5');
  await tid(board, 'sc-approve').click();
  await tid(board, 'sc-locked').waitFor();
  assert.match(await tid(board, 'sc-verified-total').textContent(), /69,5\s*Trung bình/);
  await screenshot(board, 'scoring-sync-03-board-approved');
  await syncNow(board, 'the approval to be sent');
  step('board verified, approved and synced');

  // ---- The commune syncs: the verified total, read-only; the locked month refuses edits.
  // The sheet the commune left open updates in place when the sync pulls the approval.
  await syncNow(commune, 'the commune to pull the approval');
  await until(commune, (a) => window.go.main.App.GetScoreSheet(a.id, a.m).then((s) => s.status === 'approved' && s.locked), { id: unit.id, m: MONTH });
  await tid(commune, 'sc-locked').waitFor();
  assert.match(await tid(commune, 'sc-verified-total').textContent(), /69,5\s*Trung bình/);
  assert.equal(await tid(commune, 'sc-verified-2.1').inputValue(), '4,5');
  assert.equal(await tid(commune, 'sc-verified-2.1').isDisabled(), true);
  assert.equal(await tid(commune, 'sc-self-1.1').isDisabled(), true, 'the locked month cannot be edited');
  assert.equal(await tid(commune, 'sc-submit').isDisabled(), true);
  assert.equal(await tid(commune, 'sc-unlock').count(), 0, 'a commune office cannot unlock');
  const refusal = await commune.evaluate((a) => window.go.main.App.SaveSelfAssessment(a.id, a.m, { '1.1': { points: 4, note: '' } }, 'sửa sau khi duyệt', true)
    .then(() => null, (e) => String(e?.message ?? e)), { id: unit.id, m: MONTH });
  assert.ok(refusal, 'the desktop refuses an edit of the locked month');
  t.diagnostic(`edit of the locked month refused: ${refusal}`);
  await screenshot(commune, 'scoring-sync-04-commune-verified-locked');
  step('commune sees the verified, locked month');

  // ---- The other eleven months through the bindings: commune → board → year-end.
  const months = Array.from({ length: 12 }, (_, i) => `2018-${String(i + 1).padStart(2, '0')}`).filter((m) => m !== MONTH);
  const full = Object.fromEntries(CRITERIA.map((c) => [c, { points: 5, note: '' }]));
  await commune.evaluate(async (a) => {
    for (const m of a.months) await window.go.main.App.SaveSelfAssessment(a.id, m, a.full, '', true);
  }, { id: unit.id, months, full });
  await syncNow(commune, 'eleven self-assessments to be sent');
  await syncNow(board, 'the board to pull eleven sheets');
  await until(board, (a) => Promise.all(a.months.map((m) => window.go.main.App.GetScoreSheet(a.id, m)))
    .then((ss) => ss.every((s) => s.status === 'submitted')), { id: unit.id, months });
  await board.evaluate(async (a) => {
    for (const m of a.months) {
      await window.go.main.App.SaveReview(a.id, m, a.full, '');
      await window.go.main.App.ApproveScoreSheet(a.id, m);
    }
  }, { id: unit.id, months, full });
  await syncNow(board, 'eleven approvals to be sent');
  step('eleven more months self-assessed, synced and approved');

  const rep = await board.evaluate(() => window.go.main.App.YearReport(2018));
  const row = rep.rows.find((r) => r.unitId === unit.id);
  assert.equal(row?.suggestion.months, 12, 'twelve approved months');
  assert.ok(row.suggestion.grade, `a suggested grade (${row.suggestion.reason})`);
  await tid(board, 'sc-tab-year').click();
  await tid(board, 'sc-year').fill('2018');
  const yr = board.locator(`[data-testid="sc-year-row"][data-unit="${unit.id}"]`);
  await yr.waitFor();
  const suggested = (await yr.locator('[data-testid="sc-suggested"]').textContent()).trim();
  assert.match(suggested, /nhiệm vụ/);
  t.diagnostic(`year-end suggestion: ${suggested} (mean ${row.suggestion.mean})`);
  await yr.scrollIntoViewIfNeeded();
  await screenshot(board, 'scoring-sync-05-board-year-end');

  // The commune still sees its twelve months approved.
  await syncNow(commune, 'the commune to pull eleven approvals');
  await until(commune, (a) => Promise.all(a.months.map((m) => window.go.main.App.GetScoreSheet(a.id, m)))
    .then((ss) => ss.every((s) => s.status === 'approved')), { id: unit.id, months });
  step('year-end suggestion shown on the board; the commune holds twelve approved months');
});
