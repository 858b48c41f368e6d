import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';

vi.mock('../../lib/api.js', () => ({
  saveNotice: vi.fn(async (n) => ({ ...n, id: n.id || 'n1' })),
  issueNotice: vi.fn(async (id) => ({ id, status: 'issued', number: 3, symbol: 'TB/HU' })),
  saveNoticeFile: vi.fn(async () => ''),
  listRemediation: vi.fn(),
  reportRemediation: vi.fn(async () => ({})),
  verifyRemediation: vi.fn(async () => {}),
}));
import * as api from '../../lib/api.js';
import NoticeEditor from './NoticeEditor.svelte';
import ConfirmDialog from '../ConfirmDialog.svelte';
import RemediationTab from './RemediationTab.svelte';

const draft = {
  id: 'n1', month: '2018-06', status: 'draft', assessment: 'Đánh giá', directions: '', recipients: ['Lưu.'],
  didWell: [{ unitId: 'c1', name: 'Chi bộ Xóm 1', note: '' }],
  shortcomings: [{ unitId: 'c5', name: 'Chi bộ Xóm 5', items: [{ id: 'i1', text: 'Chưa kiểm điểm', fix: '', due: '2018-07-31' }] }],
};
const item = (over = {}) => ({ id: 'it1', unitName: 'Chi bộ Xóm 5', noticeNumber: '01-TB/HU', shortcoming: 'Chưa kiểm điểm', fix: '', due: '2018-07-31',
  reports: [], verdict: '', comment: '', overdue: true, ...over });

beforeEach(() => vi.clearAllMocks());
afterEach(() => cleanup());

describe('NoticeEditor', () => {
  it('issues only after the person confirms, and says what issuing does', async () => {
    const onchange = vi.fn();
    HTMLDialogElement.prototype.showModal ??= function () { this.open = true; };
    HTMLDialogElement.prototype.close ??= function () { this.open = false; };
    render(ConfirmDialog);
    render(NoticeEditor, { notice: draft, onchange });
    await fireEvent.click(screen.getByTestId('cc-n-issue'));
    expect(api.issueNotice).not.toHaveBeenCalled();
    expect((await screen.findByTestId('confirm-consequence')).textContent).toContain('không sửa được nữa');
    await fireEvent.click(screen.getByTestId('confirm-ok'));
    await waitFor(() => expect(api.issueNotice).toHaveBeenCalledWith('n1', ''));
    expect(api.saveNotice).toHaveBeenCalled();
    expect(await screen.findByTestId('cc-notice-message')).toHaveProperty('textContent', 'Đã ban hành thông báo số 03-TB/HU.');
  });

  it('shows an issued notice read-only', () => {
    render(NoticeEditor, { notice: { ...draft, status: 'issued', number: 1, symbol: 'TB/HU' }, readonly: true });
    expect(screen.queryByTestId('cc-n-issue')).toBeNull();
    expect(screen.getByTestId('cc-n-assessment').disabled).toBe(true);
  });
});

describe('RemediationTab', () => {
  it('lets an office report its remedy, flagging what is overdue', async () => {
    api.listRemediation.mockResolvedValue([item()]);
    render(RemediationTab, { office: true });
    expect(await screen.findByTestId('cc-r-overdue')).toBeTruthy();
    await fireEvent.click(screen.getByTestId('cc-r-act'));
    expect(screen.queryByTestId('cc-r-verdict')).toBeNull(); // an office never gives the verdict
    await fireEvent.input(screen.getByTestId('cc-r-date'), { target: { value: '20/07/2018' } });
    await fireEvent.input(screen.getByTestId('cc-r-actions'), { target: { value: 'Đã kiểm điểm' } });
    await fireEvent.submit(screen.getByTestId('cc-r-form'));
    await waitFor(() => expect(api.reportRemediation).toHaveBeenCalledWith('it1', '2018-07-20', 'Đã kiểm điểm', ''));
  });

  it('lets the official verify', async () => {
    api.listRemediation.mockResolvedValue([item({ reports: [{ id: 'r1', date: '2018-07-20', actions: 'Đã kiểm điểm', evidence: '' }] })]);
    render(RemediationTab, { office: false });
    await fireEvent.click(await screen.findByTestId('cc-r-act'));
    await fireEvent.change(screen.getByTestId('cc-r-verdict'), { target: { value: 'partly' } });
    await fireEvent.input(screen.getByTestId('cc-r-comment'), { target: { value: 'Còn thiếu biên bản' } });
    await fireEvent.submit(screen.getByTestId('cc-r-form'));
    await waitFor(() => expect(api.verifyRemediation).toHaveBeenCalledWith('it1', 'partly', 'Còn thiếu biên bản'));
  });
});
