import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';

vi.mock('../../lib/api.js', () => ({
  monthReport: vi.fn(),
  getScoreSheet: vi.fn(),
  scoringAudit: vi.fn(async () => []),
  saveSelfAssessment: vi.fn(),
  saveReview: vi.fn(),
  approveScoreSheet: vi.fn(),
  unlockScoreSheet: vi.fn(),
}));
import * as api from '../../lib/api.js';
import SheetEditor from './SheetEditor.svelte';

const set = {
  id: 's1', name: 'Bộ mẫu', version: 1, example: true,
  groups: [{ code: 'I', title: 'Chính trị', criteria: [{ code: '1.1', title: 'Quán triệt', maxPoints: 5 }, { code: '1.2', title: 'Học tập', maxPoints: 5 }] }],
  bonuses: [], penalties: [{ code: 'P1', title: 'Kỷ luật', maxPoints: 5 }],
};
const sheet = (over = {}) => ({
  id: 'sh1', unitId: 'u1', unitName: 'Đảng bộ xã Đồng Hướng', month: '2018-03', set, status: 'submitted',
  self: { '1.1': { points: 5, note: 'biên bản' }, '1.2': { points: 4.5, note: '' } }, selfNote: '',
  selfTotal: { total: 9.5, grade: 'kem' }, review: null, verifiedTotal: null, ...over,
});
const units = [{ unitId: 'u1', unitName: 'Đảng bộ xã Đồng Hướng' }];

beforeEach(() => vi.clearAllMocks());
afterEach(() => cleanup());

describe('SheetEditor', () => {
  it('shows the self-assessment with decimal commas and refuses points that are not numbers before calling Go', async () => {
    api.getScoreSheet.mockResolvedValue(sheet());
    render(SheetEditor, { month: '2018-03', unitId: 'u1', units });
    const p12 = await screen.findByTestId('sc-self-1.2');
    expect(p12.value).toBe('4,5');
    await fireEvent.input(p12, { target: { value: 'bốn' } });
    await fireEvent.click(screen.getByTestId('sc-submit'));
    expect((await screen.findByTestId('sc-error')).textContent).toMatch(/Điểm không hợp lệ ở: 1\.2/);
    expect(api.saveSelfAssessment).not.toHaveBeenCalled();
  });

  it('sends typed points as numbers and leaves empty lines out', async () => {
    api.getScoreSheet.mockResolvedValue(sheet());
    api.saveSelfAssessment.mockResolvedValue(sheet());
    render(SheetEditor, { month: '2018-03', unitId: 'u1', units });
    await fireEvent.input(await screen.findByTestId('sc-self-1.2'), { target: { value: '3,5' } });
    await fireEvent.click(screen.getByTestId('sc-submit'));
    await waitFor(() => expect(api.saveSelfAssessment).toHaveBeenCalled());
    expect(api.saveSelfAssessment).toHaveBeenCalledWith('u1', '2018-03',
      { '1.1': { points: 5, note: 'biên bản' }, '1.2': { points: 3.5, note: '' } }, '', true);
  });

  it('locks an approved month and shows Go\'s refusal of an unlock without a reason', async () => {
    api.getScoreSheet.mockResolvedValue(sheet({ status: 'approved', locked: true,
      review: { approved: true, verified: { '1.1': { points: 4, note: '' }, '1.2': { points: 4, note: '' } }, comment: '' },
      verifiedTotal: { total: 8, grade: 'kem' } }));
    api.unlockScoreSheet.mockRejectedValue({ code: 'invalid', message: 'Phải ghi lý do mở khóa phiếu chấm điểm đã duyệt.' });
    render(SheetEditor, { month: '2018-03', unitId: 'u1', units });
    await screen.findByTestId('sc-locked');
    expect(screen.getByTestId('sc-self-1.1').disabled).toBe(true);
    expect(screen.getByTestId('sc-verified-1.1').value).toBe('4');
    expect(screen.queryByTestId('sc-approve')).toBeNull();
    await fireEvent.click(screen.getByTestId('sc-unlock'));
    expect((await screen.findByTestId('sc-error')).textContent).toMatch(/lý do mở khóa/);
    expect(api.unlockScoreSheet).toHaveBeenCalledWith('u1', '2018-03', '');
  });
});
