import { afterEach, describe, it, expect } from 'vitest';
import { cleanup, render, fireEvent } from '@testing-library/svelte';
import DateInput from './DateInput.svelte';
import TimeInput from './TimeInput.svelte';
import { parseTime } from '../lib/format.js';

afterEach(cleanup);

describe('DateInput and TimeInput', () => {
  it('shows an ISO date as dd/mm/yyyy whatever the system locale', () => {
    const { getByLabelText } = render(DateInput, { props: { value: '2018-06-05', 'aria-label': 'ngày họp' } });
    expect(getByLabelText('ngày họp').value).toBe('05/06/2018');
    expect(getByLabelText('ngày họp').type).toBe('text');
  });

  it('keeps what is typed on screen, even a date that does not exist', async () => {
    const { getByLabelText } = render(DateInput, { props: { value: '', 'aria-label': 'ngày sai' } });
    const input = getByLabelText('ngày sai');
    await fireEvent.input(input, { target: { value: '31/02/2018' } });
    expect(input.value).toBe('31/02/2018');
  });

  it('shows a time in 24-hour form', () => {
    const { getByLabelText } = render(TimeInput, { props: { value: '19:30', 'aria-label': 'giờ họp' } });
    expect(getByLabelText('giờ họp').value).toBe('19:30');
  });
});

describe('parseTime', () => {
  const cases = [['7:30', '07:30'], ['07:30', '07:30'], ['19h30', '19:30'], ['7.05', '07:05'], ['24:00', null], ['7:60', null], ['bảy giờ', null], ['', null]];
  for (const [text, want] of cases) {
    it(`${JSON.stringify(text)} → ${want}`, () => expect(parseTime(text)).toBe(want));
  }
});
