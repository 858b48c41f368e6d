// The unit tree, built in the browser from App.ListUnits()'s flat list.

import { fold } from './text.js';

/** Kinds whose members are counted on the unit itself (cells). */
export const CELL_KINDS = ['grassroots_cell', 'subordinate_cell'];
export const holdsMembers = (kind) => CELL_KINDS.includes(kind);

/**
 * Which kinds may sit under a parent of this kind ("" for the top level), as in
 * domain.AllowedParent.
 * @param {string} parentKind
 * @returns {string[]}
 */
export function childKinds(parentKind) {
  switch (parentKind) {
    case '':
      return ['supervising_committee'];
    case 'supervising_committee':
      return ['grassroots_committee', 'grassroots_cell', 'supervising_committee'];
    case 'grassroots_committee':
      return ['subordinate_cell'];
    default:
      return [];
  }
}

/** Kinds of parent a unit of this kind may have ("" is the top level). */
export function parentKinds(kind) {
  return ['', 'supervising_committee', 'grassroots_committee'].filter((p) => childKinds(p).includes(kind));
}

/**
 * @typedef {{unit: object, children: TreeNode[], parent: TreeNode|null, depth: number}} TreeNode
 * @typedef {{roots: TreeNode[], byId: Map<string, TreeNode>}} Tree
 */

/**
 * Builds the tree. Children keep the order of the list (Vietnamese order, from Go). A unit
 * whose parent is missing becomes a root; a cycle in bad data is broken at its first unit
 * in list order, which becomes a root, so every unit appears exactly once.
 * @param {object[]} units
 * @returns {Tree}
 */
export function buildTree(units) {
  /** @type {Map<string, TreeNode>} */
  const byId = new Map();
  for (const unit of units) {
    if (!byId.has(unit.id)) byId.set(unit.id, { unit, children: [], parent: null, depth: 0 });
  }
  const nodes = [...byId.values()];
  for (const node of nodes) {
    const parent = byId.get(node.unit.parentId);
    if (parent && parent !== node) node.parent = parent;
  }
  const placed = new Set();
  const roots = [];
  const place = (root) => {
    // Iterative depth-first walk: a deep tree cannot overflow the stack.
    root.parent = null;
    root.depth = 0;
    roots.push(root);
    placed.add(root);
    const stack = [root];
    while (stack.length) {
      const n = stack.pop();
      for (const c of childrenOf.get(n) ?? []) {
        if (placed.has(c)) continue;
        placed.add(c);
        c.depth = n.depth + 1;
        n.children.push(c);
        stack.push(c);
      }
    }
  };
  const childrenOf = new Map();
  for (const node of nodes) {
    if (!node.parent) continue;
    if (!childrenOf.has(node.parent)) childrenOf.set(node.parent, []);
    childrenOf.get(node.parent).push(node);
  }
  for (const node of nodes) if (!node.parent) place(node);
  for (const node of nodes) if (!placed.has(node)) place(node); // cycles
  return { roots, byId };
}

/**
 * Names of the ancestors of a unit from the top down, guarded against cycles.
 * @param {object} unit
 * @param {Map<string, object>} unitsById id → unit
 * @returns {string[]}
 */
export function ancestorNames(unit, unitsById) {
  const names = [];
  const seen = new Set([unit.id]);
  for (let p = unitsById.get(unit.parentId); p && !seen.has(p.id); p = unitsById.get(p.parentId)) {
    seen.add(p.id);
    names.unshift(p.name);
  }
  return names;
}

/**
 * Member totals of every node: a cell's own counts; a committee's sum over the active
 * cells below it.
 * @param {Tree} tree
 * @returns {Map<string, {members: number, probationary: number, religious: number}>}
 */
export function memberTotals(tree) {
  const totals = new Map();
  const order = [];
  const stack = [...tree.roots];
  while (stack.length) {
    const n = stack.pop();
    order.push(n);
    stack.push(...n.children);
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const n = order[i];
    const u = n.unit;
    const t = { members: 0, probationary: 0, religious: 0 };
    if (holdsMembers(u.kind)) {
      t.members = u.members || 0;
      t.probationary = u.probationary || 0;
      t.religious = u.religious || 0;
    }
    for (const c of n.children) {
      if (c.unit.status !== 'active') continue;
      const ct = totals.get(c.unit.id);
      t.members += ct.members;
      t.probationary += ct.probationary;
      t.religious += ct.religious;
    }
    totals.set(u.id, t);
  }
  return totals;
}

/**
 * The rows a tree view shows: nodes in depth-first order, descending only into expanded
 * nodes; inactive (closed, merged) units left out unless showInactive.
 * @param {TreeNode[]} roots
 * @param {Set<string>} expanded ids of expanded nodes
 * @param {boolean} showInactive
 * @returns {TreeNode[]}
 */
export function visibleRows(roots, expanded, showInactive) {
  const rows = [];
  const walk = (list) => {
    for (const n of list) {
      if (!showInactive && n.unit.status !== 'active') continue;
      rows.push(n);
      if (expanded.has(n.unit.id)) walk(n.children);
    }
  };
  walk(roots);
  return rows;
}

/**
 * Builds everything the units screen needs from a list, once per load: the tree, a map of
 * units by id, folded names for search and member totals.
 * @param {object[]} units
 */
export function indexUnits(units) {
  const tree = buildTree(units);
  const unitsById = new Map(units.map((u) => [u.id, u]));
  const folded = units.map((u) => ({ unit: u, key: fold(u.name) }));
  return { units, tree, unitsById, folded, totals: memberTotals(tree) };
}
