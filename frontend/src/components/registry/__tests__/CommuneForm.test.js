import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import CommuneForm from '../CommuneForm.svelte';
import NamedForm from '../NamedForm.svelte';

const areas = [{ id: 'tk1', name: 'Tiểu khu 1' }, { id: 'tk2', name: 'Tiểu khu 2' }];
const clusters = [{ id: 'cx', name: 'Cụm xã ven biển' }];

afterEach(cleanup);

describe('CommuneForm', () => {
  it('adds a town with its area and cluster', async () => {
    const submit = vi.fn(async () => ({}));
    render(CommuneForm, { areas, clusters, submit, oncancel: () => {} });
    expect(screen.getByLabelText('Xã').checked).toBe(true);
    expect(document.activeElement).toBe(screen.getByLabelText('Tên xã, phường'));
    await fireEvent.input(screen.getByLabelText('Tên xã, phường'), { target: { value: 'Kim Sơn Mới' } });
    await fireEvent.click(screen.getByLabelText('Thị trấn'));
    await fireEvent.change(screen.getByLabelText('Tiểu khu'), { target: { value: 'tk2' } });
    await fireEvent.change(screen.getByLabelText('Cụm xã'), { target: { value: 'cx' } });
    await fireEvent.submit(screen.getByTestId('commune-form'));
    expect(submit).toHaveBeenCalledWith({ id: '', name: 'Kim Sơn Mới', kind: 'thi_tran', areaId: 'tk2', clusterId: 'cx', status: 'active' });
  });

  it('offers the kinds of today first, thị trấn last for registers made before 2025', async () => {
    const submit = vi.fn(async () => ({}));
    render(CommuneForm, { areas, clusters, submit, oncancel: () => {} });
    const radios = [...document.querySelectorAll('input[type=radio]')];
    expect(radios.map((r) => r.labels[0].textContent.trim())).toEqual(['Xã', 'Phường', 'Đặc khu', 'Thị trấn']);
    await fireEvent.input(screen.getByLabelText('Tên xã, phường'), { target: { value: 'Cồn Cỏ' } });
    await fireEvent.click(screen.getByLabelText('Đặc khu'));
    await fireEvent.submit(screen.getByTestId('commune-form'));
    expect(submit).toHaveBeenCalledWith(expect.objectContaining({ name: 'Cồn Cỏ', kind: 'dac_khu' }));
  });

  it('edits a commune, keeping what the form does not show', async () => {
    const submit = vi.fn(async () => ({}));
    const commune = { id: 'dh', name: 'Đồng Hướng', kind: 'xa', areaId: 'tk1', clusterId: '', status: 'merged', syncState: 'local' };
    render(CommuneForm, { commune, areas, clusters, submit, oncancel: () => {} });
    expect(screen.getByLabelText('Tiểu khu').value).toBe('tk1');
    await fireEvent.change(screen.getByLabelText('Tiểu khu'), { target: { value: '' } });
    await fireEvent.submit(screen.getByTestId('commune-form'));
    expect(submit).toHaveBeenCalledWith({ ...commune, areaId: '' });
  });

  it('shows a name already used next to the name', async () => {
    const message = 'Đã có xã, phường tên “Đồng Hướng”.';
    render(CommuneForm, { areas, clusters, submit: () => Promise.reject({ code: 'invalid', field: 'name', message }), oncancel: () => {} });
    await fireEvent.input(screen.getByLabelText('Tên xã, phường'), { target: { value: 'Đồng Hướng' } });
    await fireEvent.submit(screen.getByTestId('commune-form'));
    await vi.waitFor(() => expect(screen.getByTestId('field-error-name').textContent).toBe(message));
    expect(screen.getByLabelText('Tên xã, phường').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('NamedForm', () => {
  it('adds an area', async () => {
    const submit = vi.fn(async () => ({}));
    render(NamedForm, { what: 'area', submit, oncancel: () => {} });
    expect(screen.getByRole('heading').textContent).toBe('Thêm tiểu khu');
    await fireEvent.input(screen.getByLabelText('Tên tiểu khu'), { target: { value: 'Tiểu khu 7' } });
    await fireEvent.submit(screen.getByTestId('area-form'));
    expect(submit).toHaveBeenCalledWith({ id: '', name: 'Tiểu khu 7' });
  });

  it('renames a cluster and shows an empty name refused', async () => {
    const message = 'Tên cụm xã không được để trống.';
    const submit = vi.fn(() => Promise.reject({ code: 'invalid', field: 'name', message }));
    render(NamedForm, { what: 'cluster', item: { id: 'cx', name: 'Cụm xã ven biển' }, submit, oncancel: () => {} });
    expect(screen.getByRole('heading').textContent).toBe('Đổi tên cụm xã “Cụm xã ven biển”');
    await fireEvent.input(screen.getByLabelText('Tên cụm xã'), { target: { value: ' ' } });
    await fireEvent.submit(screen.getByTestId('cluster-form'));
    expect(submit).toHaveBeenCalledWith({ id: 'cx', name: ' ' });
    await vi.waitFor(() => expect(screen.getByTestId('field-error-name').textContent).toBe(message));
  });
});
