import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import OfficialForm from '../OfficialForm.svelte';
import { lang } from '../../../lib/i18n.js';
import { committeeProfiles } from '../../../lib/stores/committees.js';

const areas = [{ id: 'tk1', name: 'Tiểu khu 1' }];
const communes = [{ id: 'dh', name: 'Đồng Hướng' }, { id: 'kd', name: 'Kim Đông' }];
const noCommune = { code: 'invalid', field: 'communeId', message: 'Vai trò này phải được phân công một xã, phường.' };

afterEach(() => {
  cleanup();
  lang.set('vi');
  committeeProfiles.set([]);
});

const role = () => screen.getByLabelText('Vai trò');
const setRole = (label) => fireEvent.change(role(), { target: { value: [...role().options].find((o) => o.text === label).value } });

describe('OfficialForm', () => {
  it('offers the six roles with their Vietnamese labels', () => {
    render(OfficialForm, { areas, communes, submit: async () => {}, oncancel: () => {} });
    expect([...role().options].map((o) => o.text)).toEqual([
      'Thường trực Huyện ủy', 'Ủy viên Ban Thường vụ', 'Huyện ủy viên', 'Ban Tổ chức Huyện ủy',
      'Cán bộ, chuyên viên cấp huyện', 'Văn phòng đảng ủy xã, thị trấn',
    ]);
    expect(role().value).toBe('district_committee');
    expect(screen.getByLabelText('Đang công tác').checked).toBe(true);
  });

  it('asks for an area, a commune or nothing depending on the role', async () => {
    render(OfficialForm, { areas, communes, submit: async () => {}, oncancel: () => {} });
    expect(screen.getByLabelText('Xã, phường phụ trách')).toBeTruthy();
    await setRole('Ủy viên Ban Thường vụ');
    expect(screen.getByLabelText('Tiểu khu phụ trách')).toBeTruthy();
    expect(screen.queryByLabelText('Xã, phường phụ trách')).toBeNull();
    await setRole('Thường trực Huyện ủy');
    expect(screen.queryByLabelText('Tiểu khu phụ trách')).toBeNull();
    expect(screen.getByTestId('official-no-assignment').textContent).toMatch(/không phân công/);
    await setRole('Văn phòng đảng ủy xã, thị trấn');
    expect([...screen.getByLabelText('Xã, phường phụ trách').options].map((o) => o.text)).toEqual(['— Chọn xã, phường —', 'Đồng Hướng', 'Kim Đông']);
  });

  it('submits only the assignment the role needs', async () => {
    const submit = vi.fn(async () => ({}));
    render(OfficialForm, { areas, communes, submit, oncancel: () => {} });
    await fireEvent.input(screen.getByLabelText('Họ và tên'), { target: { value: 'Trần Văn Thử' } });
    await fireEvent.input(screen.getByLabelText('Chức vụ'), { target: { value: 'Trưởng Ban Dân vận' } });
    await fireEvent.change(screen.getByLabelText('Xã, phường phụ trách'), { target: { value: 'kd' } });
    await setRole('Ủy viên Ban Thường vụ');
    await fireEvent.change(screen.getByLabelText('Tiểu khu phụ trách'), { target: { value: 'tk1' } });
    await fireEvent.submit(screen.getByTestId('official-form'));
    expect(submit).toHaveBeenCalledWith({
      id: '', name: 'Trần Văn Thử', title: 'Trưởng Ban Dân vận', role: 'standing_committee', committeeId: '', areaId: 'tk1', communeId: '', active: true,
    });
  });

  it('edits an official, keeping its id and letting it leave office', async () => {
    const submit = vi.fn(async () => ({}));
    const official = { id: 'o9', name: 'Lê Thị Hoa', title: 'Huyện ủy viên', role: 'district_committee', areaId: '', communeId: 'dh', active: true };
    render(OfficialForm, { official, areas, communes, submit, oncancel: () => {} });
    expect(screen.getByRole('heading').textContent).toBe('Sửa thông tin “Lê Thị Hoa”');
    expect(screen.getByLabelText('Xã, phường phụ trách').value).toBe('dh');
    await fireEvent.click(screen.getByLabelText('Đang công tác'));
    await fireEvent.submit(screen.getByTestId('official-form'));
    expect(submit).toHaveBeenCalledWith({ ...official, committeeId: '', active: false });
  });

  it('shows Go’s refusal next to the commune, moves the cursor there and keeps the input', async () => {
    const submit = vi.fn(() => Promise.reject(noCommune));
    render(OfficialForm, { areas, communes, submit, oncancel: () => {} });
    await fireEvent.input(screen.getByLabelText('Họ và tên'), { target: { value: 'Đinh Văn Kiểm' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await vi.waitFor(() => expect(screen.getByTestId('field-error-communeId').textContent).toBe(noCommune.message));
    const commune = screen.getByLabelText('Xã, phường phụ trách');
    expect(commune.getAttribute('aria-invalid')).toBe('true');
    expect(commune.getAttribute('aria-describedby')).toBe('err-communeId');
    expect(document.activeElement).toBe(commune);
    expect(screen.getByRole('alert').textContent).toContain(noCommune.message);
    expect(screen.getByLabelText('Họ và tên').value).toBe('Đinh Văn Kiểm');
  });

  it('cancels on Escape', async () => {
    const oncancel = vi.fn();
    render(OfficialForm, { areas, communes, submit: async () => {}, oncancel });
    await fireEvent.keyDown(screen.getByLabelText('Họ và tên'), { key: 'Escape' });
    expect(oncancel).toHaveBeenCalled();
  });

  it('gives an example title that names no district, or the chosen committee when its profile is recorded', async () => {
    render(OfficialForm, { areas, communes, submit: async () => {}, oncancel: () => {} });
    const title = () => screen.getByLabelText('Chức vụ').placeholder;
    expect(title()).toBe('Ví dụ: Phó Bí thư Thường trực');
    cleanup();
    committeeProfiles.set([
      { committeeId: 'prov', communeId: '', shortName: 'Tỉnh ủy Ninh Bình', top: true },
      { committeeId: 'pdc', communeId: 'pd', shortName: 'Đảng ủy xã Phát Diệm' },
    ]);
    render(OfficialForm, { areas, communes, submit: async () => {}, oncancel: () => {} });
    expect(title()).toBe('Ví dụ: Phó Bí thư Thường trực Tỉnh ủy Ninh Bình');
    await fireEvent.change(screen.getByLabelText('Thuộc cấp ủy'), { target: { value: 'pdc' } });
    expect(title()).toBe('Ví dụ: Phó Bí thư Thường trực Đảng ủy xã Phát Diệm');
  });

  it('speaks English when asked', () => {
    lang.set('en');
    render(OfficialForm, { areas, communes, submit: async () => {}, oncancel: () => {} });
    expect([...screen.getByLabelText('Role').options].map((o) => o.text)).toContain('District Committee member');
  });
});
