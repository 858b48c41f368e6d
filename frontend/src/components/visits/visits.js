// Pure helpers of the schedule and visit screens: months, grid edits, calendar weeks and
// the draft saver that autosaves a report on every change without reordering saves.

const pad = (n) => String(n).padStart(2, '0');

/** This month as "yyyy-mm". */
export function currentMonth(now = new Date()) {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}`;
}

/** The first and last day "yyyy-mm-dd" of month "yyyy-mm". */
export function monthRange(month) {
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${pad(last)}` };
}

/** Splits a grid error's field "3.place" into {row: 3, field: 'place'}; row -1 when absent. */
export function rowField(field) {
  const m = /^(\d+)\.(.*)$/.exec(field ?? '');
  return m ? { row: Number(m[1]), field: m[2] } : { row: -1, field: field ?? '' };
}

/**
 * One editable line per cell: its regular meeting of the month (or an empty new one).
 * @param {{cellId: string, cellName: string, parentName: string, schedules: any[]}[]} rows
 */
export function gridEdits(rows, month) {
  return rows.map((r) => {
    const s = r.schedules.find((x) => x.kind === 'regular' && x.status !== 'cancelled') ?? null;
    // A new line belongs to the grid's month: a date typed outside it is refused with a
    // message, never saved into the month it happens to fall in.
    const base = s ?? { id: '', cellId: r.cellId, month, date: '', startTime: '', place: '', kind: 'regular', status: 'draft', note: '' };
    return { cellName: r.cellName, parentName: r.parentName, original: s, value: { ...base }, selected: false, others: r.schedules.length - (s ? 1 : 0) };
  });
}

/** Whether an edit line differs from what is stored (a new line counts once anything is typed). */
export function changed(e) {
  const v = e.value;
  if (!e.original) return Boolean(v.date || v.startTime || v.place);
  return ['date', 'startTime', 'place', 'kind', 'note'].some((k) => (v[k] ?? '') !== (e.original[k] ?? ''));
}

/** The lines to save, with each one's index in the grid so an error can be shown on it. */
export function toSave(edits) {
  const rows = [];
  const index = [];
  edits.forEach((e, i) => {
    if (changed(e)) {
      rows.push({ ...e.value, cellName: e.cellName });
      index.push(i);
    }
  });
  return { rows, index };
}

/** Applies the non-empty bulk fields to every selected line. */
export function applyBulk(edits, bulk) {
  for (const e of edits) {
    if (!e.selected) continue;
    for (const k of ['startTime', 'place']) if (bulk[k]) e.value[k] = bulk[k];
  }
  return edits;
}

/** The weeks (Monday first) of month "yyyy-mm": arrays of 7 dates "yyyy-mm-dd" or "". */
export function calendarWeeks(month) {
  const [y, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const first = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7;
  const cells = Array(first).fill('');
  for (let d = 1; d <= days; d++) cells.push(`${month}-${pad(d)}`);
  while (cells.length % 7) cells.push('');
  const weeks = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/**
 * Autosave without reordering: push() records the newest draft and starts a save when none
 * is running; a save that ends with a newer draft waiting starts the next one. Only the
 * newest draft is ever sent after the running one, so an older draft never overwrites a
 * newer one. onstate receives 'saving', 'saved' or an error.
 * @param {(draft: any) => Promise<any>} save
 * @param {(state: string|Error) => void} [onstate]
 */
export function draftSaver(save, onstate = () => {}) {
  let pending = null;
  let running = null;
  async function run() {
    while (pending) {
      const d = pending;
      pending = null;
      onstate('saving');
      try {
        await save(d);
        if (!pending) onstate('saved');
      } catch (err) {
        onstate(err);
      }
    }
    running = null;
  }
  return {
    push(draft) {
      pending = structuredClone(draft);
      if (!running) running = run();
      return running;
    },
    /** Resolves when every pushed draft has been saved (or failed). */
    flush() {
      return running ?? Promise.resolve();
    },
  };
}
