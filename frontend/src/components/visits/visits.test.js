import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { get } from 'svelte/store';
import { lang, t } from '../../lib/i18n.js';
import dict from '../../lib/i18n/visits.js';
import { applyBulk, calendarWeeks, changed, draftSaver, gridEdits, monthRange, rowField, toSave } from './visits.js';

describe('month helpers', () => {
  it('gives the range of a month, leap years included', () => {
    expect(monthRange('2018-06')).toEqual({ from: '2018-06-01', to: '2018-06-30' });
    expect(monthRange('2020-02').to).toBe('2020-02-29');
  });
  it('lays a month out in Monday-first weeks', () => {
    const w = calendarWeeks('2018-06'); // 1 June 2018 was a Friday
    expect(w[0]).toEqual(['', '', '', '', '2018-06-01', '2018-06-02', '2018-06-03']);
    expect(w.flat().filter(Boolean)).toHaveLength(30);
    expect(w.every((x) => x.length === 7)).toBe(true);
  });
  it('reads the row of a grid error', () => {
    expect(rowField('3.place')).toEqual({ row: 3, field: 'place' });
    expect(rowField('month')).toEqual({ row: -1, field: 'month' });
  });
});

describe('grid edits', () => {
  const rows = [
    { cellId: 'a', cellName: 'Chi bộ Xóm 1', parentName: 'Đảng bộ xã', schedules: [{ id: 's1', cellId: 'a', date: '2018-06-05', startTime: '07:30', place: 'Nhà văn hóa', kind: 'regular', status: 'published', note: '' }] },
    { cellId: 'b', cellName: 'Chi bộ Xóm 2', parentName: 'Đảng bộ xã', schedules: [] },
  ];
  it('saves only what changed, with the grid index of each row', () => {
    const e = gridEdits(rows);
    expect(e.map(changed)).toEqual([false, false]);
    e[1].value.place = 'Trụ sở';
    const { rows: out, index } = toSave(e);
    expect(index).toEqual([1]);
    expect(out[0]).toMatchObject({ id: '', cellId: 'b', place: 'Trụ sở', cellName: 'Chi bộ Xóm 2' });
  });
  it('gives a new line the grid\'s month, so a date outside it is refused, not moved', () => {
    const e = gridEdits(rows, '2018-06');
    e[1].value.date = '2018-07-02';
    expect(toSave(e).rows[0]).toMatchObject({ month: '2018-06', date: '2018-07-02' });
  });
  it('applies a bulk edit to the selected rows only', () => {
    const e = gridEdits(rows);
    e[0].selected = true;
    applyBulk(e, { startTime: '14:00', place: '' });
    expect(e[0].value.startTime).toBe('14:00');
    expect(e[0].value.place).toBe('Nhà văn hóa');
    expect(e[1].value.startTime).toBe('');
  });
});

describe('draft saver', () => {
  it('never lets an older draft overwrite a newer one', async () => {
    const saved = [];
    let release;
    const save = (d) => new Promise((ok) => { release = () => { saved.push(d.values.feedback); ok(); }; });
    const s = draftSaver(save);
    s.push({ values: { feedback: 'C' } });
    s.push({ values: { feedback: 'Cầ' } });
    s.push({ values: { feedback: 'Cần' } });
    release(); // the first save ends; only the newest pending draft follows
    await Promise.resolve();
    await Promise.resolve();
    release();
    await s.flush();
    expect(saved).toEqual(['C', 'Cần']);
  });
  it('reports errors and goes on', async () => {
    const states = [];
    let n = 0;
    const s = draftSaver(async () => { if (n++ === 0) throw new Error('disk'); }, (x) => states.push(x instanceof Error ? 'error' : x));
    s.push({});
    await s.flush();
    s.push({});
    await s.flush();
    expect(states).toEqual(['saving', 'error', 'saving', 'saved']);
  });
});

describe('dictionary', () => {
  afterEach(() => lang.set('vi'));
  const ph = (x) => (x.match(/\{\w+\}/g) ?? []).sort();

  it('has every key in both languages, with the same placeholders and no empty text', () => {
    expect(Object.keys(dict.en).sort()).toEqual(Object.keys(dict.vi).sort());
    for (const [key, text] of Object.entries(dict.vi)) {
      expect(text, key).not.toBe('');
      expect(dict.en[key], key).not.toBe('');
      expect(ph(dict.en[key]), key).toEqual(ph(text));
      expect(text, key).toBe(text.normalize('NFC'));
    }
  });

  it('has every key the screens ask for', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const dirs = ['schedules', 'visits'].map((d) => join(here, '..', d));
    const used = new Set();
    for (const dir of dirs) {
      for (const f of readdirSync(dir).filter((n) => n.endsWith('.svelte'))) {
        const src = readFileSync(join(dir, f), 'utf8');
        for (const m of src.matchAll(/\$t\('((?:sch|vis|plan|mine|ov|rf|tpl|let|rel)\.[\w.]+)'/g)) used.add(m[1]);
      }
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((k) => !(k in dict.vi))).toEqual([]);
    for (const [prefix, names] of [['sch.status', ['draft', 'published', 'cancelled']], ['mine.status', ['planned', 'attended', 'reported', 'cancelled']],
      ['plan.day', [1, 2, 3, 4, 5, 6, 7]], ['vis.tab', ['plan', 'mine', 'overview', 'template']],
      ['tpl.type', ['section', 'text', 'textarea', 'number', 'date', 'time', 'yesno', 'choice', 'checklist']], ['tpl.release', ['none', 'feedback', 'assessment']],
      ['let', ['parentBody', 'issuingBody', 'issuerName', 'place', 'signerCapacity', 'signerTitle', 'signerName']]]) {
      for (const n of names) expect(dict.vi, `${prefix}.${n}`).toHaveProperty([`${prefix}.${n}`]);
    }
  });

  it('follows the language switch and fills placeholders', () => {
    expect(get(t)('sch.cov.missing', { n: 0 })).toBe('0 chưa có lịch');
    expect(get(t)('nav.visits')).toBe('Dự sinh hoạt');
    lang.set('en');
    expect(get(t)('sch.cov.missing', { n: 2 })).toBe('2 without a schedule');
    expect(get(t)('nav.visits')).toBe('Meeting visits');
  });
});
