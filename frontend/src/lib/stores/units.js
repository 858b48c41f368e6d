// The unit registry as the units screen sees it: the list from Go, its tree and index, the
// selection, the expanded nodes and the search. Every write reloads the list, because a
// merge or a move changes other units too.

import { derived, get, writable } from 'svelte/store';
import * as api from '../api.js';
import { indexUnits } from '../tree.js';
import { matchesFolded, queryWords, startsWords } from '../text.js';
import { ancestorNames } from '../tree.js';

export const units = writable([]);
export const communes = writable([]);
export const loading = writable(false);
export const loadError = writable(null);
/** indexUnits() of the current list: tree, unitsById, folded names, member totals. */
export const index = derived(units, (list) => indexUnits(list));
export const communesById = derived(communes, (list) => new Map(list.map((c) => [c.id, c])));

export const selectedId = writable('');
export const expanded = writable(new Set());
export const showInactive = writable(true);
export const query = writable('');

/** The selected unit, or null. */
export const selected = derived([index, selectedId], ([idx, id]) => idx.unitsById.get(id) ?? null);

export const SEARCH_LIMIT = 200;

/**
 * Finds units whose folded name holds every word of q, active ones first, each with its
 * ancestors' names. Local and synchronous: no round trip per keystroke.
 */
export function searchIndex(idx, q, withInactive, limit = SEARCH_LIMIT) {
  const words = queryWords(q);
  if (words.length === 0) return { hits: [], total: 0 };
  // Active before inactive; within each, names where every word starts a word first.
  const groups = [[], [], [], []];
  for (const { unit, key } of idx.folded) {
    if (!matchesFolded(key, words)) continue;
    const active = unit.status === 'active';
    if (!active && !withInactive) continue;
    groups[(active ? 0 : 2) + (startsWords(key, words) ? 0 : 1)].push(unit);
  }
  const all = groups.flat();
  const hits = all.slice(0, limit).map((unit) => ({ unit, path: ancestorNames(unit, idx.unitsById) }));
  return { hits, total: all.length };
}

export const results = derived([index, query, showInactive], ([idx, q, inc]) => searchIndex(idx, q, inc));

/** Loads the units and communes. The first load expands the top level. */
export async function loadUnits() {
  loading.set(true);
  loadError.set(null);
  try {
    const [list, cs] = await Promise.all([api.listUnits(), api.listCommunes()]);
    const first = get(units).length === 0;
    units.set(list);
    communes.set(cs);
    if (first) expanded.set(new Set(get(index).tree.roots.map((n) => n.unit.id)));
  } catch (err) {
    loadError.set(err);
  } finally {
    loading.set(false);
  }
}

/** Expands every ancestor of id so that it shows in the tree. */
export function reveal(id) {
  const idx = get(index);
  const open = new Set(get(expanded));
  const seen = new Set();
  for (let n = idx.tree.byId.get(id)?.parent; n && !seen.has(n); n = n.parent) {
    seen.add(n);
    open.add(n.unit.id);
  }
  expanded.set(open);
}

export function select(id) {
  selectedId.set(id);
  if (id) reveal(id);
}

export function toggle(id, open) {
  const s = new Set(get(expanded));
  const want = open ?? !s.has(id);
  if (want) s.add(id);
  else s.delete(id);
  expanded.set(s);
}

export function collapseAll() {
  expanded.set(new Set());
}

async function afterWrite(unit) {
  await loadUnits();
  if (unit?.id) select(unit.id);
  return unit;
}

/** Creates or updates a unit. Rejects with an ApiError; nothing is saved then. */
export async function saveUnit(unit) {
  return afterWrite(await api.saveUnit(unit));
}

export async function moveUnit(id, parentId) {
  return afterWrite(await api.moveUnit(id, parentId));
}

export async function mergeUnit(id, intoId) {
  return afterWrite(await api.mergeUnit(id, intoId));
}

export async function closeUnit(id, on) {
  return afterWrite(await api.closeUnit(id, on));
}
