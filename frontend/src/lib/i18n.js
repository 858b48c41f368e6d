// Vietnamese first, English on request. Every key exists in both dictionaries
// (i18n.test.js checks it). Placeholders are written {name}.

import { derived, get, writable } from 'svelte/store';
import vi from './i18n/vi.js';
import en from './i18n/en.js';
import visits from './i18n/visits.js';
import scoring from './i18n/scoring.js';
import conclusions from './i18n/conclusions.js';
import matters from './i18n/matters.js';

/** Per-area dictionaries beside the shell's; their keys never overlap (i18n.test.js). */
export const AREAS = { shell: { vi, en }, visits, scoring, conclusions, matters };

/** One dictionary per language: every area's texts, looked up by $t. */
export const dictionaries = {
  vi: Object.assign({}, ...Object.values(AREAS).map((a) => a.vi)),
  en: Object.assign({}, ...Object.values(AREAS).map((a) => a.en)),
};
export const LANGUAGES = ['vi', 'en'];
export const STORAGE_KEY = 'chibo.lang';

/** The language saved on this computer, else Vietnamese. */
export function savedLanguage() {
  try {
    const l = globalThis.localStorage?.getItem(STORAGE_KEY);
    return LANGUAGES.includes(l) ? l : 'vi';
  } catch {
    return 'vi';
  }
}

/** The UI language: "vi" or "en". Saved in localStorage whenever it changes. */
export const lang = writable(savedLanguage());

lang.subscribe((l) => {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, l);
  } catch {
    // private mode or no storage: the choice lasts for this session only
  }
  if (globalThis.document) document.documentElement.lang = l;
});

/**
 * The text of key in language l with {placeholders} filled from params; the Vietnamese
 * text when l lacks the key, the key itself when both do.
 * @param {string} l
 * @param {string} key
 * @param {Record<string, string|number>} [params]
 */
export function translate(l, key, params) {
  const text = dictionaries[l]?.[key] ?? dictionaries.vi[key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

/** $t(key, params) in components: follows the current language. */
export const t = derived(lang, (l) => (key, params) => translate(l, key, params));

/** translate in the current language, for code outside components. */
export function tr(key, params) {
  return translate(get(lang), key, params);
}
