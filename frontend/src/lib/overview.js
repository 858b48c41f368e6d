// The leadership's overview (Tổng quan): the period chosen on screen and the figures of
// App.Overview in the shapes the screen draws. Go counts every figure from the list the
// figure opens (store.Overview), so the screen only arranges them.

/** The overview's period from the screen's choice: a month "yyyy-mm", a quarter or a year. */
export function periodOf({ kind, month, quarter, year }) {
  if (kind === 'month') {
    if (!/^\d{4}-\d{2}$/.test(month ?? '')) return null;
    return { kind, year: Number(month.slice(0, 4)), n: Number(month.slice(5, 7)) };
  }
  const y = Number(year);
  if (!Number.isInteger(y) || y < 2000 || y > 2200) return null;
  return kind === 'quarter' ? { kind, year: y, n: Number(quarter) } : { kind: 'year', year: y, n: 0 };
}

/** The month a commune page opens on for a period: the month itself, else its last month. */
export function pageMonth(p, now = new Date()) {
  if (p.kind === 'month') return `${p.year}-${String(p.n).padStart(2, '0')}`;
  let last = p.kind === 'quarter' ? 3 * p.n : 12;
  const current = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  const m = (x) => `${p.year}-${String(x).padStart(2, '0')}`;
  while (last > 1 && m(last) > current) last--;
  return m(last);
}

/** The percentage of a part of a whole, rounded; 0 of nothing. */
export const percent = (part, whole) => (whole ? Math.round((100 * part) / whole) : 0);

/** The communes worth a bar: those with a visit or a registered meeting. */
export const activeCommunes = (ov) => (ov?.communes ?? []).filter((c) => c.planned || c.scheduled);

const QUALITY_KEYS = { 'Tốt': 'grade.tot', 'Khá': 'grade.kha', 'Trung bình': 'grade.trung_binh', 'Kém': 'grade.kem' };

/** A meeting's quality (the report's value, in Vietnamese) in the UI's language; any other value as written. */
export const qualityLabel = (q, t) => (QUALITY_KEYS[q] ? t(QUALITY_KEYS[q]) : (q ?? ''));
