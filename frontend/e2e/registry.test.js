// Registry scenario on the demo: the tabs of the units area; create an area, a town in it
// and a Standing Committee member in charge of the area; a District Committee member
// without a commune is refused in Vietnamese, then saved; the officials search works
// without diacritics; everything is still there after a restart.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchBrowser, screenshot, startApp } from './harness.js';

const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);
const row = (page, kind, name) => byTestId(page, `${kind}-row`).filter({ has: page.getByRole('button', { name: `Sửa “${name}”`, exact: true }) });
const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { testid: el?.dataset?.testid ?? '', text: el?.textContent?.trim() ?? '', tab: el?.id ?? '', row: el?.closest('[data-id]')?.dataset.id ?? '' };
});

const AREA = 'Tiểu khu Thử nghiệm';
const TOWN = 'Kim Sơn Mới';
const BTV = 'Phạm Thị Thử Nghiệm';
const HUV = 'Đinh Văn Kiểm Tra';

test('registry: area, town and officials with roles; a refused assignment; search; restart', async (t) => {
  const started = Date.now();
  const step = (name) => t.diagnostic(`${((Date.now() - started) / 1000).toFixed(1)} s: ${name}`);

  let app = await startApp();
  t.after(() => app.kill());
  const browser = await launchBrowser();
  t.after(() => browser.close());
  let page = await app.open(browser);
  await page.evaluate(() => window.go.main.App.LoadDemo());
  await page.reload();
  await byTestId(page, 'unit-tree').waitFor();
  step('demo loaded');

  // The tabs: the tree first; arrow keys move between tabs.
  assert.equal(await byTestId(page, 'tab-tree').getAttribute('aria-selected'), 'true');
  assert.deepEqual(await page.getByRole('tab').allTextContents(), ['Tổ chức đảng', 'Xã, phường', 'Tiểu khu & cụm xã', 'Cán bộ']);
  await byTestId(page, 'tab-tree').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await byTestId(page, 'tab-groups').getAttribute('aria-selected'), 'true');
  assert.equal((await focused(page)).tab, 'tab-groups');
  await byTestId(page, 'area-list').waitFor();
  assert.equal(await byTestId(page, 'area-row').count(), 6, 'the demo has six areas');
  assert.equal(await byTestId(page, 'cluster-row').count(), 4, 'and four clusters');
  assert.match(await row(page, 'area', 'Tiểu khu 1').textContent(), /Ủy viên Ban Thường vụ phụ trách: \S/);

  // An area: an empty name is refused next to the field, then it is saved.
  await byTestId(page, 'area-add').click();
  await byTestId(page, 'area-name').press('Enter');
  await byTestId(page, 'field-error-name').waitFor();
  assert.equal(await byTestId(page, 'field-error-name').textContent(), 'Tên tiểu khu không được để trống.');
  await byTestId(page, 'area-name').fill(AREA);
  await byTestId(page, 'area-name').press('Enter');
  await byTestId(page, 'saved-notice').waitFor();
  assert.equal(await byTestId(page, 'saved-notice').textContent(), `Đã lưu “${AREA}”.`);
  await row(page, 'area', AREA).waitFor();
  assert.equal((await focused(page)).text, AREA, 'the cursor is on the saved area');
  assert.match(await row(page, 'area', AREA).textContent(), /0 xã, phường.*chưa phân công/s);
  await row(page, 'area', AREA).scrollIntoViewIfNeeded();
  await screenshot(page, 'registry-01-areas');
  step('area saved');

  // A town in the new area and a cluster; a commune name already used is refused.
  await byTestId(page, 'tab-communes').click();
  await byTestId(page, 'commune-list').waitFor();
  assert.equal(await byTestId(page, 'commune-row').count(), 27);
  await byTestId(page, 'commune-add').click();
  await byTestId(page, 'commune-name').fill('Đồng Hướng');
  await byTestId(page, 'form-save').click();
  await byTestId(page, 'field-error-name').waitFor();
  assert.equal(await byTestId(page, 'field-error-name').textContent(), 'Đã có xã, phường tên “Đồng Hướng”.');
  await byTestId(page, 'commune-name').fill(TOWN);
  await byTestId(page, 'commune-kind-thi_tran').check();
  await byTestId(page, 'commune-area').selectOption({ label: AREA });
  await byTestId(page, 'commune-cluster').selectOption({ label: 'Cụm xã ven biển' });
  await screenshot(page, 'registry-02-commune-form');
  await byTestId(page, 'form-save').click();
  await byTestId(page, 'saved-notice').waitFor();
  const townRow = row(page, 'commune', TOWN);
  await townRow.waitFor();
  assert.deepEqual((await townRow.locator('td').allTextContents()).map((s) => s.trim()), ['Thị trấn', AREA, 'Cụm xã ven biển']);
  assert.equal(await byTestId(page, 'commune-row').count(), 28);
  await townRow.scrollIntoViewIfNeeded();
  await screenshot(page, 'registry-03-communes');
  step('town saved');

  // A Standing Committee member in charge of the new area.
  await byTestId(page, 'tab-officials').click();
  await byTestId(page, 'official-list').waitFor();
  const total = Number(await byTestId(page, 'official-count').getAttribute('data-value'));
  assert.ok(total > 80, `the demo has ${total} officials`);
  await byTestId(page, 'official-add').click();
  await byTestId(page, 'official-name').fill(BTV);
  await byTestId(page, 'official-title').fill('Ủy viên Ban Thường vụ, Trưởng Ban Dân vận Huyện ủy');
  await byTestId(page, 'official-role').selectOption({ label: 'Ủy viên Ban Thường vụ' });
  await byTestId(page, 'official-area').selectOption({ label: AREA });
  await byTestId(page, 'form-save').click();
  await byTestId(page, 'saved-notice').waitFor();
  await row(page, 'official', BTV).waitFor();

  // A District Committee member with no commune: refused in Vietnamese, nothing saved.
  await byTestId(page, 'official-add').click();
  await byTestId(page, 'official-name').fill(HUV);
  await byTestId(page, 'official-role').selectOption({ label: 'Huyện ủy viên' });
  assert.equal(await byTestId(page, 'official-commune').inputValue(), '', 'no commune chosen');
  await byTestId(page, 'official-name').press('Enter');
  await byTestId(page, 'field-error-communeId').waitFor();
  assert.equal(await byTestId(page, 'field-error-communeId').textContent(), 'Vai trò này phải được phân công một xã, phường.');
  assert.match(await byTestId(page, 'form-error').textContent(), /Chưa lưu được\.\s*Vai trò này phải được phân công một xã, phường\./);
  assert.equal(await byTestId(page, 'official-commune').getAttribute('aria-invalid'), 'true');
  assert.equal((await focused(page)).testid, 'official-commune', 'the cursor moves to the field at fault');
  assert.equal(await byTestId(page, 'official-name').inputValue(), HUV, 'the form keeps the input');
  const listed = await page.evaluate(() => window.go.main.App.ListOfficials());
  assert.equal(listed.filter((o) => o.name === HUV).length, 0, 'nothing saved');
  await screenshot(page, 'registry-04-official-refused');

  // Choose the town: saved.
  await byTestId(page, 'official-commune').selectOption({ label: TOWN });
  await byTestId(page, 'form-save').click();
  await byTestId(page, 'saved-notice').waitFor();
  const huvRow = row(page, 'official', HUV);
  await huvRow.waitFor();
  assert.equal((await huvRow.locator('[data-testid="official-row-role"]').textContent()).trim(), 'Huyện ủy viên');
  assert.equal((await huvRow.locator('[data-testid="official-row-assignment"]').textContent()).trim(), TOWN);
  assert.equal((await focused(page)).text, HUV, 'the cursor is on the saved official');
  step('officials saved');

  // What Go stored.
  const [areas, communes, officials] = await page.evaluate(() => Promise.all([
    window.go.main.App.ListAreas(), window.go.main.App.ListCommunes(), window.go.main.App.ListOfficials(),
  ]));
  const area = areas.find((a) => a.name === AREA);
  const town = communes.find((c) => c.name === TOWN);
  assert.equal(town.kind, 'thi_tran');
  assert.equal(town.areaId, area.id);
  const pick = (name) => {
    const o = officials.find((x) => x.name === name);
    return o && { role: o.role, areaId: o.areaId, communeId: o.communeId, active: o.active };
  };
  assert.deepEqual(pick(BTV), { role: 'standing_committee', areaId: area.id, communeId: '', active: true });
  assert.deepEqual(pick(HUV), { role: 'district_committee', areaId: '', communeId: town.id, active: true });

  // Search without diacritics: by assignment, by name; a role filter on top.
  const search = byTestId(page, 'official-search');
  await search.pressSequentially('kim son moi', { delay: 20 });
  await page.waitForFunction(() => document.querySelector('[data-testid="official-count"]')?.dataset.value === '1');
  assert.equal((await byTestId(page, 'official-row').textContent()).includes(HUV), true);
  await search.fill('pham thi thu nghiem');
  await page.waitForFunction(() => document.querySelector('[data-testid="official-count"]')?.dataset.value === '1');
  assert.match(await byTestId(page, 'official-row').textContent(), new RegExp(BTV));
  await search.fill('dong huong');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="official-count"]')?.dataset.value) >= 3);
  await byTestId(page, 'official-role-filter').selectOption({ label: 'Huyện ủy viên' });
  await page.waitForFunction(() => document.querySelector('[data-testid="official-count"]')?.dataset.value === '1');
  assert.match(await byTestId(page, 'official-count').textContent(), new RegExp(`Hiện 1 trong ${total + 2} cán bộ`));
  await screenshot(page, 'registry-05-officials-search');

  // Keyboard: ↓ from the search to the row, Enter opens the form, Esc closes it and the
  // cursor comes back to the row.
  await search.focus();
  await page.keyboard.press('ArrowDown');
  const onRow = await focused(page);
  assert.ok(onRow.row, 'a row button has the cursor');
  await page.keyboard.press('Enter');
  await byTestId(page, 'official-form').waitFor();
  assert.equal(await byTestId(page, 'official-role').inputValue(), 'district_committee');
  await page.keyboard.press('Escape');
  await byTestId(page, 'official-form').waitFor({ state: 'detached' });
  assert.equal((await focused(page)).row, onRow.row, 'back on the same row');
  await search.press('Escape');
  assert.equal(await search.inputValue(), '');
  step('search and keyboard');

  // The area now shows its town and its Standing Committee member.
  await byTestId(page, 'tab-groups').click();
  const areaRow = row(page, 'area', AREA);
  await areaRow.waitFor();
  assert.match(await areaRow.locator('[data-testid="area-communes"]').textContent(), new RegExp(`1 xã, phường: ${TOWN}`));
  assert.match(await areaRow.locator('[data-testid="area-officials"]').textContent(), new RegExp(BTV));
  await areaRow.scrollIntoViewIfNeeded();
  await screenshot(page, 'registry-06-area-in-charge');

  // The unit form offers the new town.
  await byTestId(page, 'tab-tree').click();
  await byTestId(page, 'unit-tree').waitFor();
  await byTestId(page, 'action-add-top').click();
  assert.ok((await byTestId(page, 'unit-commune').locator('option').allTextContents()).includes(TOWN));
  await byTestId(page, 'form-cancel').click();

  // English: the role labels and Go's message switch.
  await byTestId(page, 'lang-en').click();
  await byTestId(page, 'tab-officials').click();
  await byTestId(page, 'official-add').click();
  await byTestId(page, 'official-name').fill('Test Official');
  await byTestId(page, 'official-role').selectOption({ label: 'District cadre or specialist' });
  await byTestId(page, 'form-save').click();
  await byTestId(page, 'field-error-communeId').waitFor();
  assert.equal(await byTestId(page, 'field-error-communeId').textContent(), 'This role must be assigned a commune.');
  await byTestId(page, 'form-cancel').click();
  await byTestId(page, 'lang-vi').click();
  step('English error');

  // Restart: all of it is still there.
  await page.close();
  const { dbPath, port } = app;
  await app.kill('SIGTERM');
  app = await startApp({ dbPath, port });
  page = await app.open(browser);
  await byTestId(page, 'tab-officials').click();
  await byTestId(page, 'official-search').fill('kiem tra');
  await row(page, 'official', HUV).waitFor();
  assert.equal((await row(page, 'official', HUV).locator('[data-testid="official-row-assignment"]').textContent()).trim(), TOWN);
  await screenshot(page, 'registry-07-after-restart');
  step('after restart');
});
