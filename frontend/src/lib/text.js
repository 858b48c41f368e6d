// Vietnamese text matching with or without diacritics, the same rule as the Go side
// (backend/textutil): "dong huong" finds "Đảng bộ xã Đồng Hướng", "d" matches "đ".

const MARKS = /\p{Mn}/gu;
const SPACES = /\s+/gu;

/**
 * Folds s to a search key: NFD, combining marks stripped, đ/Đ → d, lowercase, runs of
 * white space collapsed to one space, trimmed.
 * @param {string} s
 * @returns {string}
 */
export function fold(s) {
  if (s == null) return '';
  return String(s)
    .normalize('NFD')
    .replace(MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(SPACES, ' ')
    .trim();
}

/**
 * Splits a query into folded words; an empty query gives no words.
 * @param {string} query
 * @returns {string[]}
 */
export function queryWords(query) {
  const q = fold(query);
  return q === '' ? [] : q.split(' ');
}

/**
 * Reports whether every word of the folded query occurs in the folded text.
 * @param {string} foldedText
 * @param {string[]} words from queryWords
 */
export function matchesFolded(foldedText, words) {
  for (const w of words) {
    if (!foldedText.includes(w)) return false;
  }
  return true;
}

/**
 * Reports whether text matches query ignoring case and diacritics. An empty query
 * matches everything.
 * @param {string} text
 * @param {string} query
 */
export function matches(text, query) {
  return matchesFolded(fold(text), queryWords(query));
}

/**
 * Reports whether every word of the query starts a word of the folded text, for ranking:
 * "dong huong" starts words of "dang bo xa dong huong" but only sits inside "lao dong -
 * thuong binh".
 * @param {string} foldedText
 * @param {string[]} words from queryWords
 */
export function startsWords(foldedText, words) {
  const padded = ` ${foldedText}`;
  return words.every((w) => padded.includes(` ${w}`));
}
