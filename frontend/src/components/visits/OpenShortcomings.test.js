import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/svelte';

vi.mock('../../lib/api.js', () => ({
  listRemediation: vi.fn(async () => [{ id: 'it1', noticeNumber: '01-TB/HU', shortcoming: 'Chưa kiểm điểm', fix: '', overdue: true, reports: [] }]),
  verifyRemediation: vi.fn(async () => {}),
}));
import * as api from '../../lib/api.js';
import OpenShortcomings from './OpenShortcomings.svelte';

afterEach(() => cleanup());

describe('OpenShortcomings', () => {
  it('shows the cell’s open items at the next meeting and records what the official saw', async () => {
    render(OpenShortcomings, { cellId: 'c5', meetingDate: '2018-07-15' });
    expect(await screen.findByTestId('rf-followup')).toBeTruthy();
    expect(api.listRemediation).toHaveBeenCalledWith({ unitId: 'c5', openOnly: true });
    await fireEvent.change(screen.getByLabelText('Kết quả'), { target: { value: 'remedied' } });
    await fireEvent.input(screen.getByLabelText('Điều cán bộ thấy tại buổi sinh hoạt'), { target: { value: 'Đã kiểm điểm đầy đủ.' } });
    await fireEvent.click(screen.getByText('Ghi nhận'));
    await waitFor(() => expect(api.verifyRemediation).toHaveBeenCalledWith('it1', 'remedied', 'Tại buổi sinh hoạt ngày 15/07/2018: Đã kiểm điểm đầy đủ.'));
    expect(await screen.findByText('Đã ghi nhận')).toBeTruthy();
  });
});
