// What the signed-in account's screens show: the areas of its role, the commune and the
// official it works as. The server still decides what each account receives and may
// write; this only keeps off screen what the role cannot do (a commune office does not
// plan visits: the plan is kept from it) and opens lists on the user's own.

import { AREAS as ALL } from './stores/app.js';

/**
 * The areas of the navigation for an account (null: nobody signed in, every area).
 * @param {{role?: string}|null} account
 */
export function areasFor(account) {
  if (account?.role === 'commune_office') return ALL.filter((a) => a !== 'overview' && a !== 'visits');
  return ALL;
}

/**
 * The communes a list offers the account, and the one it opens on: an account held in a
 * commune (its office, its committee) sees that commune only; an area's member the
 * communes of his area; the top committee every commune, opening on the last one chosen.
 * @param {any[]} communes active communes
 * @param {{communeId?: string, areaId?: string}|null} account
 * @param {string} [last] the commune chosen last time on this desktop
 */
export function communesFor(communes, account, last = '') {
  let list = communes;
  // An account held in a commune lists that commune only, even before it has synced.
  if (account?.communeId) list = communes.filter((c) => c.id === account.communeId);
  else if (account?.areaId) list = communes.filter((c) => c.areaId === account.areaId);
  if (list.length === 0 && !account?.communeId) list = communes;
  const open = list.find((c) => c.id === last)?.id ?? list[0]?.id ?? '';
  return { list, open };
}

/**
 * The official the account is, when the registry says so unambiguously: the one active
 * official of its role in its committee (and its commune or area when it has one).
 * @param {any[]} officials
 * @param {{role?: string, committeeId?: string, communeId?: string, areaId?: string}|null} account
 */
export function ownOfficial(officials, account) {
  if (!account?.role) return '';
  const mine = officials.filter((o) => o.active && o.role === account.role && (o.committeeId ?? '') === (account.committeeId ?? '') &&
    (!account.communeId || o.communeId === account.communeId) && (!account.areaId || o.areaId === account.areaId));
  return mine.length === 1 ? mine[0].id : '';
}
