import { describe, expect, it } from 'vitest';
import { activeCommunes, pageMonth, percent, periodOf } from './overview.js';

describe('the overview', () => {
  it('reads the period chosen on screen', () => {
    expect(periodOf({ kind: 'month', month: '2018-06' })).toEqual({ kind: 'month', year: 2018, n: 6 });
    expect(periodOf({ kind: 'month', month: '' })).toBeNull();
    expect(periodOf({ kind: 'quarter', quarter: '3', year: '2018' })).toEqual({ kind: 'quarter', year: 2018, n: 3 });
    expect(periodOf({ kind: 'year', year: 2018 })).toEqual({ kind: 'year', year: 2018, n: 0 });
    expect(periodOf({ kind: 'year', year: 18 })).toBeNull();
  });
  it('opens a commune page on the period’s last month that has begun', () => {
    const now = new Date(2018, 7, 15); // August 2018
    expect(pageMonth({ kind: 'month', year: 2018, n: 2 }, now)).toBe('2018-02');
    expect(pageMonth({ kind: 'quarter', year: 2018, n: 2 }, now)).toBe('2018-06');
    expect(pageMonth({ kind: 'year', year: 2018 }, now)).toBe('2018-08');
    expect(pageMonth({ kind: 'year', year: 2017 }, now)).toBe('2017-12');
  });
  it('counts shares and keeps the communes with something to show', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(1, 0)).toBe(0);
    expect(activeCommunes({ communes: [{ planned: 0, scheduled: 0 }, { planned: 1 }, { scheduled: 2 }] })).toHaveLength(2);
  });
});
