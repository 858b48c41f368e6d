import { describe, expect, it } from 'vitest';
import { fold, matches, queryWords, startsWords } from './text.js';

describe('fold', () => {
  it.each([
    ['Đảng bộ xã Đồng Hướng', 'dang bo xa dong huong'],
    ['  Kim   Sơn\t ', 'kim son'],
    ['ĐĐđ', 'ddd'],
    ['Ân Hòa', 'an hoa'],
    ['Chi bộ Xóm 99', 'chi bo xom 99'],
    ['', ''],
  ])('%j → %j', (input, want) => {
    expect(fold(input)).toBe(want);
  });

  it('folds decomposed (NFD) input the same as composed', () => {
    const nfd = 'Đồng Hướng'.normalize('NFD');
    expect(nfd).not.toBe('Đồng Hướng');
    expect(fold(nfd)).toBe('dong huong');
  });

  it('tolerates null and numbers', () => {
    expect(fold(null)).toBe('');
    expect(fold(undefined)).toBe('');
    expect(fold(42)).toBe('42');
  });
});

describe('matches', () => {
  it.each([
    ['Đảng bộ xã Đồng Hướng', 'dong huong', true],
    ['Đảng bộ xã Đồng Hướng', 'Đồng Hướng', true],
    ['Đảng bộ xã Đồng Hướng', 'DONG   HUONG', true],
    ['Đảng bộ xã Đồng Hướng', 'huong dong', true], // every word, any order
    ['Đảng bộ xã Đồng Hướng', 'd', true], // d matches đ
    ['Đảng bộ xã Đồng Hướng', 'đ', true],
    ['Đảng bộ xã Đồng Hướng', 'dong hung', false],
    ['Huyện ủy Kim Sơn', 'kim son', true],
    ['Huyện ủy Kim Sơn', 'kim sơn', true],
    ['Huyện ủy Kim Sơn', 'kim son x', false],
    ['Chi bộ Xóm 9', '', true],
    ['Chi bộ Xóm 9', '   ', true],
  ])('%j ~ %j = %s', (text, query, want) => {
    expect(matches(text, query)).toBe(want);
  });

  it('matches an NFD query against NFC text and the other way round', () => {
    expect(matches('Đồng Hướng', 'Hướng'.normalize('NFD'))).toBe(true);
    expect(matches('Đồng Hướng'.normalize('NFD'), 'hướng')).toBe(true);
  });
});

describe('queryWords', () => {
  it('splits a folded query into words', () => {
    expect(queryWords('  Đồng  Hướng ')).toEqual(['dong', 'huong']);
    expect(queryWords('')).toEqual([]);
  });
});

describe('startsWords', () => {
  it('tells a match at word starts from one inside words', () => {
    const words = queryWords('dong huong');
    expect(startsWords(fold('Đảng bộ xã Đồng Hướng'), words)).toBe(true);
    expect(startsWords(fold('Chi bộ Phòng Lao động - Thương binh và Xã hội'), words)).toBe(false);
    expect(startsWords('abc', [])).toBe(true);
  });
});
