// One confirmation for irreversible and outward actions (issue 14): the action's name,
// its consequence in words, and two buttons. ConfirmDialog (mounted once in App) shows
// the pending question; confirm() resolves true when the person confirms.

import { writable } from 'svelte/store';

/** The question shown, or null: {title, consequence, action, resolve}. */
export const question = writable(null);

/**
 * Asks before acting.
 * @param {{title: string, consequence: string, action: string}} q the action's name, what
 *   will happen in words, the confirming button's label
 * @returns {Promise<boolean>}
 */
export function confirm(q) {
  return new Promise((resolve) => {
    question.update((prev) => {
      prev?.resolve(false); // a second question replaces an unanswered first
      return { ...q, resolve };
    });
  });
}

/** Answers the pending question. */
export function answer(yes) {
  question.update((q) => {
    q?.resolve(Boolean(yes));
    return null;
  });
}
