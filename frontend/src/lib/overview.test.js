import { describe, expect, it } from 'vitest';
import { summarize } from './overview.js';

describe('the overview', () => {
  it('counts what its lists hold', () => {
    const s = summarize({
      round: { total: { cells: 10, scheduled: 8, planned: 4, attended: 3, reported: 2 }, communes: [{ id: 'c', name: 'Phát Diệm', planned: 4, reported: 2 }],
        reports: [{ report: { values: { quality: 'Tốt' } } }, { report: { values: { quality: 'Kém' } } }] },
      scoring: { distribution: { tot: 3 }, notSubmitted: [{}, {}] },
      matters: [{ source: 'urgent', state: 'registered', overdue: true }, { source: 'urgent', state: 'resolved' }, { source: 'dialogue', state: 'in_progress' }],
      items: [{ verdict: 'remedied' }, { verdict: '', overdue: true }],
    });
    expect(s.coverage).toEqual({ cells: 10, scheduled: 8, percent: 80 });
    expect(s.visits).toEqual({ planned: 4, attended: 3, reported: 2 });
    expect(s.quality).toEqual({ Tốt: 1, Khá: 0, 'Trung bình': 0, Kém: 1 });
    expect(s.notSubmitted).toBe(2);
    expect(s.matters.urgent).toEqual({ open: 1, overdue: 1, resolved: 1 });
    expect(s.remediation).toEqual({ items: 2, remedied: 1, overdue: 1 });
  });
  it('is all zeros with nothing', () => {
    expect(summarize({}).coverage.percent).toBe(0);
  });
});
