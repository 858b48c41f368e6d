// Units scenario: first run → demo → search → add a cell (refused, then saved) → English
// error → restart on the same database → the cell is still there.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchBrowser, screenshot, startApp } from './harness.js';

const byTestId = (page, id) => page.locator(`[data-testid="${id}"]`);

test('units: demo, search, add a cell with a refused then a valid save, survive a restart', async (t) => {
  const started = Date.now();
  const step = (name) => t.diagnostic(`${((Date.now() - started) / 1000).toFixed(1)} s: ${name}`);

  let app = await startApp();
  t.after(() => app.kill());
  const browser = await launchBrowser();
  t.after(() => browser.close());
  let page = await app.open(browser);
  step('app started');

  // First run: the welcome screen with both choices, header with the database path.
  await byTestId(page, 'welcome').waitFor();
  assert.match(await byTestId(page, 'load-demo').textContent(), /Nạp dữ liệu mẫu Kim Sơn 2018/);
  assert.match(await byTestId(page, 'start-empty').textContent(), /Bắt đầu với dữ liệu trống/);
  await screenshot(page, 'units-01-first-run');

  // Load the demo and check the counts it shows.
  await byTestId(page, 'load-demo').click();
  await byTestId(page, 'demo-loaded').waitFor();
  const count = async (key) => Number(await byTestId(page, `count-${key}`).getAttribute('data-value'));
  assert.equal(await count('communes'), 27);
  assert.equal(await count('grassroots_committees'), 30);
  assert.equal(await count('grassroots_cells'), 46);
  assert.equal(await count('subordinate_cells'), 462);
  assert.equal(await count('members'), 7575);
  assert.equal(await count('religious_members'), 780);
  assert.match(await byTestId(page, 'count-members').textContent(), /7\.575/);
  assert.match(await byTestId(page, 'count-religious_members').textContent(), /đảng viên là người có đạo/);
  await screenshot(page, 'units-02-demo-loaded');
  step('demo loaded');

  // The units screen: the tree with the district committee open.
  await byTestId(page, 'welcome-continue').click();
  await byTestId(page, 'unit-tree').waitFor();
  await page.getByRole('treeitem', { name: /Đảng bộ huyện Kim Sơn/ }).waitFor();
  assert.equal(await page.getByRole('treeitem', { name: /Đảng bộ huyện Kim Sơn/ }).getAttribute('aria-expanded'), 'true');
  await screenshot(page, 'units-03-tree');

  // Search without diacritics, as typed.
  await byTestId(page, 'unit-search').pressSequentially('dong huong', { delay: 25 });
  const hit = byTestId(page, 'search-result').filter({ hasText: 'Đảng bộ xã Đồng Hướng' });
  await hit.first().waitFor();
  assert.match(await hit.first().textContent(), /Đảng bộ huyện Kim Sơn/, 'the hit shows its ancestor path');
  await screenshot(page, 'units-04-search');
  await hit.first().click();
  await page.waitForFunction(() => document.querySelector('[data-testid="detail-name"]')?.textContent === 'Đảng bộ xã Đồng Hướng');
  assert.equal(await byTestId(page, 'detail-kind').textContent(), 'Đảng bộ cơ sở');
  step('found Đồng Hướng');

  // Add a subordinate cell with more religious members than members: refused, nothing saved.
  await byTestId(page, 'action-add').click();
  await byTestId(page, 'unit-form').waitFor();
  assert.equal(await byTestId(page, 'unit-kind').textContent(), 'Chi bộ trực thuộc');
  await byTestId(page, 'unit-name').fill('Chi bộ Xóm 99');
  await byTestId(page, 'unit-members').fill('10');
  await byTestId(page, 'unit-religious').fill('12');
  await byTestId(page, 'unit-religious').press('Enter');
  const fieldError = byTestId(page, 'field-error-religious');
  await fieldError.waitFor();
  assert.match(await fieldError.textContent(), /người có đạo/);
  assert.match(await page.getByRole('alert').textContent(), /người có đạo/);
  assert.equal(await byTestId(page, 'unit-name').inputValue(), 'Chi bộ Xóm 99', 'the form keeps the input');
  assert.deepEqual((await page.evaluate(() => window.go.main.App.SearchUnits('xom 99'))) ?? [], [], 'nothing saved');
  await screenshot(page, 'units-05-refused');
  step('refused save');

  // Fix it: saved.
  await byTestId(page, 'unit-religious').fill('3');
  await byTestId(page, 'form-save').click();
  await byTestId(page, 'saved-notice').waitFor();
  assert.equal(await byTestId(page, 'detail-name').textContent(), 'Chi bộ Xóm 99');
  assert.equal(await byTestId(page, 'detail-members').getAttribute('data-value'), '10');
  assert.equal(await byTestId(page, 'detail-religious').getAttribute('data-value'), '3');
  assert.equal(await byTestId(page, 'sync-badge').textContent(), 'Chưa đồng bộ');
  const saved = await page.evaluate(() => window.go.main.App.SearchUnits('xom 99'));
  assert.equal(saved.length, 1);
  assert.equal(saved[0].name, 'Chi bộ Xóm 99');
  assert.match(saved[0].path, /Đảng bộ xã Đồng Hướng/);
  await screenshot(page, 'units-06-saved');
  step('saved');

  // English: the UI and Go's error messages switch, and the choice survives a reload.
  await byTestId(page, 'lang-en').click();
  await page.getByRole('button', { name: 'Edit' }).waitFor();
  await page.reload();
  await byTestId(page, 'unit-tree').waitFor();
  assert.equal(await byTestId(page, 'nav-units').textContent(), 'Units', 'English kept after a reload');
  await byTestId(page, 'unit-search').fill('xom 99');
  await byTestId(page, 'search-result').first().click();
  await byTestId(page, 'action-edit').click();
  await byTestId(page, 'unit-religious').fill('30');
  await byTestId(page, 'form-save').click();
  await fieldError.waitFor();
  assert.match(await fieldError.textContent(), /Religious members \(30\) must not exceed the total \(10\)/);
  await screenshot(page, 'units-07-english-error');
  await byTestId(page, 'unit-religious').press('Escape');
  await byTestId(page, 'unit-detail').waitFor();
  await byTestId(page, 'lang-vi').click();
  await page.getByRole('button', { name: 'Sửa' }).waitFor();
  step('English error checked');

  // Restart on the same database (SIGTERM: a clean shutdown).
  await page.close();
  const { dbPath, port } = app;
  const code = await app.kill('SIGTERM');
  t.diagnostic(`app exited with ${code} after SIGTERM`);
  app = await startApp({ dbPath, port });
  page = await app.open(browser);
  await byTestId(page, 'unit-tree').waitFor();
  assert.equal(await byTestId(page, 'welcome').count(), 0, 'no first-run screen on a filled database');
  await byTestId(page, 'unit-search').pressSequentially('xom 99', { delay: 25 });
  const again = byTestId(page, 'search-result').filter({ hasText: 'Chi bộ Xóm 99' });
  await again.first().waitFor();
  await again.first().click();
  await page.waitForFunction(() => document.querySelector('[data-testid="detail-name"]')?.textContent === 'Chi bộ Xóm 99');
  assert.equal(await byTestId(page, 'detail-members').getAttribute('data-value'), '10');
  assert.equal(await byTestId(page, 'detail-religious').getAttribute('data-value'), '3');
  await screenshot(page, 'units-08-after-restart');
  step('found after restart');
  // The database's path is on the Đồng bộ screen, for support; not in the header.
  await byTestId(page, 'nav-sync').click();
  assert.ok((await byTestId(page, 'status-line').textContent()).includes(app.dbPath), 'the sync screen shows the database path');
});

test('units: close, merge and move a cell; every area opens', async (t) => {
  const app = await startApp();
  t.after(() => app.kill());
  const browser = await launchBrowser();
  t.after(() => browser.close());
  const page = await app.open(browser);
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.evaluate(() => window.go.main.App.LoadDemo());
  await page.reload();
  await byTestId(page, 'unit-tree').waitFor();

  // Search by name, pick the hit with this id (names like "Chi bộ Công an" repeat).
  const find = async (unit) => {
    await byTestId(page, 'unit-search').fill(unit.name);
    await page.locator(`[data-testid="search-result"][data-id="${unit.id}"]`).click();
    await page.waitForFunction((id) => document.querySelector('[data-testid="unit-detail"]')?.dataset.id === id, unit.id);
  };
  const dh = (await page.evaluate(() => window.go.main.App.SearchUnits('dang bo xa dong huong')))[0];
  const kd = (await page.evaluate(() => window.go.main.App.SearchUnits('dang bo xa kim dong')))[0];
  const all = await page.evaluate(() => window.go.main.App.ListUnits());
  const cellsOf = (p) => all.filter((u) => u.kind === 'subordinate_cell' && u.status === 'active' && u.parentId === p.id);
  const kdNames = new Set(cellsOf(kd).map((u) => u.name));
  const dhCells = cellsOf(dh);
  // c moves to Kim Đông later: it needs a name Kim Đông does not have; d needs one it has.
  const c = dhCells.find((u) => !kdNames.has(u.name));
  const d = dhCells.find((u) => kdNames.has(u.name));
  const [a, b] = dhCells.filter((u) => u !== c && u !== d);
  assert.ok(a && b && c && d, `Đồng Hướng has ${dhCells.length} cells`);

  // Close a cell on a typed date: greyed with its status, hidden by the toggle.
  await find(a);
  await byTestId(page, 'action-close').click();
  await byTestId(page, 'close-date').fill('31/02/2024');
  await byTestId(page, 'close-date').press('Enter');
  await byTestId(page, 'field-error-closedOn').waitFor();
  await byTestId(page, 'close-date').fill('15/03/2024');
  await byTestId(page, 'form-save').click();
  await byTestId(page, 'saved-notice').waitFor();
  assert.match(await byTestId(page, 'detail-status').textContent(), /Đã giải thể.*15\/03\/2024/s);
  await byTestId(page, 'unit-search').fill('');
  const closedRow = page.locator(`[data-testid="tree-item"][data-id="${a.id}"]`);
  await closedRow.waitFor();
  assert.match(await closedRow.textContent(), /Đã giải thể/);
  assert.match(await closedRow.getAttribute('class'), /inactive/);
  await screenshot(page, 'units-10-closed');
  await byTestId(page, 'toggle-inactive').uncheck();
  await closedRow.waitFor({ state: 'detached' });
  await byTestId(page, 'toggle-inactive').check();

  // Merge another cell into a third: members add up, the merged one stays, greyed.
  const before = (await page.evaluate((id) => window.go.main.App.GetUnit(id), c.id)).members;
  await find(b);
  await byTestId(page, 'action-merge').click();
  await byTestId(page, 'mergedIntoId-filter').fill(c.name);
  await byTestId(page, 'mergedIntoId-select').selectOption(c.id);
  await byTestId(page, 'form-save').click();
  await byTestId(page, 'saved-notice').waitFor();
  assert.match(await byTestId(page, 'detail-status').textContent(), new RegExp(`Đã sáp nhập.*${c.name}`, 's'));
  const merged = await page.evaluate((id) => window.go.main.App.GetUnit(id), c.id);
  assert.equal(merged.members, before + b.members);
  await screenshot(page, 'units-11-merged');

  // Moving a cell where one of the same name exists is refused, with the reason shown.
  await find(d);
  await byTestId(page, 'action-move').click();
  await byTestId(page, 'parentId-filter').fill('kim dong');
  await byTestId(page, 'parentId-select').selectOption(kd.id);
  await byTestId(page, 'form-save').click();
  await byTestId(page, 'form-error').waitFor();
  assert.match(await byTestId(page, 'form-error').textContent(), new RegExp(`Đã có tổ chức đảng tên “${d.name}”`));
  assert.equal((await page.evaluate((id) => window.go.main.App.GetUnit(id), d.id)).parentId, dh.id);
  await screenshot(page, 'units-12-move-refused');
  await byTestId(page, 'form-cancel').click();

  // Move another cell to another grassroots committee.
  await find(c);
  await byTestId(page, 'action-move').click();
  await byTestId(page, 'parentId-filter').fill('kim dong');
  await byTestId(page, 'parentId-select').selectOption(kd.id);
  await byTestId(page, 'form-save').click();
  await byTestId(page, 'saved-notice').waitFor();
  assert.equal((await page.evaluate((id) => window.go.main.App.GetUnit(id), c.id)).parentId, kd.id);
  assert.match(await byTestId(page, 'unit-detail').textContent(), /Đảng bộ xã Kim Đông/);
  await screenshot(page, 'units-13-moved');

  // Every area of the menu is built now: the last two open the matters screen.
  await byTestId(page, 'nav-urgent').click();
  await byTestId(page, 'matters-screen').waitFor();
  await byTestId(page, 'nav-dialogues').click();
  await byTestId(page, 'mt-dialogue').waitFor();
  await screenshot(page, 'units-14-matters');

  // Every screen of the menu renders its heading, without an error in the page.
  const screens = { overview: 'overview-screen', schedules: 'schedules-screen', visits: 'visits-screen', scoring: 'scoring-screen',
    conclusions: 'conclusions-screen', urgent: 'matters-screen', dialogues: 'matters-screen', sync: 'status-line', units: 'unit-search' }; // units keeps the last search: its box, not the tree
  for (const [nav, screen] of Object.entries(screens)) {
    await byTestId(page, `nav-${nav}`).click();
    await byTestId(page, screen).first().waitFor();
  }
  assert.deepEqual(pageErrors, [], 'a screen threw');
});

test('units: start with empty data, build a small tree from the keyboard', async (t) => {
  const app = await startApp();
  t.after(() => app.kill());
  const browser = await launchBrowser();
  t.after(() => browser.close());
  const page = await app.open(browser);

  await byTestId(page, 'start-empty').click();
  await byTestId(page, 'area-units').waitFor();
  await byTestId(page, 'action-add-top').click();
  await byTestId(page, 'unit-name').fill('Huyện ủy Thử');
  await byTestId(page, 'unit-name').press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="detail-name"]')?.textContent === 'Huyện ủy Thử');
  assert.equal(await byTestId(page, 'detail-kind').textContent(), 'Cấp ủy cấp trên');

  // Under a supervising committee: choose the kind; a grassroots cell has member counts.
  await byTestId(page, 'action-add').click();
  await byTestId(page, 'kind-grassroots_committee').waitFor();
  assert.equal(await byTestId(page, 'unit-members').count(), 0, 'no member counts for a committee');
  await byTestId(page, 'kind-grassroots_cell').check();
  await byTestId(page, 'unit-name').fill('Chi bộ Cơ quan');
  await byTestId(page, 'unit-members').fill('12');
  await byTestId(page, 'unit-probationary').fill('2');
  await byTestId(page, 'unit-members').press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="detail-name"]')?.textContent === 'Chi bộ Cơ quan');
  assert.equal(await byTestId(page, 'action-add').count(), 0, 'a cell has no units under it');

  // Escape cancels a form and nothing is written.
  await byTestId(page, 'action-edit').click();
  await byTestId(page, 'unit-name').fill('Tên khác');
  await byTestId(page, 'unit-name').press('Escape');
  await byTestId(page, 'unit-detail').waitFor();
  assert.equal(await byTestId(page, 'detail-name').textContent(), 'Chi bộ Cơ quan');

  // The tree from the keyboard: Home, Enter selects the committee with the cell's sum.
  const tree = byTestId(page, 'unit-tree');
  await page.locator('[data-testid="tree-item"][tabindex="0"]').focus();
  await tree.press('Home');
  await tree.press('Enter');
  await page.waitForFunction(() => document.querySelector('[data-testid="detail-name"]')?.textContent === 'Huyện ủy Thử');
  assert.equal(await byTestId(page, 'detail-members').getAttribute('data-value'), '12');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('role')), 'treeitem', 'focus stays in the tree');
  await tree.press('ArrowLeft');
  assert.equal(await page.getByRole('treeitem', { name: /Huyện ủy Thử/ }).getAttribute('aria-expanded'), 'false');
  await tree.press('ArrowRight');
  await tree.press('ArrowDown');
  assert.match(await page.evaluate(() => document.activeElement?.textContent), /Chi bộ Cơ quan/);
  await screenshot(page, 'units-15-empty-start');
});
