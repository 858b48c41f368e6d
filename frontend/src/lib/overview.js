// The leadership's overview (Tổng quan), computed from the lists it summarizes, so that
// every figure is the count of the list it opens: the month's round overview, the
// month's scoring report, the year's matters and the remediation items.

const QUALITIES = ['Tốt', 'Khá', 'Trung bình', 'Kém'];

/**
 * @param {{round: any, scoring: any, matters: any[], items: any[]}} data
 */
export function summarize({ round, scoring, matters = [], items = [] }) {
  const total = round?.total ?? {};
  const quality = Object.fromEntries(QUALITIES.map((q) => [q, 0]));
  for (const r of round?.reports ?? []) {
    const q = r.report?.values?.quality;
    if (q in quality) quality[q]++;
  }
  const bySource = {};
  for (const m of matters) {
    const s = (bySource[m.source] ??= { open: 0, overdue: 0, resolved: 0 });
    if (m.state === 'resolved') s.resolved++;
    else if (!['partly', 'not_resolved'].includes(m.state)) s.open++;
    if (m.overdue) s.overdue++;
  }
  return {
    coverage: { cells: total.cells ?? 0, scheduled: total.scheduled ?? 0, percent: total.cells ? Math.round((100 * (total.scheduled ?? 0)) / total.cells) : 0 },
    visits: { planned: total.planned ?? 0, attended: total.attended ?? 0, reported: total.reported ?? 0 },
    communes: (round?.communes ?? []).map((c) => ({ id: c.id, name: c.name, planned: c.planned, reported: c.reported, scheduled: c.scheduled, cells: c.cells })),
    quality,
    grades: scoring?.distribution ?? {},
    notSubmitted: (scoring?.notSubmitted ?? []).length,
    matters: bySource,
    remediation: { items: items.length, remedied: items.filter((i) => i.verdict === 'remedied').length, overdue: items.filter((i) => i.overdue).length },
  };
}
