import { describe, expect, it } from 'vitest';
import { plannableOfficials, profileOf, roleLabel } from './committees.js';

const profiles = [
  { committeeId: 'prov', communeId: '', shortName: 'Tỉnh ủy Ninh Bình', orgBoard: 'Ban Tổ chức Tỉnh ủy', top: true },
  { committeeId: 'ks', communeId: '', shortName: 'Huyện ủy Kim Sơn', orgBoard: 'Ban Tổ chức Huyện ủy' },
  { committeeId: 'pdc', communeId: 'pd', shortName: 'Đảng ủy xã Phát Diệm', orgBoard: 'Ban Xây dựng Đảng Đảng ủy xã Phát Diệm' },
];
const tr = (key, p = {}) => ({
  'roleOf.standing_board': `Thường trực ${p.c}`,
  'roleOf.commune_office': `Văn phòng ${p.c}`,
  'role.standing_board': 'Thường trực Huyện ủy',
}[key] ?? key);

describe('role labels come from the committee', () => {
  it('names the top committee, a commune committee and an office from their profiles', () => {
    expect(roleLabel(tr, profiles, { role: 'standing_board' })).toBe('Thường trực Tỉnh ủy Ninh Bình');
    expect(roleLabel(tr, profiles, { role: 'standing_board', committeeId: 'pdc' })).toBe('Thường trực Đảng ủy xã Phát Diệm');
    expect(roleLabel(tr, profiles, { role: 'org_board', committeeId: 'pdc' })).toBe('Ban Xây dựng Đảng Đảng ủy xã Phát Diệm');
    expect(roleLabel(tr, profiles, { role: 'commune_office', communeId: 'pd' })).toBe('Văn phòng Đảng ủy xã Phát Diệm');
    expect(profileOf(profiles, { role: 'district_cadre' }).committeeId).toBe('prov');
  });
  it('keeps the fixed labels where no profile is recorded (Kim Sơn 2018)', () => {
    expect(roleLabel(tr, [], { role: 'standing_board' })).toBe('Thường trực Huyện ủy');
  });
});

describe('plannable officials', () => {
  const os = [
    { id: 'a', role: 'district_cadre', committeeId: '', active: true },
    { id: 'b', role: 'district_committee', committeeId: 'pdc', active: true },
    { id: 'c', role: 'commune_office', committeeId: '', active: true },
    { id: 'd', role: 'district_cadre', committeeId: '', active: false },
  ];
  it('offers only the signed-in committee’s active officials', () => {
    expect(plannableOfficials(os, { committeeId: 'pdc' }).map((o) => o.id)).toEqual(['b']);
    expect(plannableOfficials(os, { committeeId: '' }).map((o) => o.id)).toEqual(['a']);
    expect(plannableOfficials(os, null).map((o) => o.id)).toEqual(['a', 'b']);
    // a commune secretary who is also a provincial committee member
    expect(plannableOfficials(os, { committeeId: 'pdc', grants: [{ role: 'district_committee', communeId: 'pd' }] }).map((o) => o.id)).toEqual(['a', 'b']);
  });
});
