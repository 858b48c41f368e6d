// Crash scenario: kill the app (SIGKILL) in the middle of a burst of writes, three times at
// different moments, and reopen it on the same database each time. PRAGMA integrity_check
// must say "ok", every write whose promise resolved (the app confirmed it) must be there,
// and nothing that was never sent may appear.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { launchBrowser, screenshot, startApp } from './harness.js';

const PREFIX = 'Chi bộ Thử';
/** Confirmations to wait for before each kill: early, middle, late. */
const KILL_AFTER = [20, 50, 120];
/** Calls kept in flight at once by the page (Wails queues them on its socket). */
const WORKERS = 4;
const BURST_TIMEOUT_MS = 60_000;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const numberOf = (name) => Number(name.slice(PREFIX.length + 1));

/**
 * Starts WORKERS loops in the page, each creating subordinate cells under parent one after
 * another until told to stop. window.__burst records the names sent (started), those whose
 * promise resolved (confirmed) and those whose promise rejected (failed).
 */
function startBurst(page, parent, first) {
  return page.evaluate(({ parentId, communeId, first, workers, prefix }) => {
    const b = { started: [], confirmed: [], failed: [], next: first, stop: false };
    window.__burst = b;
    const worker = async () => {
      while (!b.stop) {
        const name = `${prefix} ${b.next++}`;
        b.started.push(name);
        try {
          await window.go.main.App.SaveUnit({
            id: '', parentId, kind: 'subordinate_cell', name, communeId,
            members: 3, probationary: 1, religious: 0, status: 'active', note: 'crash test',
          });
          b.confirmed.push(name);
        } catch (err) {
          b.failed.push({ name, error: String(err?.message ?? JSON.stringify(err)) });
          return;
        }
      }
    };
    for (let i = 0; i < workers; i++) worker();
  }, { parentId: parent.id, communeId: parent.communeId, first, workers: WORKERS, prefix: PREFIX });
}

const burstState = (page) => page.evaluate(() => {
  const b = window.__burst;
  return { started: b.started.length, confirmed: b.confirmed.length, failed: b.failed };
});

test('crash: SIGKILL during a burst of writes, three times; integrity ok and every confirmed write kept', async (t) => {
  const t0 = Date.now();
  const step = (s) => t.diagnostic(`${((Date.now() - t0) / 1000).toFixed(1)} s: ${s}`);
  const browser = await launchBrowser();
  t.after(() => browser.close());

  let app = await startApp();
  t.after(() => app.kill('SIGKILL'));
  const { dbPath } = app;
  let page = await app.open(browser);
  await page.evaluate(() => window.go.main.App.LoadDemo());
  const all = await page.evaluate(() => window.go.main.App.ListUnits());
  const parent = all.find((u) => u.name === 'Đảng bộ xã Đồng Hướng' && u.status === 'active');
  assert.ok(parent, 'the demo has Đảng bộ xã Đồng Hướng');
  const demoCells = all.filter((u) => u.parentId === parent.id).length;
  step(`demo loaded; ${demoCells} cells under ${parent.name}`);

  const confirmedEver = new Set();
  const startedEver = new Set();
  let next = 1;

  for (const [round, threshold] of KILL_AFTER.entries()) {
    await startBurst(page, parent, next);
    const deadline = Date.now() + BURST_TIMEOUT_MS;
    let s;
    for (;;) {
      s = await burstState(page);
      assert.deepEqual(s.failed, [], 'no write was refused before the kill');
      if (s.confirmed >= threshold) break;
      assert.ok(Date.now() < deadline, `only ${s.confirmed} writes confirmed in ${BURST_TIMEOUT_MS} ms`);
      await sleep(2);
    }
    assert.ok(s.started > s.confirmed, 'writes are in flight at the moment of the kill');
    const code = await app.kill('SIGKILL');
    assert.equal(app.proc.signalCode, 'SIGKILL', `the app died of SIGKILL (exit code ${code})`);

    // The page outlives the app: read what it saw. A reply already on the wire when the
    // process died may still resolve a promise; that write was committed before the reply.
    await sleep(200);
    const seen = await page.evaluate(() => {
      const b = window.__burst;
      b.stop = true;
      return { started: [...b.started], confirmed: [...b.confirmed] };
    });
    await page.close();
    seen.started.forEach((n) => startedEver.add(n));
    seen.confirmed.forEach((n) => confirmedEver.add(n));
    next = Math.max(...seen.started.map(numberOf)) + 1;

    // Reopen the same database.
    app = await startApp({ dbPath });
    page = await app.open(browser);
    const check = await page.evaluate(() => window.go.main.App.CheckDatabase());
    assert.equal(check, 'ok', `PRAGMA integrity_check after kill ${round + 1}`);
    const units = await page.evaluate(() => window.go.main.App.ListUnits());
    const present = new Set(units.filter((u) => u.parentId === parent.id && u.name.startsWith(PREFIX)).map((u) => u.name));
    const lost = [...confirmedEver].filter((n) => !present.has(n));
    assert.deepEqual(lost, [], `confirmed writes missing after kill ${round + 1}`);
    const phantom = [...present].filter((n) => !startedEver.has(n));
    assert.deepEqual(phantom, [], 'cells that were never sent');
    const inFlight = seen.started.length - seen.confirmed.length;
    const landed = seen.started.filter((n) => !seen.confirmed.includes(n) && present.has(n)).length;
    step(`kill ${round + 1} after ${threshold}: ${seen.confirmed.length} confirmed this round, ${inFlight} in flight ` +
      `(${landed} of them committed), ${present.size} present in all, integrity ${check}`);
  }

  // The reopened app still writes and shows the cells.
  const after = await page.evaluate(({ parentId, communeId, name }) => window.go.main.App.SaveUnit({
    id: '', parentId, kind: 'subordinate_cell', name, communeId, members: 1, probationary: 0, religious: 0, status: 'active', note: '',
  }), { parentId: parent.id, communeId: parent.communeId, name: `${PREFIX} sau sự cố` });
  assert.ok(after.id, 'a write after the last restart');
  assert.equal(await page.evaluate(() => window.go.main.App.CheckDatabase()), 'ok');
  await page.reload();
  await page.locator('[data-testid="unit-search"]').fill('chi bo thu');
  await page.locator('[data-testid="search-result"]').first().waitFor();
  await screenshot(page, 'crash-after-restarts');
  assert.ok(confirmedEver.size >= KILL_AFTER.reduce((a, b) => a + b, 0));
  step(`done: ${confirmedEver.size} confirmed writes all present after 3 kills`);
});
