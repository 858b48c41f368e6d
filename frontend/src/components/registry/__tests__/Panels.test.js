import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/svelte';
import OfficialsPanel from '../OfficialsPanel.svelte';
import GroupsPanel from '../GroupsPanel.svelte';
import CommunesPanel from '../CommunesPanel.svelte';
import UnitsArea from '../../UnitsArea.svelte';
import { registryLoaded, resetOfficialFilters, unitsTab } from '../../../lib/stores/registry.js';

const areas = [{ id: 'tk1', name: 'Tiểu khu 1' }];
const clusters = [{ id: 'cx', name: 'Cụm xã ven biển' }];
const communes = [
  { id: 'dh', name: 'Đồng Hướng', kind: 'xa', areaId: 'tk1', clusterId: 'cx', status: 'active' },
  { id: 'pd', name: 'Phát Diệm', kind: 'thi_tran', areaId: '', clusterId: '', status: 'active' },
];
let officials;
let App;

beforeEach(() => {
  officials = [
    { id: 'o1', name: 'Đinh Văn Hùng', title: 'Bí thư Huyện ủy', role: 'standing_board', areaId: '', communeId: '', active: true },
    { id: 'o2', name: 'Hoàng Thị Lan', title: 'Ủy viên Ban Thường vụ', role: 'standing_committee', areaId: 'tk1', communeId: '', active: true },
    { id: 'o3', name: 'Trần Minh Đức', title: 'Huyện ủy viên', role: 'district_committee', areaId: '', communeId: 'dh', active: false },
  ];
  App = {
    ListUnits: vi.fn(async () => []),
    ListCommunes: vi.fn(async () => communes),
    ListAreas: vi.fn(async () => areas),
    ListClusters: vi.fn(async () => clusters),
    ListOfficials: vi.fn(async () => officials),
    SaveOfficial: vi.fn(async (o) => {
      const saved = { ...o, id: o.id || 'o9' };
      officials = [...officials.filter((x) => x.id !== saved.id), saved];
      return saved;
    }),
  };
  window.go = { main: { App } };
  registryLoaded.set(false);
  resetOfficialFilters();
  unitsTab.set('tree');
});
afterEach(() => {
  cleanup();
  delete window.go;
});

const rowNames = () => screen.queryAllByTestId('official-row').map((r) => r.querySelector('[data-row-button]').textContent);

describe('OfficialsPanel', () => {
  it('lists officials with role labels and assignments, and finds them without diacritics', async () => {
    render(OfficialsPanel);
    await screen.findByTestId('official-list');
    expect(rowNames()).toEqual(['Đinh Văn Hùng', 'Hoàng Thị Lan', 'Trần Minh Đức']);
    const lan = screen.getAllByTestId('official-row')[1];
    expect(within(lan).getByTestId('official-row-role').textContent).toBe('Ủy viên Ban Thường vụ');
    expect(within(lan).getByTestId('official-row-assignment').textContent).toBe('Tiểu khu 1');
    expect(screen.getAllByTestId('official-row')[2].textContent).toContain('Thôi công tác');

    const search = screen.getByTestId('official-search');
    await fireEvent.input(search, { target: { value: 'dong huong' } });
    expect(rowNames()).toEqual(['Trần Minh Đức']);
    expect(screen.getByTestId('official-count').textContent).toContain('Hiện 1 trong 3 cán bộ');
    await fireEvent.input(search, { target: { value: 'ai do' } });
    expect(screen.getByTestId('official-no-results')).toBeTruthy();
    await fireEvent.keyDown(search, { key: 'Escape' });
    expect(rowNames()).toHaveLength(3);
    await fireEvent.change(screen.getByTestId('official-role-filter'), { target: { value: 'standing_board' } });
    expect(rowNames()).toEqual(['Đinh Văn Hùng']);
  });

  it('moves with the arrow keys, opens a row with Enter and comes back to it after saving', async () => {
    render(OfficialsPanel);
    await screen.findByTestId('official-list');
    await fireEvent.keyDown(screen.getByTestId('official-search'), { key: 'ArrowDown' });
    const buttons = screen.getAllByRole('button', { name: /^Sửa “/ });
    expect(document.activeElement).toBe(buttons[0]);
    await fireEvent.keyDown(buttons[0], { key: 'ArrowDown' });
    expect(document.activeElement).toBe(buttons[1]);
    await fireEvent.keyDown(buttons[1], { key: 'End' });
    expect(document.activeElement).toBe(buttons[2]);
    await fireEvent.keyDown(buttons[2], { key: 'ArrowUp' });
    expect(document.activeElement).toBe(buttons[1]);

    await fireEvent.click(buttons[1]);
    const form = await screen.findByTestId('official-form');
    expect(within(form).getByLabelText('Tiểu khu phụ trách').value).toBe('tk1');
    await fireEvent.input(within(form).getByLabelText('Chức vụ'), { target: { value: 'Trưởng Ban Tuyên giáo' } });
    await fireEvent.submit(form);
    await screen.findByTestId('saved-notice');
    expect(App.SaveOfficial).toHaveBeenCalledWith(expect.objectContaining({ id: 'o2', title: 'Trưởng Ban Tuyên giáo', areaId: 'tk1' }));
    expect(screen.getByTestId('saved-notice').textContent).toBe('Đã lưu “Hoàng Thị Lan”.');
    await vi.waitFor(() => expect(document.activeElement?.textContent).toBe('Hoàng Thị Lan'));
  });

  it('adds an official; a refused save leaves the list as it was', async () => {
    render(OfficialsPanel);
    await screen.findByTestId('official-list');
    App.SaveOfficial.mockRejectedValueOnce({ code: 'invalid', field: 'communeId', message: 'Vai trò này phải được phân công một xã, phường.' });
    await fireEvent.click(screen.getByTestId('official-add'));
    const form = screen.getByTestId('official-form');
    await fireEvent.input(within(form).getByLabelText('Họ và tên'), { target: { value: 'Lê Văn Mới' } });
    await fireEvent.submit(form);
    await screen.findByTestId('field-error-communeId');
    expect(rowNames()).toHaveLength(3);
    await fireEvent.change(within(form).getByLabelText('Xã, phường phụ trách'), { target: { value: 'pd' } });
    await fireEvent.submit(form);
    await screen.findByTestId('saved-notice');
    await vi.waitFor(() => expect(rowNames()).toContain('Lê Văn Mới'));
  });
});

describe('GroupsPanel and CommunesPanel', () => {
  it('shows each area’s communes and the member in charge', async () => {
    render(GroupsPanel);
    const row = await screen.findByTestId('area-row');
    expect(within(row).getByTestId('area-communes').textContent).toContain('1 xã, phường: Đồng Hướng');
    expect(within(row).getByTestId('area-officials').textContent).toContain('Hoàng Thị Lan');
    expect(within(screen.getByTestId('cluster-row')).getByTestId('cluster-communes').textContent).toContain('Đồng Hướng');
  });

  it('lists communes with kind, area and cluster', async () => {
    render(CommunesPanel);
    await screen.findByTestId('commune-list');
    const rows = screen.getAllByTestId('commune-row').map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    expect(rows).toEqual([['Xã', 'Tiểu khu 1', 'Cụm xã ven biển'], ['Thị trấn', '—', '—']]);
  });
});

describe('UnitsArea', () => {
  it('switches tabs with the arrow keys and Home/End', async () => {
    render(UnitsArea);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((t) => t.textContent.trim())).toEqual(['Tổ chức đảng', 'Xã, phường', 'Tiểu khu & cụm xã', 'Cán bộ']);
    expect(tabs[0].getAttribute('aria-selected')).toBe('true');
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1, -1]);
    await fireEvent.keyDown(tabs[0], { key: 'ArrowRight' });
    expect(tabs[1].getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tabs[1]);
    expect(screen.getByRole('tabpanel').getAttribute('aria-labelledby')).toBe('tab-communes');
    await fireEvent.keyDown(tabs[1], { key: 'End' });
    expect(tabs[3].getAttribute('aria-selected')).toBe('true');
    await screen.findByTestId('official-list');
    await fireEvent.keyDown(tabs[3], { key: 'ArrowRight' });
    expect(tabs[0].getAttribute('aria-selected')).toBe('true');
    await fireEvent.keyDown(tabs[0], { key: 'ArrowLeft' });
    expect(tabs[3].getAttribute('aria-selected')).toBe('true');
    await fireEvent.keyDown(tabs[3], { key: 'Home' });
    expect(tabs[0].getAttribute('aria-selected')).toBe('true');
  });
});
