import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { get } from 'svelte/store';
import {
  areaList, assignmentName, assignmentOf, communeList, filteredOfficials, filterOfficials, groupMembers, loadRegistry,
  officialDraft, officialList, officialQuery, officialRole, registryError, registryLoaded, resetOfficialFilters, ROLES,
  saveCommune, saveOfficial,
} from './registry.js';
import { communes as unitCommunes } from './units.js';

const areas = [{ id: 'tk1', name: 'Tiểu khu 1' }, { id: 'tk2', name: 'Tiểu khu 2' }];
const clusters = [{ id: 'cx', name: 'Cụm xã ven biển' }];
const communes = [
  { id: 'dh', name: 'Đồng Hướng', kind: 'xa', areaId: 'tk1', clusterId: 'cx', status: 'active' },
  { id: 'pd', name: 'Phát Diệm', kind: 'thi_tran', areaId: 'tk1', clusterId: '', status: 'active' },
  { id: 'kd', name: 'Kim Đông', kind: 'xa', areaId: 'tk2', clusterId: 'cx', status: 'active' },
];
const officials = [
  { id: 'o1', name: 'Đinh Văn Hùng', title: 'Bí thư Huyện ủy', role: 'standing_board', areaId: '', communeId: '', active: true },
  { id: 'o2', name: 'Hoàng Thị Lan', title: 'Ủy viên Ban Thường vụ', role: 'standing_committee', areaId: 'tk1', communeId: '', active: true },
  { id: 'o3', name: 'Nguyễn Văn Đông', title: 'Huyện ủy viên', role: 'district_committee', areaId: '', communeId: 'kd', active: true },
  { id: 'o4', name: 'Trần Minh Đức', title: 'Huyện ủy viên', role: 'district_committee', areaId: '', communeId: 'dh', active: true },
  { id: 'o5', name: 'Vũ Thị Mai', title: 'Chuyên viên', role: 'district_cadre', areaId: '', communeId: 'dh', active: false },
  { id: 'o6', name: 'Phạm Văn Nam', title: 'Ủy viên Ban Thường vụ', role: 'standing_committee', areaId: 'tk1', communeId: '', active: false },
];
const maps = { areaById: new Map(areas.map((a) => [a.id, a])), communeById: new Map(communes.map((c) => [c.id, c])) };
const ids = (xs) => xs.map((x) => x.id);

describe('roles', () => {
  it('lists the six roles in display order and says what each is assigned to', () => {
    expect(ROLES).toEqual(['standing_board', 'standing_committee', 'district_committee', 'org_board', 'district_cadre', 'commune_office']);
    expect(ROLES.map(assignmentOf)).toEqual(['', 'area', 'commune', '', 'commune', 'commune']);
    expect(assignmentOf('nonsense')).toBe('');
  });

  it('names the assignment of an official', () => {
    expect(officials.map((o) => assignmentName(o, maps))).toEqual(['', 'Tiểu khu 1', 'Kim Đông', 'Đồng Hướng', 'Đồng Hướng', 'Tiểu khu 1']);
    expect(assignmentName({ role: 'district_committee', communeId: 'gone' }, maps)).toBe('');
  });

  it('sends only the assignment the role needs', () => {
    const o = { name: 'A', title: 'T', areaId: 'tk1', communeId: 'dh', active: 1 };
    expect(officialDraft({ ...o, role: 'standing_committee' })).toEqual({ id: '', name: 'A', title: 'T', role: 'standing_committee', committeeId: '', areaId: 'tk1', communeId: '', active: true });
    // A commune committee's official: Go takes the commune from the committee.
    expect(officialDraft({ ...o, role: 'standing_board', committeeId: 'pdc' })).toMatchObject({ committeeId: 'pdc', areaId: '', communeId: '' });
    expect(officialDraft({ ...o, id: 'x', role: 'commune_office' })).toMatchObject({ id: 'x', areaId: '', communeId: 'dh' });
    expect(officialDraft({ ...o, role: 'org_board', active: false })).toMatchObject({ areaId: '', communeId: '', active: false });
  });
});

describe('filterOfficials', () => {
  it('keeps every official for an empty query, in the given order', () => {
    expect(ids(filterOfficials(officials, '  ', maps))).toEqual(ids(officials));
  });
  it('matches the name with or without diacritics, "d" for "đ"', () => {
    expect(ids(filterOfficials(officials, 'dinh van hung', maps))).toEqual(['o1']);
    expect(ids(filterOfficials(officials, 'HOÀNG lan', maps))).toEqual(['o2']);
    expect(ids(filterOfficials(officials, 'duc', maps))).toEqual(['o4']);
  });
  it('matches the title and the assignment, names starting with the words first', () => {
    // "dong": o3's name starts a word with it; o4 and o5 are in charge of Đồng Hướng.
    expect(ids(filterOfficials(officials, 'dong', maps))).toEqual(['o3', 'o4', 'o5']);
    expect(ids(filterOfficials(officials, 'tieu khu 1', maps))).toEqual(['o2', 'o6']);
    expect(ids(filterOfficials(officials, 'bi thu', maps))).toEqual(['o1']);
  });
  it('filters by role, alone or with a query', () => {
    expect(ids(filterOfficials(officials, '', maps, 'district_committee'))).toEqual(['o3', 'o4']);
    expect(ids(filterOfficials(officials, 'dong huong', maps, 'district_committee'))).toEqual(['o4']);
    expect(filterOfficials(officials, 'khong co ai', maps)).toEqual([]);
  });
});

describe('registry store', () => {
  let App;
  beforeEach(() => {
    App = {
      ListCommunes: vi.fn(async () => communes),
      ListAreas: vi.fn(async () => areas),
      ListClusters: vi.fn(async () => clusters),
      ListOfficials: vi.fn(async () => officials),
      SaveCommune: vi.fn(async (c) => ({ ...c, id: c.id || 'new' })),
      SaveOfficial: vi.fn(async (o) => ({ ...o, id: o.id || 'new' })),
    };
    window.go = { main: { App } };
    registryLoaded.set(false);
    resetOfficialFilters();
  });
  afterEach(() => { delete window.go; });

  it('loads the four lists and hands the communes to the unit forms', async () => {
    unitCommunes.set([]);
    await loadRegistry();
    expect(get(registryLoaded)).toBe(true);
    expect(get(communeList)).toEqual(communes);
    expect(get(areaList)).toEqual(areas);
    expect(get(officialList)).toHaveLength(6);
    expect(get(unitCommunes)).toEqual(communes);
  });

  it('filters the loaded officials from the query and role stores', async () => {
    await loadRegistry();
    officialQuery.set('dong huong');
    expect(ids(get(filteredOfficials))).toEqual(['o4', 'o5']);
    officialRole.set('district_cadre');
    expect(ids(get(filteredOfficials))).toEqual(['o5']);
  });

  it('groups communes by area and cluster, with the active Standing Committee members of each area', async () => {
    await loadRegistry();
    const { areas: byArea, clusters: byCluster } = get(groupMembers);
    expect(byArea.get('tk1').communes.map((c) => c.name)).toEqual(['Đồng Hướng', 'Phát Diệm']);
    expect(byArea.get('tk1').officials.map((o) => o.id)).toEqual(['o2']);
    expect(byArea.get('tk2').officials).toEqual([]);
    expect(byCluster.get('cx').communes.map((c) => c.id)).toEqual(['dh', 'kd']);
  });

  it('reloads after a save and resolves to what Go saved', async () => {
    await loadRegistry();
    const saved = await saveCommune({ id: '', name: 'Kim Sơn Mới', kind: 'thi_tran', areaId: 'tk2', clusterId: '' });
    expect(saved.id).toBe('new');
    expect(App.SaveCommune).toHaveBeenCalledWith(expect.objectContaining({ name: 'Kim Sơn Mới', kind: 'thi_tran' }));
    expect(App.ListCommunes).toHaveBeenCalledTimes(2);
  });

  it('rejects with the field at fault and reloads nothing when Go refuses', async () => {
    await loadRegistry();
    App.SaveOfficial.mockRejectedValueOnce(JSON.stringify({
      code: 'invalid', field: 'communeId', message: 'Vai trò này phải được phân công một xã, phường.',
    }));
    await expect(saveOfficial({ name: 'A', role: 'district_committee' })).rejects.toMatchObject({
      code: 'invalid', field: 'communeId', message: 'Vai trò này phải được phân công một xã, phường.',
    });
    expect(App.ListOfficials).toHaveBeenCalledTimes(1);
  });

  it('keeps the error of a failed load', async () => {
    App.ListAreas.mockRejectedValueOnce({ code: 'internal', message: 'database is locked' });
    await loadRegistry();
    expect(get(registryError)).toMatchObject({ message: 'database is locked' });
    expect(get(registryLoaded)).toBe(false);
  });
});
