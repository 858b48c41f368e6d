// Committees' profiles (domain.CommitteeProfile): how each committee signs its papers and
// how its roles are named on screen. A role's label comes from its committee's data
// ("Thường trực Tỉnh ủy Ninh Bình", "Ban Xây dựng Đảng Đảng ủy xã Phát Diệm"); the fixed
// labels of the 2018 district ("Thường trực Huyện ủy") remain where no profile is recorded.

import { writable } from 'svelte/store';
import * as api from '../api.js';

export const committeeProfiles = writable([]);

/** Loads the profiles; a failure keeps the fixed labels. */
export async function loadCommitteeProfiles() {
  try {
    committeeProfiles.set((await api.committeeProfiles()) ?? []);
  } catch {
    committeeProfiles.set([]);
  }
}

/**
 * The profile a role speaks for: its commune committee's, the office's commune committee's,
 * or the top committee's.
 * @param {Array<any>} profiles
 * @param {{role: string, committeeId?: string, communeId?: string}} who
 */
export function profileOf(profiles, who) {
  if (!who) return null;
  if (who.committeeId) return profiles.find((p) => p.committeeId === who.committeeId) ?? null;
  if (who.role === 'commune_office') return profiles.find((p) => p.communeId && p.communeId === who.communeId) ?? null;
  return profiles.find((p) => p.top) ?? null;
}

/**
 * The label of a role as its committee names it, with tr the translation function.
 * @param {(key: string, params?: object) => string} tr
 * @param {Array<any>} profiles
 * @param {{role: string, committeeId?: string, communeId?: string}} who
 */
export function roleLabel(tr, profiles, who) {
  if (!who?.role) return '';
  const p = profileOf(profiles, who);
  if (!p) return tr(`role.${who.role}`);
  if (who.role === 'org_board' && p.orgBoard) return p.orgBoard;
  return tr(`roleOf.${who.role}`, { c: p.shortName });
}

/**
 * The officials who may plan visits from this desktop: active, not an office, and of a
 * committee the signed-in account holds a role in (its own, or a grant at another level;
 * the server refuses a plan in another committee's name).
 * @param {Array<any>} officials
 * @param {{committeeId?: string, grants?: Array<{committeeId?: string}>} | null} account
 */
export function plannableOfficials(officials, account) {
  const mine = account ? new Set([account.committeeId ?? '', ...(account.grants ?? []).map((g) => g.committeeId ?? '')]) : null;
  return officials.filter((o) => o.active && o.role !== 'commune_office' && (!mine || mine.has(o.committeeId ?? '')));
}
