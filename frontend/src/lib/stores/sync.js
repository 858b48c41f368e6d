// Sync as the window sees it: the status Go sends as "sync:status" events (read once at
// start with SyncStatus()), its texts for the header and the Đồng bộ screen, and what the
// app does when the data under it changes.
//
// Two kinds of change:
// - a sync that pushed or pulled records: the stores that hold synced records reload
//   (units, registry), so a pulled edit or a "Đã gửi" badge shows without a click;
// - signing in or out: Go now works on another database, so the page reloads as a whole
//   (reloadApp). Every store, selection, open form and cache of every screen then starts
//   again from the new database: nothing of the previous user's data can stay on screen,
//   and screens added later need no wiring. The Go side keeps the session across the
//   reload; the area shown before (Đồng bộ) is restored after it.

import { derived, get, writable } from 'svelte/store';
import * as api from '../api.js';
import { lang, tr } from '../i18n.js';
import { formatNumber } from '../format.js';
import { area, homeArea } from './app.js';
import { loadUnits, units } from './units.js';
import { loadRegistry, registryLoaded } from './registry.js';

/** The status before Go has answered, or when nobody is signed in. */
export const SIGNED_OUT = Object.freeze({
  state: 'signed_out', lastSyncAt: '', lastError: '', pending: 0, refused: 0, progress: null,
  nextAttempt: '', lastReport: null, signedIn: false, account: null, serverUrl: '', seq: null,
});

/** desktopsync.Status, normalized (see normalizeStatus). */
export const syncStatus = writable(SIGNED_OUT);
/** True once the first SyncStatus() answered (or failed). */
export const syncLoaded = writable(false);
/**
 * True when this page was loaded by a sign-in or sign-out (reloadApp): the shell then
 * shows the area it came from, never the first-run screen of an empty database.
 */
export const sessionReloaded = writable(false);
/**
 * The signed-in account as a stable key (JSON, "" signed out): effects that depend on who
 * is signed in run again when the account changes, not at every status of a sync.
 */
export const accountKey = derived(syncStatus, (s) => (s.signedIn && s.account ? JSON.stringify(s.account) : ''));

/** The account of an accountKey (null signed out). */
export const accountOf = (key) => (key ? JSON.parse(key) : null);

/** Bumped after every sync that changed records here; screens may $effect on it. */
export const dataVersion = writable(0);

const ZERO_TIME = /^0001-01-01/;

/**
 * Fills the gaps of a status from Go: missing fields, Go's zero time, null progress.
 * @param {any} st
 */
export function normalizeStatus(st) {
  const s = { ...SIGNED_OUT, ...(st ?? {}) };
  s.pending = Number(s.pending) || 0;
  s.refused = Number(s.refused) || 0;
  s.lastError = s.lastError ?? '';
  s.lastSyncAt = s.lastSyncAt ?? '';
  s.nextAttempt = s.nextAttempt && !ZERO_TIME.test(s.nextAttempt) ? s.nextAttempt : '';
  s.progress = s.progress ?? null;
  s.signedIn = Boolean(s.signedIn);
  s.seq = typeof st?.seq === 'number' ? st.seq : null;
  return s;
}

/**
 * Whether a status ends a sync that changed records on this desktop (pushed ones change
 * their badge; pulled or removed ones change the lists).
 */
export function syncChangedData(st) {
  if (st.state === 'syncing') return false;
  const r = st.lastReport;
  return Boolean(r && (r.pushed || r.pulled || r.removed || r.refused || r.reset));
}

/** Reloads the stores that hold synced records, if they were loaded. */
export async function reloadSyncedStores() {
  dataVersion.update((n) => n + 1);
  const jobs = [];
  if (get(units).length > 0 || get(area) === 'units') jobs.push(loadUnits());
  if (get(registryLoaded)) jobs.push(loadRegistry());
  await Promise.allSettled(jobs);
}

// Go numbers its statuses (seq). Events may arrive out of order (Wails' browser mode
// sends each on its own goroutine) and a call's answer may arrive after a later event:
// the status with the highest number wins. A finished sync's report is handled once.
let lastSeq = -1;
let reportSeq = -1;

/**
 * Takes a status: an event, or the answer of a call. quiet: only note the report (the
 * first read at start: the stores load anyway).
 */
export function applyStatus(st, { quiet = false } = {}) {
  const next = normalizeStatus(st);
  if (next.seq !== null) {
    if (next.seq < lastSeq) return;
    lastSeq = next.seq;
  }
  syncStatus.set(next);
  if (next.state === 'syncing' || !next.lastReport) return;
  if (next.seq !== null && next.seq === reportSeq) return;
  reportSeq = next.seq ?? reportSeq;
  if (!quiet && syncChangedData(next)) reloadSyncedStores();
}

const AREA_KEY = 'chibo.areaAfterReload';
let unlisten = null;

/** Listens to "sync:status" and reads the status once. Safe to call again. */
export async function initSync() {
  try {
    const a = globalThis.sessionStorage?.getItem(AREA_KEY);
    if (a) {
      globalThis.sessionStorage.removeItem(AREA_KEY);
      area.set(a);
      sessionReloaded.set(true);
    }
  } catch {
    // no storage: stay on the default area
  }
  if (!unlisten) {
    const off = api.onSyncStatus(applyStatus);
    // The system says the network is back: sync now rather than when the backoff ends.
    const online = () => {
      if (get(syncStatus).signedIn) syncNow().catch((e) => console.error('sync after the network came back', e)); // the status shows the failure
    };
    globalThis.addEventListener?.('online', online);
    unlisten = () => {
      off();
      globalThis.removeEventListener?.('online', online);
    };
  }
  try {
    applyStatus(await api.syncStatus(), { quiet: true });
    // A signed-in start opens on the account's own first screen.
    const st = get(syncStatus);
    if (!get(sessionReloaded) && st.signedIn) area.set(homeArea(st.account));
  } catch {
    // no backend (tests, a broken binding): signed out until an event says otherwise
  } finally {
    syncLoaded.set(true);
  }
}

/** Stops listening (tests). */
export function stopSync() {
  unlisten?.();
  unlisten = null;
  lastSeq = -1;
  reportSeq = -1;
  syncStatus.set(SIGNED_OUT);
  syncLoaded.set(false);
  sessionReloaded.set(false);
}

/** "Đồng bộ ngay". */
export async function syncNow() {
  applyStatus(await api.syncNow());
}

/** How the page reloads (replaced in tests). */
export const reloader = { reload: () => globalThis.location?.reload() };

/** Reloads the whole page on the new database, coming back to the current area. */
export function reloadApp() {
  try {
    globalThis.sessionStorage?.setItem(AREA_KEY, get(area));
  } catch {
    // no storage: the default area after the reload
  }
  reloader.reload();
}

/** Signs in; on success the page reloads on the user's database. Rejects with an ApiError. */
export async function signIn(username, password) {
  const account = await api.signIn(username, password);
  reloadApp();
  return account;
}

/** Signs out; on success the page reloads on the base database. Rejects with an ApiError. */
export async function signOut() {
  await api.signOut();
  reloadApp();
}

// ---------------------------------------------------------------- texts

const TZ = 'Asia/Ho_Chi_Minh';
const pad = (n) => String(n).padStart(2, '0');

/**
 * A timestamp's parts in Vietnam's time zone (the app's local time, as formatDate), or
 * null for empty or unreadable input.
 */
function timeParts(value) {
  if (!value || (typeof value === 'string' && ZERO_TIME.test(value))) return null;
  const dt = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(dt.getTime())) return null;
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
    }).formatToParts(dt).map((x) => [x.type, x.value]),
  );
  return p;
}

/** "dd/mm/yyyy HH:mm", or "". */
export function formatDateTime(value) {
  const p = timeParts(value);
  return p ? `${p.day}/${p.month}/${p.year} ${pad(p.hour)}:${p.minute}` : '';
}

/** "HH:mm dd/mm/yyyy" (the header's order: the time first), or "". */
export function formatTimeDate(value) {
  const p = timeParts(value);
  return p ? `${pad(p.hour)}:${p.minute} ${p.day}/${p.month}/${p.year}` : '';
}

/** "HH:mm:ss", or "". */
export function formatClock(value) {
  const p = timeParts(value);
  return p ? `${pad(p.hour)}:${p.minute}:${p.second}` : '';
}

/** The status "syncing/offline/…" as the words on screen, in the current language. */
export function effectiveState(st) {
  if (!st.signedIn) return 'signed_out';
  // Signed in but told to sign in again: the server no longer accepts this device.
  if (st.state === 'signed_out') return st.lastError ? 'error' : 'syncing';
  // Go calls every transport failure "offline", a refused certificate too; waiting for the
  // network will not fix that one.
  if (st.state === 'offline' && /certificate/i.test(st.lastError)) return 'error';
  return st.state || 'idle';
}

/**
 * The error Go recorded (err.Error() of the last failed sync) in words a person can act
 * on. The technical text stays available beside it (details).
 * @param {string} lastError
 * @param {string} state
 */
export function describeError(lastError, state = 'error', t = tr) {
  const e = String(lastError ?? '');
  const m = /server answered (\d+) ([\w-]+)(?::\s*(.*))?/.exec(e);
  if (m) {
    const status = Number(m[1]);
    switch (m[2]) {
      case 'unauthorized': return t('sync.err.unauthorized');
      case 'forbidden':
      case 'forged': return t('sync.err.forbidden');
      case 'version': return t('sync.err.version');
      case 'rate_limited': return t('sync.err.rateLimited');
      case 'too_large': return t('sync.err.tooLarge');
      default:
        if (status >= 500) return t('sync.err.server');
        return t('sync.err.refusedRequest', { message: m[3] || m[2] });
    }
  }
  if (/certificate/i.test(e)) return /differs from the pinned/.test(e) ? t('sync.err.certChanged') : t('sync.err.certificate');
  if (state === 'offline' || /connection refused|no such host|timeout|deadline|dial tcp|EOF|unreachable|reset by peer/i.test(e)) {
    return t('sync.err.offline');
  }
  return e ? t('sync.err.other') : '';
}

/**
 * The header's one line of state: "Đã đồng bộ lúc 10:32 27/11/2026", "Đang đồng bộ…
 * 3.000/100.000", "Ngoại tuyến — …", "Lỗi: …", "Chưa đăng nhập".
 */
export function stateText(st, t = tr) {
  switch (effectiveState(st)) {
    case 'signed_out':
      return t('sync.state.signedOut');
    case 'syncing': {
      const p = st.progress;
      if (p && p.total > 0) return t('sync.state.syncingOf', { done: formatNumber(p.done), total: formatNumber(p.total) });
      if (p && p.done > 0) return t('sync.state.syncingDone', { done: formatNumber(p.done) });
      return t('sync.state.syncing');
    }
    case 'offline':
      return t('sync.state.offline');
    case 'error':
      return t('sync.state.error', { message: describeError(st.lastError, 'error', t) });
    default:
      return st.lastSyncAt ? t('sync.state.idle', { time: formatTimeDate(st.lastSyncAt) }) : t('sync.state.never');
  }
}

/** "5 thay đổi chờ gửi", or "" when nothing waits. */
export function pendingText(n, t = tr) {
  return n > 0 ? t('sync.pending', { n: formatNumber(n) }) : '';
}

/** "2 thay đổi bị từ chối", or "". */
export function refusedText(n, t = tr) {
  return n > 0 ? t('sync.refusedCount', { n: formatNumber(n) }) : '';
}

/** Percent done of a progress with a known total, else null. */
export function progressPercent(p) {
  if (!p || !(p.total > 0)) return null;
  return Math.max(0, Math.min(100, Math.round((p.done / p.total) * 100)));
}

/** The record kinds of the change log, in words ("unit" → "Tổ chức đảng"). */
export function kindLabel(kind, t = tr) {
  const key = `sync.kind.${kind}`;
  const text = t(key);
  return text === key ? kind : text;
}

/** A refused change's reason in the UI's language. */
export function reasonOf(r, l = get(lang)) {
  return (l === 'en' && r.reasonEn) || r.reason || r.reasonEn || r.code || '';
}

/** A refused change's record as a person knows it: its name if the change or names has it. */
export function recordLabel(r, names = new Map()) {
  const f = r.fields && typeof r.fields === 'object' ? r.fields : {};
  return f.name || f.title || names.get(r.recordId) || `${String(r.recordId).slice(0, 8)}…`;
}
