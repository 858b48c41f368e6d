import { describe, expect, it } from 'vitest';
import { formatDate, formatMonth, formatNumber, parseDate, todayISO } from './format.js';

describe('formatDate', () => {
  it.each([
    ['2017-12-26', '26/12/2017'],
    ['2018-06-01', '01/06/2018'],
    [' 2018-06-01 ', '01/06/2018'],
    ['', ''],
    [null, ''],
    [undefined, ''],
    ['2018-02-30', ''], // not a real day
    ['rubbish', ''],
  ])('%j → %j', (input, want) => {
    expect(formatDate(input)).toBe(want);
  });

  it('shows a UTC timestamp in Vietnam time (UTC+7)', () => {
    // 20:00 UTC on 31 Dec is already 1 Jan in Hà Nội.
    expect(formatDate('2017-12-31T20:00:00Z')).toBe('01/01/2018');
    expect(formatDate(new Date(Date.UTC(2018, 5, 30, 10)))).toBe('30/06/2018');
  });
});

describe('parseDate', () => {
  it.each([
    ['26/12/2017', '2017-12-26'],
    ['1/6/2018', '2018-06-01'],
    ['01-06-2018', '2018-06-01'],
    ['01.06.2018', '2018-06-01'],
    [' 29/02/2020 ', '2020-02-29'],
    ['29/02/2019', null],
    ['31/04/2018', null],
    ['2018-06-01', null],
    ['31/01/27', '2027-01-31'],
    ['31/1/27', '2027-01-31'],
    ['31/01/2', null],
    ['', null],
    [null, null],
  ])('%j → %j', (input, want) => {
    expect(parseDate(input)).toBe(want);
  });

  it('takes the year left out from the month the field is about, or the nearest one', () => {
    expect(parseDate('07/02', '2027-01')).toBe('2027-02-07'); // refused by the January grid, by name
    expect(parseDate('31/01', '2027-01')).toBe('2027-01-31');
    expect(parseDate('28/12', '2027-01')).toBe('2026-12-28'); // December before January
    expect(parseDate('05/01', '2026-12-20')).toBe('2027-01-05'); // early January after December
    expect(parseDate('30/02', '2027-01')).toBeNull();
  });

  it('round-trips with formatDate', () => {
    expect(parseDate(formatDate('2018-06-30'))).toBe('2018-06-30');
  });
});

describe('todayISO', () => {
  it('is the date in Vietnam', () => {
    expect(todayISO(new Date('2018-06-30T18:30:00Z'))).toBe('2018-07-01');
    expect(todayISO(new Date('2018-06-30T10:00:00Z'))).toBe('2018-06-30');
  });
});

describe('formatNumber', () => {
  it('groups thousands the Vietnamese way', () => {
    expect(formatNumber(7575)).toBe('7.575');
    expect(formatNumber(780)).toBe('780');
    expect(formatNumber(NaN)).toBe('');
  });
});

describe('formatMonth', () => {
  it('writes a month as mm/yyyy', () => {
    expect(formatMonth('2018-01')).toBe('01/2018');
    expect(formatMonth('')).toBe('');
  });
});

describe('parseMonth', () => {
  it('reads mm/yyyy and yyyy-mm, refuses what is not a month', async () => {
    const { parseMonth } = await import('./format.js');
    expect(parseMonth('06/2018')).toBe('2018-06');
    expect(parseMonth('6/2018')).toBe('2018-06');
    expect(parseMonth('2018-06')).toBe('2018-06');
    expect(parseMonth('13/2018')).toBeNull();
    expect(parseMonth('01/27')).toBe('2027-01');
    expect(parseMonth('tháng 01/2027')).toBe('2027-01');
    expect(parseMonth('June 2018')).toBeNull();
    expect(parseMonth('06/18')).toBe('2018-06'); // a two-digit year, as dates take it
  });
});
