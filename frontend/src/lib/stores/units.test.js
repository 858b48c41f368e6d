import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { get } from 'svelte/store';
import {
  expanded, index, loadUnits, query, results, saveUnit, searchIndex, select, selected, selectedId, showInactive, units,
} from './units.js';
import { indexUnits } from '../tree.js';

const list = [
  { id: 'r', parentId: '', kind: 'supervising_committee', name: 'Huyện ủy Kim Sơn', status: 'active' },
  { id: 'dh', parentId: 'r', kind: 'grassroots_committee', name: 'Đảng bộ xã Đồng Hướng', status: 'active' },
  { id: 'x1', parentId: 'dh', kind: 'subordinate_cell', name: 'Chi bộ Xóm 1', status: 'active', members: 10 },
  { id: 'x2', parentId: 'dh', kind: 'subordinate_cell', name: 'Chi bộ Xóm 2', status: 'merged', members: 0 },
  { id: 'kd', parentId: 'r', kind: 'grassroots_committee', name: 'Đảng bộ xã Kim Đông', status: 'active' },
];
const withLabour = [
  { id: 'ld', parentId: 'r', kind: 'grassroots_cell', name: 'Chi bộ Phòng Lao động - Thương binh và Xã hội', status: 'active' },
  ...list,
];

describe('searchIndex', () => {
  const idx = indexUnits(list);
  it('finds with or without diacritics, with the ancestor path', () => {
    const { hits, total } = searchIndex(idx, 'dong huong', true);
    expect(total).toBe(1);
    expect(hits[0].unit.id).toBe('dh');
    expect(hits[0].path).toEqual(['Huyện ủy Kim Sơn']);
  });
  it('ranks names where the words start words first', () => {
    const hits = searchIndex(indexUnits(withLabour), 'dong huong', true).hits.map((h) => h.unit.id);
    expect(hits).toEqual(['dh', 'ld']);
  });
  it('lists active units first and leaves inactive ones out on request', () => {
    expect(searchIndex(idx, 'xom', true).hits.map((h) => h.unit.id)).toEqual(['x1', 'x2']);
    expect(searchIndex(idx, 'xom', false).hits.map((h) => h.unit.id)).toEqual(['x1']);
    expect(searchIndex(idx, 'Xóm 1', true).hits[0].path).toEqual(['Huyện ủy Kim Sơn', 'Đảng bộ xã Đồng Hướng']);
  });
  it('"d" matches "đ"; an empty query finds nothing; the limit caps hits not the total', () => {
    expect(searchIndex(idx, 'd', true).hits.map((h) => h.unit.id)).toEqual(['dh', 'kd']);
    expect(searchIndex(idx, '  ', true)).toEqual({ hits: [], total: 0 });
    const capped = searchIndex(idx, 'd', true, 1);
    expect(capped.hits.length).toBe(1);
    expect(capped.total).toBe(2);
  });
});

describe('units store', () => {
  let App;
  beforeEach(() => {
    units.set([]);
    selectedId.set('');
    expanded.set(new Set());
    query.set('');
    showInactive.set(true);
    App = {
      ListUnits: vi.fn(async () => list),
      ListCommunes: vi.fn(async () => []),
      SaveUnit: vi.fn(async (u) => ({ ...u, id: 'new' })),
    };
    window.go = { main: { App } };
  });
  afterEach(() => { delete window.go; });

  it('loads, expands the top level, and searches locally', async () => {
    await loadUnits();
    expect(get(index).units).toHaveLength(5);
    expect([...get(expanded)]).toEqual(['r']);
    query.set('kim dong');
    expect(get(results).hits.map((h) => h.unit.name)).toEqual(['Đảng bộ xã Kim Đông']);
    expect(App.ListUnits).toHaveBeenCalledTimes(1);
  });

  it('selecting reveals the unit in the tree', async () => {
    await loadUnits();
    select('x1');
    expect(get(selected).name).toBe('Chi bộ Xóm 1');
    expect(get(expanded).has('dh')).toBe(true);
  });

  it('reloads and selects the saved unit', async () => {
    await loadUnits();
    const saved = await saveUnit({ id: '', parentId: 'dh', name: 'Chi bộ Xóm 99' });
    expect(saved.id).toBe('new');
    expect(App.ListUnits).toHaveBeenCalledTimes(2);
    expect(get(selectedId)).toBe('new');
  });

  it('leaves the list untouched when Go refuses', async () => {
    await loadUnits();
    App.SaveUnit.mockRejectedValueOnce({ code: 'invalid', field: 'name', message: 'Tên trống' });
    await expect(saveUnit({ name: '' })).rejects.toMatchObject({ field: 'name', message: 'Tên trống' });
    expect(App.ListUnits).toHaveBeenCalledTimes(1);
  });
});
