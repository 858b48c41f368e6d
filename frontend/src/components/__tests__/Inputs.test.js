import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import DateInput from '../DateInput.svelte';
import TimeInput from '../TimeInput.svelte';
import MonthInput from '../MonthInput.svelte';
import FileButton from '../FileButton.svelte';

afterEach(() => cleanup());

// Dates, times and months as an office types them, whatever the system's language.
describe('the date, time and month fields', () => {
  it('takes a day without its year from the grid’s month and shows it in full on leaving', async () => {
    const onvalue = vi.fn();
    render(DateInput, { value: '', base: '2027-01', onvalue, 'data-testid': 'd' });
    const input = screen.getByTestId('d');
    await fireEvent.input(input, { target: { value: '31/01' } });
    expect(onvalue).toHaveBeenLastCalledWith('2027-01-31');
    await fireEvent.blur(input);
    expect(input.value).toBe('31/01/2027');
    expect(screen.queryByRole('alert')).toBeNull();
  });
  it('says in words what is wrong with a date, once the field is left', async () => {
    render(DateInput, { value: '', 'data-testid': 'd' });
    const input = screen.getByTestId('d');
    await fireEvent.input(input, { target: { value: '31/02/2027' } });
    expect(screen.queryByRole('alert')).toBeNull(); // not while typing
    await fireEvent.blur(input);
    expect(screen.getByRole('alert').textContent).toMatch(/Chưa đúng ngày/);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    await fireEvent.input(input, { target: { value: '31/01/27' } });
    expect(screen.queryByRole('alert')).toBeNull();
  });
  it('writes times on the 24-hour clock', async () => {
    const onvalue = vi.fn();
    render(TimeInput, { value: '', onvalue, 'data-testid': 't' });
    const input = screen.getByTestId('t');
    await fireEvent.input(input, { target: { value: '19h30' } });
    expect(onvalue).toHaveBeenLastCalledWith('19:30');
    await fireEvent.blur(input);
    expect(input.value).toBe('19:30');
    await fireEvent.input(input, { target: { value: '7:30 PM' } });
    await fireEvent.blur(input);
    expect(screen.getByRole('alert').textContent).toMatch(/24 giờ/);
  });
  it('shows a month as mm/yyyy, never the system’s month name', async () => {
    render(MonthInput, { value: '2026-12', 'data-testid': 'm' });
    expect(screen.getByTestId('m').value).toBe('12/2026');
    await fireEvent.input(screen.getByTestId('m'), { target: { value: '1/27' } });
    await fireEvent.blur(screen.getByTestId('m'));
    expect(screen.getByTestId('m').value).toBe('01/2027');
  });
  it('chooses a file with the app’s words', () => {
    render(FileButton, { accept: '.xlsx' });
    expect(screen.getByText('Chọn tệp…')).toBeTruthy();
    expect(screen.getByText('Chưa chọn tệp')).toBeTruthy();
  });
});
