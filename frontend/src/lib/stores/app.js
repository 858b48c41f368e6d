// Shell state: the database status, the current area, the language and the first run.

import { get, writable } from 'svelte/store';
import * as api from '../api.js';
import { lang } from '../i18n.js';

/** The areas of the left navigation, in order; only "units" is built so far. */
export const AREAS = ['overview', 'units', 'schedules', 'visits', 'scoring', 'conclusions', 'urgent', 'dialogues', 'sync'];
export const BUILT_AREAS = ['overview', 'units', 'scoring', 'schedules', 'visits', 'conclusions', 'urgent', 'dialogues', 'sync'];

/** App.Status(): {dbPath, deviceId, empty, language}, null until loaded. */
export const status = writable(null);
/** An ApiError when the status could not be read. */
export const statusError = writable(null);
export const area = writable('units');
/**
 * What the next screen should open on, set by a figure that opens its list (the overview):
 * {area, tab?, source?, overdueOnly?, communeId?}. The screen takes it once (takeIntent).
 */
export const navIntent = writable(null);

// A screen holding unsaved work asks before the person leaves it (setLeaveGuard): the
// navigation waits for mayLeave().
let leaveGuard = null;

/** Sets the question asked before leaving the current screen; returns its remover. */
export function setLeaveGuard(fn) {
  leaveGuard = fn;
  return () => {
    if (leaveGuard === fn) leaveGuard = null;
  };
}

/** Whether the person may leave the current screen (true when nothing is unsaved). */
export async function mayLeave() {
  return leaveGuard ? Boolean(await leaveGuard()) : true;
}

/** Opens an area on a given list. */
export function openList(a, intent = {}) {
  navIntent.set({ area: a, ...intent });
  area.set(a);
}

/** The intent for area a, once: later visits open as usual. */
export function takeIntent(a) {
  const it = get(navIntent);
  if (!it || it.area !== a) return null;
  navIntent.set(null);
  return it;
}

/**
 * The screen an account starts on: the leadership's overview for the committees' boards
 * and members, the visits for a cadre, the month's schedules for a commune office.
 * @param {{role?: string}|null} account
 */
export function homeArea(account) {
  switch (account?.role) {
    case 'standing_board': case 'standing_committee': case 'district_committee': case 'org_board': return 'overview';
    case 'district_cadre': return 'visits';
    case 'commune_office': return 'schedules';
    default: return 'units';
  }
}
/** The month the work screens show, kept as the user moves between them (yyyy-mm). */
export const workMonth = writable(currentMonthNow());

function currentMonthNow(now = new Date()) {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** True while the first-run screen is shown. */
export const firstRun = writable(false);

/** Reads the status, tells Go the saved language and decides whether this is a first run. */
export async function initApp() {
  statusError.set(null);
  try {
    await api.setLanguage(get(lang));
    const s = await api.status();
    status.set(s);
    firstRun.set(Boolean(s.empty));
  } catch (err) {
    statusError.set(err);
  }
}

/** Switches the UI language and the language of Go's error messages. */
export async function setLanguage(l) {
  lang.set(l);
  try {
    await api.setLanguage(l);
  } catch {
    // Go keeps its previous language; the UI texts still switch.
  }
}

/** Loads the Kim Sơn 2018 example (or, with preset '2025', Ninh Bình after the 2025
 * reorganization); resolves to its counts. */
export async function loadDemo(preset = '') {
  const counts = preset === '2025' ? await api.loadPreset2025() : await api.loadDemo();
  status.update((s) => (s ? { ...s, empty: false } : s));
  return counts;
}

/** Leaves the first-run screen for the units area. */
export function finishFirstRun() {
  firstRun.set(false);
  area.set('units');
}
