// The 2025 structure end to end (issue 9): a real chibo-server on the Ninh Bình 2025
// preset and five desktops in browser mode. A provincial cadre plans a visit to a Phát
// Diệm cell and a Phát Diệm committee member plans another, each from the visits screen,
// which offers only the officials of the account's own committee. After every sync the
// databases are queried: the Phát Diệm office holds neither plan, the Phát Diệm
// committee's desktops never hold the province's; the province holds both. Each
// committee's letter carries its own heading and number (01-GGT/TU, 01-GGT/ĐU). The
// schedule itself is published through the bindings: the grid is walked in visits-sync.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clickConfirmed, screenshot, tempDir } from './harness.js';
import { desktopsOnServer, sync } from './desktops.js';

const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);

const visits = (page) => page.evaluate(() => window.go.main.App.ListVisits({ month: '', officialId: '', communeId: '' }));

/** The letter as the desktop saves it, in PDF, read back with pdftotext. */
async function letterText(page, visitId) {
  const b64 = await page.evaluate((id) => window.go.main.App.ExportLetter(id, 'pdf'), visitId);
  const path = join(tempDir('chibo-letter-'), 'letter.pdf');
  writeFileSync(path, Buffer.from(b64, 'base64'));
  const r = spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

test('two levels of committees: plans kept from the level below, letters of each committee', async (t) => {
  const env = await desktopsOnServer(t, { preset: 'ninhbinh2025', navId: 'nav-sync',
    users: ['vp.phatdiem', 'cbtinh.phatdiem', 'duv.phatdiem', 'bithu.phatdiem', 'tinhuy.bithu'] });
  const d = env.pages;
  const all = Object.values(d);
  const pdCommittee = (await d['tinhuy.bithu'].evaluate(() => window.go.main.App.ListUnits()))
    .find((u) => u.kind === 'supervising_committee' && u.status === 'active' && u.name === 'Đảng bộ xã Phát Diệm');
  assert.ok(pdCommittee, 'the preset has the Phát Diệm committee');
  const check = async (step, plans) => {
    for (const p of all) await sync(p);
    assert.equal((await visits(d['vp.phatdiem'])).length, 0, `${step}: the Phát Diệm office holds a plan`);
    for (const u of ['duv.phatdiem', 'bithu.phatdiem']) {
      const vs = await visits(d[u]);
      assert.ok(vs.every((v) => v.committeeId === pdCommittee.id), `${step}: ${u} holds a plan of the province`);
    }
    const province = await visits(d['tinhuy.bithu']);
    for (const id of plans) assert.ok(province.some((v) => v.id === id), `${step}: the province does not hold plan ${id}`);
  };

  // The Phát Diệm office publishes January 2027.
  const office = d['vp.phatdiem'];
  const pd = (await office.evaluate(() => window.go.main.App.ListCommunes())).find((c) => c.name === 'Phát Diệm' && c.status === 'active');
  await office.evaluate(async (pdID) => {
    const g = await window.go.main.App.MonthGrid(pdID, '2027-01');
    await window.go.main.App.SaveSchedules(g.rows.slice(0, 4).map((row, i) => ({ cellId: row.cellId, date: `2027-01-1${i}`, startTime: '07:30', place: 'Nhà văn hóa' })));
    await window.go.main.App.PublishMonth(pdID, '2027-01');
  }, pd.id);
  await check('published', []);

  // Each plans from the visits screen, offered only his committee's officials.
  const plan = async (page, row, user) => {
    await byTestId(page, 'nav-visits').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="vis-official"] option').length > 1);
    const options = await page.locator('[data-testid="vis-official"] option').allTextContents();
    const os = await page.evaluate(() => window.go.main.App.ListOfficials());
    const mine = os.filter((o) => o.active && o.role !== 'commune_office' && (o.committeeId ?? '') === (user === 'cbtinh.phatdiem' ? '' : pdCommittee.id));
    const st = await page.evaluate(() => window.go.main.App.SyncStatus());
    assert.equal(options.length - 1, mine.length, `${user} (committee ${st.account?.committeeId}) is offered ${options.join(' | ')}; his committee's: ${mine.map((o) => o.name).join(', ')}`);
    const me = mine.find((o) => o.communeId === pd.id && (o.role === 'district_cadre' || o.role === 'district_committee'));
    await page.selectOption('[data-testid="vis-official"]', me.id);
    await byTestId(page, 'vis-month').fill('01/2027');
    await clickConfirmed(page, byTestId(page, 'plan-choose').nth(row));
    await byTestId(page, 'plan-notice').waitFor();
    return (await visits(page)).find((v) => v.officialId === me.id).id;
  };
  const provincePlan = await plan(d['cbtinh.phatdiem'], 0, 'cbtinh.phatdiem');
  await screenshot(d['cbtinh.phatdiem'], 'levels-01-province-cadre-planned');
  await check('province planned', [provincePlan]);
  const communePlan = await plan(d['duv.phatdiem'], 1, 'duv.phatdiem');
  await screenshot(d['duv.phatdiem'], 'levels-02-commune-member-planned');
  await check('commune planned', [provincePlan, communePlan]);
  const role = await byTestId(d['duv.phatdiem'], 'sync-role').textContent();
  assert.match(role, /Đảng ủy xã Phát Diệm/, 'the role is named from the committee');

  // Each committee numbers its own letter and prints its own heading.
  const letter = async (page, id) => {
    // No device setting: the Standing Board's account numbers its committee's letters.
    const ls = await page.evaluate(() => window.go.main.App.LetterSettings());
    assert.ok(ls.byAccount && ls.issuer, 'the board\'s account numbers letters');
    const v = await page.evaluate((vid) => window.go.main.App.IssueLetter(vid, '2027-01-05'), id);
    return [v, await letterText(page, id)];
  };
  const [pv, ptext] = await letter(d['tinhuy.bithu'], provincePlan);
  const [cv, ctext] = await letter(d['bithu.phatdiem'], communePlan);
  assert.equal(`${String(pv.letterSeq).padStart(2, '0')}-${pv.letterSymbol}`, '01-GGT/TU');
  assert.equal(`${String(cv.letterSeq).padStart(2, '0')}-${cv.letterSymbol}`, '01-GGT/ĐU');
  assert.match(ptext, /TỈNH ỦY NINH BÌNH/);
  assert.match(ptext, /Ban Thường vụ Tỉnh ủy Ninh Bình trân trọng giới thiệu/);
  assert.match(ctext, /ĐẢNG BỘ TỈNH NINH BÌNH/);
  assert.match(ctext, /ĐẢNG ỦY XÃ PHÁT DIỆM/);
  assert.match(ctext, /Số 01-GGT\/ĐU/);
  assert.doesNotMatch(ptext + ctext, /HUYỆN/);
  await check('letters', [provincePlan, communePlan]);
});
