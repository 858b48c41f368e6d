import { describe, expect, it } from 'vitest';
import { areasFor, communesFor, ownOfficial } from './roles.js';

const communes = [{ id: 'ah', name: 'Ân Hòa', areaId: 'a1' }, { id: 'pd', name: 'Phát Diệm', areaId: 'a2' }, { id: 'kd', name: 'Kim Đông', areaId: 'a2' }];

describe('screens follow the account', () => {
  it('keeps planning and the leadership overview off a commune office', () => {
    expect(areasFor({ role: 'commune_office' })).not.toContain('visits');
    expect(areasFor({ role: 'commune_office' })).not.toContain('overview');
    expect(areasFor({ role: 'commune_office' })).toContain('schedules');
    expect(areasFor({ role: 'standing_board' })).toContain('visits');
    expect(areasFor(null)).toHaveLength(9);
  });
  it('opens on the account’s own commune, or the area’s, or the last one chosen', () => {
    expect(communesFor(communes, { communeId: 'pd' })).toEqual({ list: [communes[1]], open: 'pd' });
    expect(communesFor(communes, { areaId: 'a2' }, 'kd')).toEqual({ list: [communes[1], communes[2]], open: 'kd' });
    expect(communesFor(communes, {}, 'kd').open).toBe('kd');
    expect(communesFor(communes, {}, 'gone').open).toBe('ah');
    expect(communesFor([], {}).open).toBe('');
    expect(communesFor(communes, { communeId: 'gone' }).list).toEqual([]); // never another commune's
  });
  it('knows the official an account is when only one fits', () => {
    const os = [{ id: 'o1', active: true, role: 'district_cadre', communeId: 'pd', committeeId: '' },
      { id: 'o2', active: true, role: 'district_cadre', communeId: 'kd', committeeId: '' },
      { id: 'o3', active: true, role: 'standing_board', committeeId: '' }, { id: 'o4', active: true, role: 'standing_board', committeeId: '' }];
    expect(ownOfficial(os, { role: 'district_cadre', communeId: 'pd' })).toBe('o1');
    expect(ownOfficial(os, { role: 'standing_board' })).toBe(''); // two: the person chooses
    expect(ownOfficial(os, null)).toBe('');
  });
});
