import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import ConfirmDialog from '../ConfirmDialog.svelte';
import { confirm } from '../../lib/stores/confirm.js';

afterEach(() => cleanup());

describe('the confirmation', () => {
  it('says the consequence, and acts only when confirmed', async () => {
    HTMLDialogElement.prototype.showModal ??= function () { this.open = true; };
    HTMLDialogElement.prototype.close ??= function () { this.open = false; };
    render(ConfirmDialog);
    const yes = confirm({ title: 'Nộp báo cáo?', consequence: 'Báo cáo sẽ không sửa được nữa.', action: 'Nộp báo cáo' });
    expect((await screen.findByTestId('confirm-consequence')).textContent).toBe('Báo cáo sẽ không sửa được nữa.');
    await fireEvent.click(screen.getByText('Nộp báo cáo'));
    expect(await yes).toBe(true);
    const no = confirm({ title: 'Hủy lịch?', consequence: 'x', action: 'Hủy lịch' });
    await screen.findByText('Hủy lịch');
    await fireEvent.click(screen.getByTestId('confirm-cancel'));
    expect(await no).toBe(false);
  });
});
