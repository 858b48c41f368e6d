// The registry beside the unit tree: communes (xã, phường, đặc khu, thị trấn), areas (tiểu khu),
// clusters (cụm xã) and officials (cán bộ) with their roles and assignments. Go sorts
// every list in Vietnamese order; a write reloads all four lists, because a renamed area
// shows in the communes and officials lists too.

import { derived, writable } from 'svelte/store';
import * as api from '../api.js';
import { fold, matchesFolded, queryWords, startsWords } from '../text.js';
import { communes as unitCommunes } from './units.js';

/** The tabs of the units area, in order. */
export const UNIT_TABS = ['tree', 'communes', 'groups', 'officials'];
export const unitsTab = writable('tree');

/** Commune kinds, as Go spells them (domain.CommuneKind). */
// Today's kinds first; thị trấn stays for registers made before the 2025 reorganisation.
export const COMMUNE_KINDS = ['xa', 'phuong', 'dac_khu', 'thi_tran'];

/** Roles in display order (domain.Roles). */
export const ROLES = ['standing_board', 'standing_committee', 'district_committee', 'org_board', 'district_cadre', 'commune_office'];

/**
 * What a role is assigned to: "area" (a Standing Committee member's tiểu khu), "commune"
 * (a District Committee member, a district cadre, a commune office) or "" (the whole committee, no assignment).
 * @param {string} role
 */
export function assignmentOf(role) {
  if (role === 'standing_committee') return 'area';
  if (role === 'district_committee' || role === 'district_cadre' || role === 'commune_office') return 'commune';
  return '';
}

export const communeList = writable([]);
export const areaList = writable([]);
export const clusterList = writable([]);
export const officialList = writable([]);
export const registryLoading = writable(false);
export const registryError = writable(null);
/** True once a load has succeeded. */
export const registryLoaded = writable(false);

const byId = (list) => new Map(list.map((x) => [x.id, x]));
export const communeById = derived(communeList, byId);
export const areaById = derived(areaList, byId);
export const clusterById = derived(clusterList, byId);

/** The name of what an official is assigned to, or "". */
export function assignmentName(o, maps) {
  const a = assignmentOf(o.role);
  if (a === 'area') return maps.areaById.get(o.areaId)?.name ?? '';
  if (a === 'commune') return maps.communeById.get(o.communeId)?.name ?? '';
  return '';
}

/**
 * Officials matching a query (every word, with or without diacritics) in their name,
 * title or assignment, and a role ("" for any). Names where the words start words come
 * first; otherwise Go's Vietnamese order is kept.
 * @param {object[]} list
 * @param {string} query
 * @param {{areaById: Map<string, object>, communeById: Map<string, object>}} maps
 * @param {string} [role]
 */
export function filterOfficials(list, query, maps, role = '') {
  const words = queryWords(query);
  const inRole = role ? list.filter((o) => o.role === role) : list;
  if (words.length === 0) return inRole;
  const first = [];
  const rest = [];
  for (const o of inRole) {
    const name = fold(o.name);
    const key = `${name} ${fold(o.title)} ${fold(assignmentName(o, maps))}`;
    if (!matchesFolded(key, words)) continue;
    (startsWords(name, words) ? first : rest).push(o);
  }
  return [...first, ...rest];
}

export const officialQuery = writable('');
export const officialRole = writable('');
export const filteredOfficials = derived(
  [officialList, officialQuery, officialRole, areaById, communeById],
  ([list, q, role, areas, communes]) => filterOfficials(list, q, { areaById: areas, communeById: communes }, role),
);

/**
 * Per area and per cluster: its communes, and for an area the Standing Committee members
 * in charge of it.
 */
export const groupMembers = derived([communeList, officialList], ([communes, officials]) => {
  const areas = new Map();
  const clusters = new Map();
  const entry = (m, id) => {
    if (!m.has(id)) m.set(id, { communes: [], officials: [] });
    return m.get(id);
  };
  for (const c of communes) {
    if (c.areaId) entry(areas, c.areaId).communes.push(c);
    if (c.clusterId) entry(clusters, c.clusterId).communes.push(c);
  }
  for (const o of officials) {
    if (o.active && assignmentOf(o.role) === 'area' && o.areaId) entry(areas, o.areaId).officials.push(o);
  }
  return { areas, clusters };
});

/** Loads the four lists. Errors go to registryError. */
export async function loadRegistry() {
  registryLoading.set(true);
  registryError.set(null);
  try {
    const [cs, as, ks, os] = await Promise.all([api.listCommunes(), api.listAreas(), api.listClusters(), api.listOfficials()]);
    communeList.set(cs);
    areaList.set(as);
    clusterList.set(ks);
    officialList.set(os);
    // The unit forms pick communes from the units store: keep it current.
    unitCommunes.set(cs);
    registryLoaded.set(true);
  } catch (err) {
    registryError.set(err);
  } finally {
    registryLoading.set(false);
  }
}

async function afterWrite(saved) {
  await loadRegistry();
  return saved;
}

/** Creates or updates; each rejects with an ApiError {code, field, message} and saves nothing then. */
export const saveCommune = async (c) => afterWrite(await api.saveCommune(c));
export const saveArea = async (a) => afterWrite(await api.saveArea(a));
export const saveCluster = async (c) => afterWrite(await api.saveCluster(c));
export const saveOfficial = async (o) => afterWrite(await api.saveOfficial(o));

/** The draft sent to Go for an official: only the assignment its role needs. */
export function officialDraft(o) {
  const a = assignmentOf(o.role);
  const committeeId = o.committeeId ?? '';
  // A commune committee's official is bound to its commune, which Go takes from the committee.
  return {
    id: o.id ?? '',
    name: o.name ?? '',
    title: o.title ?? '',
    role: o.role ?? '',
    committeeId,
    areaId: !committeeId && a === 'area' ? (o.areaId ?? '') : '',
    communeId: !committeeId && a === 'commune' ? (o.communeId ?? '') : '',
    active: Boolean(o.active),
  };
}

/** Clears the official filters (tests, and when leaving the tab). */
export function resetOfficialFilters() {
  officialQuery.set('');
  officialRole.set('');
}
