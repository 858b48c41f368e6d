import { describe, expect, it } from 'vitest';
import { chartGeometry, formatPoints, fromScores, monthLabel, monthsOf, parsePoints, liveTotal, setLines, toScores } from './scoring.js';
import dict from '../../lib/i18n/scoring.js';

describe('points', () => {
  it('formats with a decimal comma and no trailing zeros', () => {
    expect(formatPoints(89.5)).toBe('89,5');
    expect(formatPoints(90)).toBe('90');
    expect(formatPoints(0.1 + 0.2)).toBe('0,3');
    expect(formatPoints(null)).toBe('');
  });
  it('parses commas and dots, refuses words', () => {
    expect(parsePoints('4,5')).toBe(4.5);
    expect(parsePoints(' 10 ')).toBe(10);
    expect(parsePoints('')).toBeNull();
    expect(parsePoints('năm')).toBeNaN();
  });
  it('turns form rows into scores and back', () => {
    const { scores, bad } = toScores({ '1.1': { points: '4,5', note: ' biên bản ' }, '1.2': { points: '' }, '1.3': { points: 'x' } });
    expect(scores).toEqual({ '1.1': { points: 4.5, note: 'biên bản' } });
    expect(bad).toEqual(['1.3']);
    expect(fromScores(scores)).toEqual({ '1.1': { points: '4,5', note: 'biên bản' } });
  });
});

describe('months', () => {
  it('labels and lists', () => {
    expect(monthLabel('2018-03')).toBe('03/2018');
    expect(monthsOf(2018)).toHaveLength(12);
    expect(monthsOf(2018)[11]).toBe('2018-12');
  });
});

describe('set lines', () => {
  it('orders groups, criteria, bonuses, penalties and sums a group', () => {
    const lines = setLines({
      groups: [{ code: 'I', title: 'A', criteria: [{ code: '1', maxPoints: 5 }, { code: '2', maxPoints: 2.5 }] }],
      bonuses: [{ code: 'T1', maxPoints: 3 }],
      penalties: [{ code: 'P1', maxPoints: 5 }],
    });
    expect(lines.map((l) => `${l.section}:${l.code}`)).toEqual(['group:I', 'criterion:1', 'criterion:2', 'bonus:T1', 'penalty:P1']);
    expect(lines[0].maxPoints).toBe(7.5);
  });
});

describe('chart geometry', () => {
  it('breaks the line at months without a total and draws the bands', () => {
    const pts = [92, 88, null, 75, ...Array(8).fill(null)].map((t, i) => ({ month: `2018-${i + 1}`, total: t }));
    const g = chartGeometry(pts, [{ grade: 'tot', min: 90 }, { grade: 'kha', min: 70 }, { grade: 'kem', min: 0 }], 100, 640, 260, 40);
    expect(g.dots).toHaveLength(3);
    expect(g.lines).toHaveLength(2);
    expect(g.bands.map((b) => b.grade)).toEqual(['tot', 'kha']);
    expect(g.y(100)).toBe(40);
    expect(g.y(0)).toBe(220);
    expect(g.ticks[0].x).toBe(40);
    expect(g.ticks[11].x).toBe(600);
  });
});

describe('dictionary', () => {
  it('has every key in both languages', () => {
    expect(Object.keys(dict.en).sort()).toEqual(Object.keys(dict.vi).sort());
  });
});

describe('file delivery', () => {
  it('downloads in browser mode only', async () => {
    const { browserMode } = await import('./scoring.js');
    expect(browserMode({ port: '34115' })).toBe(true);
    expect(browserMode({ port: '' })).toBe(false);
  });
});

describe('the total on screen', () => {
  const set = {
    groups: [{ code: '1', criteria: [{ code: '1.1', maxPoints: 50 }, { code: '1.2', maxPoints: 50 }] }],
    bonuses: [{ code: 'T1', maxPoints: 5 }, { code: 'T2', maxPoints: 5 }], penalties: [{ code: 'K1', maxPoints: 10 }],
    bonusCap: 6, penaltyCap: 0, thresholds: [{ grade: 'tot', min: 90 }, { grade: 'kha', min: 70 }, { grade: 'trung_binh', min: 50 }, { grade: 'kem', min: 0 }],
  };
  it('sums as Go does: lines capped, bonuses capped, penalties subtracted, graded', () => {
    expect(liveTotal(set, { '1.1': { points: '45,5' }, '1.2': { points: '60' }, T1: { points: '5' }, T2: { points: '5' }, K1: { points: '3' } }))
      .toEqual({ total: 98.5, grade: 'tot' }); // 45.5 + 50 (capped) + 6 (cap) − 3
    expect(liveTotal(set, { '1.1': { points: '40' }, '1.2': { points: '35' } })).toEqual({ total: 75, grade: 'kha' });
    expect(liveTotal(set, {})).toEqual({ total: 0, grade: 'kem' });
    expect(liveTotal(set, { '1.1': { points: 'abc' } })).toEqual({ total: 0, grade: 'kem' });
    expect(liveTotal(null, {})).toBeNull();
  });
});
