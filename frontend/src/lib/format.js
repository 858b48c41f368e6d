// Dates and numbers as Vietnamese officials write them: dd/mm/yyyy, 7.575.

const TZ = 'Asia/Ho_Chi_Minh';
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n) => String(n).padStart(2, '0');

function validYMD(y, m, d) {
  if (m < 1 || m > 12 || d < 1 || y < 1000 || y > 9999) return false;
  const dt = new Date(Date.UTC(y, m - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === m - 1 && dt.getUTCDate() === d;
}

/**
 * Formats a date as dd/mm/yyyy. A calendar date "yyyy-mm-dd" is shown as written (no time
 * zone shift); a timestamp (ISO text or Date) is shown in Vietnam's time zone. Empty or
 * unreadable input gives "".
 * @param {string|Date|null|undefined} value
 * @returns {string}
 */
export function formatDate(value) {
  if (value == null || value === '') return '';
  if (typeof value === 'string') {
    const m = ISO_DATE.exec(value.trim());
    if (m) return validYMD(+m[1], +m[2], +m[3]) ? `${m[3]}/${m[2]}/${m[1]}` : '';
  }
  const dt = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(dt.getTime())) return '';
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' })
      .formatToParts(dt)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.day}/${parts.month}/${parts.year}`;
}

/**
 * Parses what a person typed as d/m/yyyy (also with "-" or "." between) into "yyyy-mm-dd",
 * or null when it is not a real date. A two-digit year is of this century (31/01/27 is
 * 2027). The year may be left out (31/01): the occurrence of that day nearest to base, a
 * "yyyy-mm" or "yyyy-mm-dd" the field is about (the grid's month), else today — so typing
 * a day of a month's grid lands in that month, and a date just past is not pushed a year on.
 * @param {string} text
 * @param {string} [base]
 * @returns {string|null}
 */
export function parseDate(text, base = '') {
  const m = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(String(text ?? '').trim());
  if (!m) return null;
  const d = +m[1], mo = +m[2];
  let y;
  if (m[3]) {
    y = m[3].length === 2 ? 2000 + +m[3] : +m[3];
  } else {
    const b = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(base) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(todayISO());
    const by = +b[1], bm = +b[2], bd = +(b[3] ?? 15);
    // The nearest of last year's, this year's and next year's, by months apart.
    const dist = (yy) => Math.abs((yy - by) * 12 + (mo - bm) + (d - bd) / 31);
    y = [by - 1, by, by + 1].reduce((best, yy) => (dist(yy) < dist(best) ? yy : best), by);
  }
  return validYMD(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
}

/**
 * Today's date in Vietnam as "yyyy-mm-dd".
 * @param {Date} [now]
 */
export function todayISO(now = new Date()) {
  const [d, m, y] = formatDate(now).split('/');
  return `${y}-${m}-${d}`;
}

const numberFormat = new Intl.NumberFormat('vi-VN');

/**
 * Formats a count with Vietnamese grouping (7.575).
 * @param {number} n
 */
export function formatNumber(n) {
  return Number.isFinite(n) ? numberFormat.format(n) : '';
}

/**
 * Parses a time typed as H:mm, HH:mm, 19h30 or 7.30 into 24-hour "HH:mm", or null.
 * @param {string} text
 * @returns {string|null}
 */
export function parseTime(text) {
  const m = /^(\d{1,2})\s*[:hH.]\s*(\d{2})$/.exec(String(text ?? '').trim());
  if (!m || +m[1] > 23 || +m[2] > 59) return null;
  return `${m[1].padStart(2, '0')}:${m[2]}`;
}

/** "yyyy-mm" as "01/2027", the way a month is written on screen and paper; "" stays "". */
export function formatMonth(month) {
  const m = /^(\d{4})-(\d{2})$/.exec(month ?? '');
  return m ? `${m[2]}/${m[1]}` : (month ?? '');
}

/**
 * Reads a month typed as mm/yyyy (or m/yyyy, or yyyy-mm) into "yyyy-mm"; null when it is
 * not a real month.
 * @param {string} text
 */
export function parseMonth(text) {
  const s = String(text ?? '').trim().replace(/^tháng\s*/i, '');
  let m = /^(\d{1,2})[/.-](\d{4}|\d{2})$/.exec(s);
  let mo, y;
  if (m) [mo, y] = [+m[1], m[2].length === 2 ? 2000 + +m[2] : +m[2]];
  else if ((m = /^(\d{4})-(\d{2})$/.exec(s))) [y, mo] = [+m[1], +m[2]];
  else return null;
  return mo >= 1 && mo <= 12 && y >= 1900 && y <= 2200 ? `${y}-${pad(mo)}` : null;
}
