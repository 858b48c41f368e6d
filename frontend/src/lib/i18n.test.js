import { afterEach, describe, expect, it } from 'vitest';
import { get } from 'svelte/store';
import { AREAS, dictionaries, lang, STORAGE_KEY, t, translate } from './i18n.js';

describe('dictionaries', () => {
  it('have the same keys in Vietnamese and English', () => {
    const vi = Object.keys(dictionaries.vi).sort();
    const en = Object.keys(dictionaries.en).sort();
    expect(en.filter((k) => !vi.includes(k))).toEqual([]);
    expect(vi.filter((k) => !en.includes(k))).toEqual([]);
  });

  it('have no empty texts and the same placeholders in both languages', () => {
    for (const key of Object.keys(dictionaries.vi)) {
      expect(dictionaries.vi[key], key).not.toBe('');
      expect(dictionaries.en[key], key).not.toBe('');
      const ph = (s) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(ph(dictionaries.en[key]), key).toEqual(ph(dictionaries.vi[key]));
    }
  });

  // Since 1 July 2025 there is no district level: only the fixed role labels used where no
  // committee profile is recorded, and the 2018 demo's description, may name a district.
  it('name the district only in the 2018 fallback role labels and the demo hint', () => {
    const allowed = (key) => key.startsWith('role.') || key === 'welcome.demoHint';
    for (const l of ['vi', 'en']) {
      const named = Object.entries(dictionaries[l]).filter(([key, text]) => !allowed(key) && /huyện|district/i.test(text));
      expect(named.map(([key]) => key), l).toEqual([]);
    }
  });

  it('use composed (NFC) Vietnamese', () => {
    for (const [key, text] of Object.entries(dictionaries.vi)) {
      expect(text, key).toBe(text.normalize('NFC'));
    }
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('vi', 'units.results', { n: 3 })).toBe('Tìm thấy: 3');
    expect(translate('en', 'sync.refused', { reason: 'duplicate' })).toBe('Refused: duplicate');
  });
  it('falls back to Vietnamese, then to the key', () => {
    expect(translate('fr', 'nav.units')).toBe('Đơn vị');
    expect(translate('en', 'no.such.key')).toBe('no.such.key');
  });
});

describe('lang store', () => {
  afterEach(() => lang.set('vi'));
  it('switches $t and saves the choice', () => {
    expect(get(t)('nav.units')).toBe('Đơn vị');
    lang.set('en');
    expect(get(t)('nav.units')).toBe('Units');
    expect(localStorage.getItem(STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });
});

describe('one dictionary of areas', () => {
  it('merges every area without a key in two areas', () => {
    const seen = new Map();
    for (const [area, d] of Object.entries(AREAS)) {
      for (const key of Object.keys(d.vi)) {
        expect(seen.get(key), `${key} in ${area}`).toBeUndefined();
        seen.set(key, area);
      }
    }
    expect(Object.keys(dictionaries.vi).length).toBe(seen.size);
    expect(translate('en', 'sc.title')).not.toBe('sc.title');
    expect(translate('en', 'sch.title')).not.toBe('sch.title');
  });
});
