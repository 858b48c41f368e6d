import { describe, expect, it } from 'vitest';
import { ancestorNames, buildTree, childKinds, indexUnits, memberTotals, parentKinds, visibleRows } from './tree.js';

const u = (id, parentId, kind = 'subordinate_cell', extra = {}) => ({
  id, parentId, kind, name: `Unit ${id}`, status: 'active', members: 0, probationary: 0, religious: 0, ...extra,
});

const ids = (nodes) => nodes.map((n) => n.unit.id);

describe('buildTree', () => {
  it('nests children under parents in list order', () => {
    const { roots, byId } = buildTree([
      u('root', '', 'supervising_committee'),
      u('b', 'root', 'grassroots_committee'),
      u('a', 'root', 'grassroots_committee'),
      u('b1', 'b'),
      u('a1', 'a'),
      u('a2', 'a'),
    ]);
    expect(ids(roots)).toEqual(['root']);
    expect(ids(byId.get('root').children)).toEqual(['b', 'a']);
    expect(ids(byId.get('a').children)).toEqual(['a1', 'a2']);
    expect(byId.get('a2').depth).toBe(2);
    expect(byId.get('a2').parent.unit.id).toBe('a');
  });

  it('keeps a child that comes before its parent in the list', () => {
    const { roots, byId } = buildTree([u('c', 'p'), u('p', '', 'grassroots_committee')]);
    expect(ids(roots)).toEqual(['p']);
    expect(ids(byId.get('p').children)).toEqual(['c']);
  });

  it('makes an orphan whose parent is missing a root', () => {
    const { roots } = buildTree([u('root', '', 'supervising_committee'), u('lost', 'gone')]);
    expect(ids(roots)).toEqual(['root', 'lost']);
  });

  it('breaks a cycle instead of looping, keeping every unit once', () => {
    const { roots, byId } = buildTree([u('x', 'z'), u('y', 'x'), u('z', 'y'), u('self', 'self'), u('ok', '')]);
    expect(ids(roots)).toEqual(['self', 'ok', 'x']);
    expect(ids(byId.get('x').children)).toEqual(['y']);
    expect(ids(byId.get('y').children)).toEqual(['z']);
    expect(byId.get('z').children).toEqual([]);
    let count = 0;
    const walk = (ns) => ns.forEach((n) => { count++; walk(n.children); });
    walk(roots);
    expect(count).toBe(5);
  });

  it('handles an empty list and duplicate ids', () => {
    expect(buildTree([]).roots).toEqual([]);
    expect(ids(buildTree([u('a', ''), u('a', '')]).roots)).toEqual(['a']);
  });
});

describe('ancestorNames', () => {
  it('lists ancestors from the top, and stops on a cycle', () => {
    const list = [u('r', ''), u('m', 'r'), u('c', 'm'), u('p', 'q'), u('q', 'p')];
    const byId = new Map(list.map((x) => [x.id, x]));
    expect(ancestorNames(byId.get('c'), byId)).toEqual(['Unit r', 'Unit m']);
    expect(ancestorNames(byId.get('r'), byId)).toEqual([]);
    expect(ancestorNames(byId.get('p'), byId)).toEqual(['Unit q']);
  });
});

describe('memberTotals', () => {
  it('sums active cells for committees', () => {
    const tree = buildTree([
      u('root', '', 'supervising_committee'),
      u('com', 'root', 'grassroots_committee'),
      u('c1', 'com', 'subordinate_cell', { members: 10, probationary: 1, religious: 3 }),
      u('c2', 'com', 'subordinate_cell', { members: 5, religious: 1 }),
      u('gone', 'com', 'subordinate_cell', { members: 99, status: 'closed' }),
      u('gc', 'root', 'grassroots_cell', { members: 7 }),
    ]);
    const t = memberTotals(tree);
    expect(t.get('com')).toEqual({ members: 15, probationary: 1, religious: 4 });
    expect(t.get('root')).toEqual({ members: 22, probationary: 1, religious: 4 });
    expect(t.get('gone').members).toBe(99); // a closed cell still shows its own counts
  });
});

describe('visibleRows', () => {
  const tree = buildTree([
    u('r', '', 'supervising_committee'),
    u('a', 'r', 'grassroots_committee'),
    u('a1', 'a'),
    u('b', 'r', 'grassroots_committee', { status: 'merged' }),
  ]);
  it('descends only into expanded nodes', () => {
    expect(ids(visibleRows(tree.roots, new Set(), true))).toEqual(['r']);
    expect(ids(visibleRows(tree.roots, new Set(['r']), true))).toEqual(['r', 'a', 'b']);
    expect(ids(visibleRows(tree.roots, new Set(['r', 'a']), true))).toEqual(['r', 'a', 'a1', 'b']);
  });
  it('hides inactive units when asked', () => {
    expect(ids(visibleRows(tree.roots, new Set(['r', 'a']), false))).toEqual(['r', 'a', 'a1']);
  });
});

describe('kinds', () => {
  it('follows domain.AllowedParent', () => {
    expect(childKinds('grassroots_committee')).toEqual(['subordinate_cell']);
    expect(childKinds('supervising_committee')).toContain('grassroots_cell');
    expect(childKinds('subordinate_cell')).toEqual([]);
    expect(parentKinds('subordinate_cell')).toEqual(['grassroots_committee']);
    expect(parentKinds('supervising_committee')).toEqual(['', 'supervising_committee']);
  });
});

describe('indexUnits', () => {
  it('folds names for search', () => {
    const idx = indexUnits([{ ...u('d', ''), name: 'Đảng bộ xã Đồng Hướng' }]);
    expect(idx.folded[0].key).toBe('dang bo xa dong huong');
    expect(idx.unitsById.get('d').name).toBe('Đảng bộ xã Đồng Hướng');
  });
});
