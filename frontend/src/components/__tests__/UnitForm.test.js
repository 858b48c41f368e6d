import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import UnitForm from '../UnitForm.svelte';
import { lang } from '../../lib/i18n.js';

const committee = {
  id: 'c1', parentId: 'root', kind: 'grassroots_committee', name: 'Đảng bộ xã Đồng Hướng',
  communeId: 'dh', members: 0, probationary: 0, religious: 0, status: 'active',
};
const communes = [{ id: 'dh', name: 'Đồng Hướng' }];
const religiousError = {
  code: 'invalid', field: 'religious',
  message: 'Số đảng viên là người có đạo (12) không được lớn hơn tổng số đảng viên (10).',
};

afterEach(() => {
  cleanup();
  lang.set('vi');
});

async function fillCell() {
  await fireEvent.input(screen.getByLabelText('Tên đơn vị'), { target: { value: 'Chi bộ Xóm 99' } });
  await fireEvent.input(screen.getByLabelText('Tổng số đảng viên'), { target: { value: '10' } });
  await fireEvent.input(screen.getByLabelText('Đảng viên là người có đạo'), { target: { value: '12' } });
}

describe('UnitForm', () => {
  it('adds a subordinate cell under a grassroots committee, in its commune', async () => {
    const submit = vi.fn(async () => ({}));
    render(UnitForm, { parent: committee, communes, submit, oncancel: () => {} });
    expect(screen.getByTestId('unit-kind').textContent).toBe('Chi bộ trực thuộc');
    expect(screen.getByDisplayValue('Đồng Hướng')).toHaveProperty('readOnly', true);
    await fillCell();
    await fireEvent.input(screen.getByLabelText('Đảng viên là người có đạo'), { target: { value: '3' } });
    await fireEvent.submit(screen.getByTestId('unit-form'));
    expect(submit).toHaveBeenCalledWith(expect.objectContaining({
      id: '', parentId: 'c1', kind: 'subordinate_cell', name: 'Chi bộ Xóm 99', communeId: 'dh',
      members: 10, probationary: 0, religious: 3, status: 'active',
    }));
  });

  it('shows the Vietnamese error next to the field and keeps the input when saving is refused', async () => {
    const submit = vi.fn(() => Promise.reject(JSON.stringify(religiousError)));
    render(UnitForm, { parent: committee, communes, submit, oncancel: () => {} });
    await fillCell();
    await fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await vi.waitFor(() => expect(screen.getByTestId('field-error-religious').textContent).toBe(religiousError.message));
    expect(screen.getByRole('alert').textContent).toContain('người có đạo');
    const religious = screen.getByLabelText('Đảng viên là người có đạo');
    expect(religious.getAttribute('aria-invalid')).toBe('true');
    expect(religious.getAttribute('aria-describedby')).toBe('err-religious');
    expect(document.activeElement).toBe(religious);
    // The form is still open with what was typed.
    expect(screen.getByLabelText('Tên đơn vị').value).toBe('Chi bộ Xóm 99');
    expect(screen.getByLabelText('Tổng số đảng viên').value).toBe('10');
    expect(religious.value).toBe('12');
    expect(screen.queryByTestId('field-error-members')).toBeNull();
  });

  it('offers the kinds allowed under a supervising committee, member counts only for cells', async () => {
    const root = { ...committee, id: 'root', parentId: '', kind: 'supervising_committee', name: 'Huyện ủy Kim Sơn' };
    render(UnitForm, { parent: root, communes, submit: async () => {}, oncancel: () => {} });
    const committeeRadio = screen.getByLabelText('Đảng bộ cơ sở');
    expect(committeeRadio.checked).toBe(true);
    expect(screen.getByLabelText('Chi bộ cơ sở')).toBeTruthy();
    expect(screen.queryByLabelText('Tổng số đảng viên')).toBeNull();
    await fireEvent.click(screen.getByLabelText('Chi bộ cơ sở'));
    expect(screen.getByLabelText('Tổng số đảng viên')).toBeTruthy();
  });

  for (const typed of ['1e3', '3,5', '12 người']) {
    it(`refuses the count “${typed}” before calling Go`, async () => {
      const submit = vi.fn(async () => {});
      render(UnitForm, { parent: committee, communes, submit, oncancel: () => {} });
      await fireEvent.input(screen.getByLabelText('Tên đơn vị'), { target: { value: 'Chi bộ X' } });
      await fireEvent.input(screen.getByLabelText('Tổng số đảng viên'), { target: { value: typed } });
      await fireEvent.submit(screen.getByTestId('unit-form'));
      await vi.waitFor(() => expect(screen.getByTestId('field-error-members')).toBeTruthy());
      expect(submit).not.toHaveBeenCalled();
    });
  }

  it('refuses a negative count before calling Go', async () => {
    const submit = vi.fn(async () => {});
    render(UnitForm, { parent: committee, communes, submit, oncancel: () => {} });
    await fireEvent.input(screen.getByLabelText('Tên đơn vị'), { target: { value: 'Chi bộ X' } });
    await fireEvent.input(screen.getByLabelText('Tổng số đảng viên'), { target: { value: '-1' } });
    await fireEvent.submit(screen.getByTestId('unit-form'));
    await vi.waitFor(() => expect(screen.getByTestId('field-error-members')).toBeTruthy());
    expect(submit).not.toHaveBeenCalled();
  });

  it('cancels on Escape', async () => {
    const oncancel = vi.fn();
    render(UnitForm, { parent: committee, communes, submit: async () => {}, oncancel });
    await fireEvent.keyDown(screen.getByLabelText('Tên đơn vị'), { key: 'Escape' });
    expect(oncancel).toHaveBeenCalledOnce();
  });

  it('edits a unit keeping its other fields, with English labels when switched', async () => {
    lang.set('en');
    const cell = { ...committee, id: 'x', kind: 'subordinate_cell', name: 'Chi bộ Xóm 1', members: 20, religious: 2, syncState: 'sent' };
    const submit = vi.fn(async () => {});
    render(UnitForm, { unit: cell, communes, submit, oncancel: () => {} });
    expect(screen.getByRole('heading').textContent).toBe('Edit “Chi bộ Xóm 1”');
    await fireEvent.input(screen.getByLabelText('Total party members'), { target: { value: '21' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(submit).toHaveBeenCalledWith({ ...cell, members: 21, probationary: 0, note: '' });
  });
});
