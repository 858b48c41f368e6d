import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { get } from 'svelte/store';
import UnitTree from '../UnitTree.svelte';
import { expanded, selectedId, showInactive, units } from '../../lib/stores/units.js';

const list = [
  { id: 'r', parentId: '', kind: 'supervising_committee', name: 'Huyện ủy Kim Sơn', status: 'active' },
  { id: 'a', parentId: 'r', kind: 'grassroots_committee', name: 'Đảng bộ xã Ân Hòa', status: 'active' },
  { id: 'a1', parentId: 'a', kind: 'subordinate_cell', name: 'Chi bộ Xóm 1', status: 'active' },
  { id: 'b', parentId: 'r', kind: 'grassroots_committee', name: 'Đảng bộ xã Cũ', status: 'closed' },
];

const names = () => screen.getAllByRole('treeitem').map((li) => li.querySelector('.name').textContent);

beforeEach(() => {
  units.set(list);
  expanded.set(new Set(['r']));
  selectedId.set('');
  showInactive.set(true);
});
afterEach(cleanup);

describe('UnitTree', () => {
  it('is a tree with levels, expanded state and greyed closed units', () => {
    render(UnitTree);
    expect(screen.getByRole('tree')).toBeTruthy();
    expect(names()).toEqual(['Huyện ủy Kim Sơn', 'Đảng bộ xã Ân Hòa', 'Đảng bộ xã Cũ']);
    const [root, a, b] = screen.getAllByRole('treeitem');
    expect(root.getAttribute('aria-expanded')).toBe('true');
    expect(a.getAttribute('aria-expanded')).toBe('false');
    expect(a.getAttribute('aria-level')).toBe('2');
    expect(b.getAttribute('aria-expanded')).toBeNull();
    expect(b.classList.contains('inactive')).toBe(true);
    expect(b.textContent).toContain('Đã giải thể');
    expect(root.tabIndex).toBe(0);
    expect(a.tabIndex).toBe(-1);
  });

  it('moves with the arrow keys, opens with Right and selects with Enter', async () => {
    render(UnitTree);
    const tree = screen.getByRole('tree');
    screen.getAllByRole('treeitem')[0].focus();
    await fireEvent.keyDown(tree, { key: 'ArrowDown' });
    expect(document.activeElement.textContent).toContain('Ân Hòa');
    await fireEvent.keyDown(tree, { key: 'ArrowRight' });
    expect(get(expanded).has('a')).toBe(true);
    await fireEvent.keyDown(tree, { key: 'ArrowRight' });
    expect(document.activeElement.textContent).toContain('Chi bộ Xóm 1');
    await fireEvent.keyDown(tree, { key: 'Enter' });
    expect(get(selectedId)).toBe('a1');
    expect(document.activeElement.getAttribute('aria-selected')).toBe('true');
    await fireEvent.keyDown(tree, { key: 'ArrowLeft' });
    expect(document.activeElement.textContent).toContain('Ân Hòa');
    await fireEvent.keyDown(tree, { key: 'ArrowLeft' });
    expect(get(expanded).has('a')).toBe(false);
    await fireEvent.keyDown(tree, { key: 'End' });
    expect(document.activeElement.textContent).toContain('Đảng bộ xã Cũ');
  });

  it('hides dissolved and merged units when the toggle is off', async () => {
    render(UnitTree);
    showInactive.set(false);
    await Promise.resolve();
    expect(names()).toEqual(['Huyện ủy Kim Sơn', 'Đảng bộ xã Ân Hòa']);
  });
});
