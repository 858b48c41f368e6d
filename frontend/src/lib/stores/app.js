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
