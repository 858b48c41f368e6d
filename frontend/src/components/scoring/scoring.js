// Pure helpers of the scoring screens: points, months, grades and the chart's geometry.
// Kept out of the components so that they are tested without a DOM.

/** Points the Vietnamese way: a decimal comma, at most two decimals, no trailing zeros. */
export function formatPoints(p) {
  if (p === null || p === undefined || Number.isNaN(p)) return '';
  return String(Math.round(p * 100) / 100).replace('.', ',');
}

/** Reads typed points: "4,5" or "4.5"; "" is no value (null); anything else NaN. */
export function parsePoints(s) {
  const t = String(s ?? '').trim().replace(',', '.');
  if (t === '') return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : NaN;
}

/** "yyyy-mm" of a date (default: now). */
export function monthOf(d = new Date()) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** "mm/yyyy" for a "yyyy-mm". */
export function monthLabel(m) {
  return /^\d{4}-\d{2}$/.test(m ?? '') ? `${m.slice(5)}/${m.slice(0, 4)}` : m ?? '';
}

/** The twelve "yyyy-mm" of a year. */
export function monthsOf(year) {
  return Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** Every line of a set in sheet order: criteria by group, then bonuses, then penalties. */
export function setLines(set) {
  if (!set) return [];
  const out = [];
  for (const g of set.groups ?? []) {
    out.push({ section: 'group', code: g.code, title: g.title, maxPoints: (g.criteria ?? []).reduce((s, c) => s + c.maxPoints, 0) });
    for (const c of g.criteria ?? []) out.push({ section: 'criterion', ...c });
  }
  for (const b of set.bonuses ?? []) out.push({ section: 'bonus', ...b });
  for (const p of set.penalties ?? []) out.push({ section: 'penalty', ...p });
  return out;
}

/**
 * Turns the form's rows {code: {points: "4,5", note}} into Scores for Go, leaving out lines
 * with no points. Returns {scores, bad}: bad lists codes whose points are not a number.
 */
export function toScores(rows) {
  const scores = {};
  const bad = [];
  for (const [code, r] of Object.entries(rows ?? {})) {
    const p = parsePoints(r.points);
    if (p === null) continue;
    if (Number.isNaN(p)) bad.push(code);
    else scores[code] = { points: p, note: (r.note ?? '').trim() };
  }
  return { scores, bad };
}

/** The form's rows of stored Scores. */
export function fromScores(scores) {
  const rows = {};
  for (const [code, s] of Object.entries(scores ?? {})) rows[code] = { points: formatPoints(s.points), note: s.note ?? '' };
  return rows;
}

/**
 * Geometry of the twelve-month chart: points in an SVG box of width w and height h with
 * padding pad; the y scale runs from 0 to max. Months without a total are gaps (the
 * polyline breaks there). Bands are the grade thresholds as horizontal lines.
 */
export function chartGeometry(points, thresholds, max, w = 640, h = 260, pad = 36) {
  const top = Math.max(max || 100, 1);
  const x = (i) => pad + (i * (w - 2 * pad)) / 11;
  const y = (v) => h - pad - (v / top) * (h - 2 * pad);
  const dots = [];
  const segments = [];
  let seg = [];
  (points ?? []).forEach((p, i) => {
    if (p.total === null || p.total === undefined) {
      if (seg.length) segments.push(seg);
      seg = [];
      return;
    }
    const d = { x: x(i), y: y(p.total), total: p.total, grade: p.grade, month: p.month, status: p.status };
    dots.push(d);
    seg.push(d);
  });
  if (seg.length) segments.push(seg);
  const lines = segments.map((s) => s.map((d) => `${d.x.toFixed(1)},${d.y.toFixed(1)}`).join(' '));
  const bands = (thresholds ?? []).filter((t) => t.min > 0).map((t) => ({ grade: t.grade, min: t.min, y: y(t.min) }));
  const ticks = Array.from({ length: 12 }, (_, i) => ({ x: x(i), label: String(i + 1) }));
  return { dots, lines, bands, ticks, x, y };
}

/** Saves base64 data as a file through a download link (browser mode and the webview). */
export function downloadBase64(base64, filename, mime) {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Browser mode (the dev server on a port, as in the end-to-end tests) downloads files; the
 * desktop window cannot follow a download link, so there the save dialog writes them.
 */
export function browserMode(loc = globalThis.location) {
  return Boolean(loc?.port);
}

/**
 * Gets a file to the person: exportFn() resolves to base64 for a download in browser mode;
 * saveFn() shows the desktop's save dialog and resolves to the path ("" when cancelled).
 * Resolves to the path, the file name downloaded, or "".
 */
export async function deliverFile(saveFn, exportFn, filename, mime) {
  if (!browserMode()) return saveFn();
  downloadBase64(await exportFn(), filename, mime);
  return filename;
}

/** Reads a chosen File as base64 (without the data: prefix). */
export function fileToBase64(file) {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result).split(',')[1] ?? '');
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const cents = (x) => Math.round(Number(x) * 100);

/**
 * The total of the points on screen, as Go computes it when saved (CriteriaSet.Total):
 * each line between 0 and its maximum, bonuses up to the set's cap, penalties up to
 * theirs, never below 0; graded by the set's thresholds (best first). Lines with no or
 * bad points count nothing. {total, grade}; null without a set.
 */
export function liveTotal(set, rows) {
  if (!set) return null;
  const { scores } = toScores(rows);
  const sums = [0, 0, 0];
  const add = (i, code, max) => {
    if (scores[code]) sums[i] += Math.min(Math.max(cents(scores[code].points), 0), cents(max));
  };
  for (const g of set.groups ?? []) for (const c of g.criteria ?? []) add(0, c.code, c.maxPoints);
  for (const b of set.bonuses ?? []) add(1, b.code, b.maxPoints);
  for (const p of set.penalties ?? []) add(2, p.code, p.maxPoints);
  if (cents(set.bonusCap) > 0) sums[1] = Math.min(sums[1], cents(set.bonusCap));
  if (cents(set.penaltyCap) > 0) sums[2] = Math.min(sums[2], cents(set.penaltyCap));
  const total = Math.max(sums[0] + sums[1] - sums[2], 0);
  const grade = (set.thresholds ?? []).find((t) => total >= cents(t.min))?.grade ?? 'kem';
  return { total: total / 100, grade };
}
