// Arrow keys between the row buttons of a registry list: ↑/↓ to the previous/next row,
// Home/End to the first/last. The rows' buttons carry data-row-button.

const SELECTOR = '[data-row-button]';

/**
 * A keydown handler for a row button.
 * @param {KeyboardEvent} event
 */
export function rowKeys(event) {
  const moves = { ArrowDown: 1, ArrowUp: -1, Home: -Infinity, End: Infinity };
  if (!(event.key in moves)) return;
  const list = event.currentTarget.closest('[data-row-list]');
  if (!list) return;
  const buttons = [...list.querySelectorAll(SELECTOR)];
  const i = buttons.indexOf(event.currentTarget);
  if (i < 0) return;
  const step = moves[event.key];
  const j = step === -Infinity ? 0 : step === Infinity ? buttons.length - 1 : Math.min(buttons.length - 1, Math.max(0, i + step));
  event.preventDefault();
  buttons[j].focus();
}

/**
 * Focuses the row button of id inside root, else the element matching fallback.
 * @param {ParentNode|null|undefined} root
 * @param {string} id
 * @param {string} [fallback] a selector
 */
export function focusRow(root, id, fallback) {
  const esc = (s) => (globalThis.CSS?.escape ? CSS.escape(s) : String(s).replace(/["\\]/g, '\\$&'));
  const el = (id && root?.querySelector(`[data-id="${esc(id)}"] ${SELECTOR}`)) || (fallback && root?.querySelector(fallback));
  el?.focus();
  return el ?? null;
}
