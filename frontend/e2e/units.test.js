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
  assert.ok((await byTestId(page, 'status-line').textContent()).includes(app.dbPath), 'status line shows the database path');
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
});
