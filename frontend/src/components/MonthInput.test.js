import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import MonthInput from './MonthInput.svelte';

afterEach(() => cleanup());

describe('MonthInput', () => {
  it('shows mm/yyyy, reads what is typed, and follows a value set from outside', async () => {
    const { rerender } = render(MonthInput, { value: '2018-03', 'data-testid': 'm' });
    const input = screen.getByTestId('m');
    expect(input.value).toBe('03/2018');
    await fireEvent.input(input, { target: { value: '2018-04' } });
    await rerender({ value: '2018-06', 'data-testid': 'm' });
    expect(input.value).toBe('06/2018');
  });
});
