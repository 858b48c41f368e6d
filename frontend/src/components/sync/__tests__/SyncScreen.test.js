import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { get } from 'svelte/store';
import SyncScreen from '../SyncScreen.svelte';
import SyncIndicator from '../SyncIndicator.svelte';
import RefusedTable from '../RefusedTable.svelte';
import { applyStatus, reloader, stopSync } from '../../../lib/stores/sync.js';
import { area } from '../../../lib/stores/app.js';
import { lang } from '../../../lib/i18n.js';

const FP = Array.from({ length: 32 }, (_, i) => (i * 7 + 16).toString(16).toUpperCase().padStart(2, '0')).join(':');
const account = { userId: 'u1', username: 'vp.phatdiem', displayName: 'Văn phòng Đảng ủy Phát Diệm', role: 'commune_office', lastLoginAt: '2026-11-27T01:00:00Z' };
const refusedRow = {
  seq: 7, changeId: 'c7', kind: 'unit', recordId: 'unit-1', op: 'upsert', fields: { note: 'Ghi chú' }, code: 'out_of_scope',
  reason: 'Bản ghi nằm ngoài phạm vi của tài khoản.', reasonEn: 'The record is outside this account\'s scope.',
  createdAt: '2026-11-27T02:00:00Z', answeredAt: '2026-11-27T03:15:00Z',
};

let App;
beforeEach(() => {
  App = {
    SyncSettings: vi.fn(async () => ({ serverUrl: '', fingerprint: '' })),
    SaveSyncServer: vi.fn(async (url) => ({ serverUrl: url.trim(), fingerprint: '' })),
    CheckSyncServer: vi.fn(async () => ({ reachable: true, untrusted: false, fingerprint: '' })),
    TrustServerCertificate: vi.fn(async () => null),
    Accounts: vi.fn(async () => [account]),
    SignIn: vi.fn(async () => account),
    SignOut: vi.fn(async () => null),
    SyncNow: vi.fn(async () => ({ state: 'syncing', signedIn: true, account, pending: 5, refused: 2 })),
    RefusedChanges: vi.fn(async () => [refusedRow]),
    GetUnit: vi.fn(async (id) => ({ id, name: 'Chi bộ Khu phố 3' })),
  };
  window.go = { main: { App } };
});
afterEach(() => {
  cleanup();
  stopSync();
  delete window.go;
  lang.set('vi');
  area.set('units');
  vi.restoreAllMocks();
});

describe('SyncIndicator', () => {
  it('shows the user, the state, what waits, what was refused, and syncs on request', async () => {
    applyStatus({ state: 'idle', signedIn: true, account, lastSyncAt: '2026-11-27T03:05:00Z', pending: 5, refused: 2 });
    render(SyncIndicator);
    expect(screen.getByTestId('sync-user').textContent).toMatch(/Văn phòng Đảng ủy Phát Diệm\s*· Văn phòng đảng ủy xã, thị trấn/);
    expect(screen.getByTestId('sync-state').textContent).toBe('Đã đồng bộ lúc 10:05 27/11/2026');
    expect(screen.getByTestId('sync-pending').textContent).toBe('5 thay đổi chờ gửi');
    expect(screen.getByTestId('sync-refused').textContent).toBe('2 thay đổi bị từ chối');
    await fireEvent.click(screen.getByRole('button', { name: 'Đồng bộ ngay' }));
    expect(App.SyncNow).toHaveBeenCalled();
    await waitFor(() => expect(screen.getByTestId('sync-indicator').dataset.state).toBe('syncing'));
    expect(screen.getByRole('button', { name: 'Đồng bộ ngay' }).disabled).toBe(true);
    await fireEvent.click(screen.getByTestId('sync-refused'));
    expect(get(area)).toBe('sync');
  });

  it('follows events: progress, offline, nothing pending', async () => {
    render(SyncIndicator);
    expect(screen.getByTestId('sync-state').textContent).toBe('Chưa đăng nhập');
    expect(screen.getByRole('button', { name: 'Đăng nhập' })).toBeTruthy();
    applyStatus({ state: 'syncing', signedIn: true, account, progress: { phase: 'pull', done: 3000, total: 100000 } });
    await waitFor(() => expect(screen.getByTestId('sync-state').textContent).toBe('Đang đồng bộ… 3.000/100.000'));
    applyStatus({ state: 'offline', signedIn: true, account, pending: 1, lastError: 'connection refused' });
    await waitFor(() => expect(screen.getByTestId('sync-state').textContent).toBe('Ngoại tuyến — sẽ tự đồng bộ khi có mạng'));
    expect(screen.getByTestId('sync-pending').textContent).toBe('1 thay đổi chờ gửi');
    expect(screen.queryByTestId('sync-refused')).toBeNull();
    lang.set('en');
    await waitFor(() => expect(screen.getByTestId('sync-state').textContent).toBe('Offline — will sync by itself when the network is back'));
  });
});

describe('SyncScreen signed out', () => {
  it('signs in with an account chosen from the list, and reloads on success', async () => {
    const reload = vi.spyOn(reloader, 'reload').mockImplementation(() => {});
    render(SyncScreen);
    expect(screen.getByTestId('sync-signed-out')).toBeTruthy();
    const choice = await screen.findByTestId('sync-account');
    expect(choice.textContent).toMatch(/vp\.phatdiem · Văn phòng đảng ủy xã, thị trấn/);
    await fireEvent.click(choice);
    expect(screen.getByLabelText('Tên đăng nhập').value).toBe('vp.phatdiem');
    await fireEvent.submit(screen.getByTestId('sync-signin-form'));
    expect(screen.getByTestId('field-error-password').textContent).toBe('Hãy nhập mật khẩu.');
    expect(App.SignIn).not.toHaveBeenCalled();
    await fireEvent.input(screen.getByLabelText('Mật khẩu'), { target: { value: 'kimson2018' } });
    await fireEvent.submit(screen.getByTestId('sync-signin-form'));
    await waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(App.SignIn).toHaveBeenCalledWith('vp.phatdiem', 'kimson2018');
  });

  it('shows Go\'s error beside the field at fault', async () => {
    const reload = vi.spyOn(reloader, 'reload').mockImplementation(() => {});
    App.SignIn.mockRejectedValueOnce({ code: 'invalid', field: 'password', message: 'Sai tên đăng nhập hoặc mật khẩu.' });
    render(SyncScreen);
    await fireEvent.input(screen.getByLabelText('Tên đăng nhập'), { target: { value: 'vp.phatdiem' } });
    await fireEvent.input(screen.getByLabelText('Mật khẩu'), { target: { value: 'sai' } });
    await fireEvent.submit(screen.getByTestId('sync-signin-form'));
    const err = await screen.findByTestId('field-error-password');
    expect(err.textContent).toBe('Sai tên đăng nhập hoặc mật khẩu.');
    expect(screen.getByLabelText('Mật khẩu').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByLabelText('Mật khẩu').value).toBe('');
    expect(reload).not.toHaveBeenCalled();
  });

  it('asks to accept an untrusted certificate, pins it, and checks again', async () => {
    App.CheckSyncServer
      .mockResolvedValueOnce({ reachable: false, untrusted: true, fingerprint: FP })
      .mockResolvedValueOnce({ reachable: true, untrusted: false, fingerprint: FP });
    render(SyncScreen);
    await fireEvent.input(screen.getByLabelText('Địa chỉ máy chủ'), { target: { value: ' https://may-chu.kimson.vn:8443 ' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra kết nối' }));
    const dialog = await screen.findByRole('alertdialog', { name: 'Chấp nhận chứng chỉ này?' });
    expect(App.SaveSyncServer).toHaveBeenCalledWith(' https://may-chu.kimson.vn:8443 ');
    expect(within(dialog).getByTestId('sync-trust-fingerprint').dataset.fingerprint).toBe(FP);
    expect(within(dialog).getByTestId('sync-trust-fingerprint').textContent.replace(/\s+/g, ':')).toContain(FP.slice(0, 23));
    expect(dialog.textContent).toMatch(/dấu vân tay người quản trị máy chủ đã gửi/);
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Chấp nhận chứng chỉ' }));
    await waitFor(() => expect(screen.getByTestId('sync-server-notice').textContent).toBe('Đã chấp nhận chứng chỉ của máy chủ.'));
    expect(App.TrustServerCertificate).toHaveBeenCalledWith(FP);
    expect(App.CheckSyncServer).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByTestId('sync-pinned')).toBeTruthy();
  });

  it('puts sign-in first when the desktop knows its server', async () => {
    App.SyncSettings.mockResolvedValue({ serverUrl: 'http://127.0.0.1:8443', fingerprint: '' });
    render(SyncScreen);
    await waitFor(() => expect(screen.getByTestId('sync-signed-out').textContent).toMatch(/hãy đăng nhập để làm việc/));
    const panels = [...document.querySelectorAll('section.panel')].map((p) => p.dataset.testid);
    expect(panels).toEqual(['sync-signin-panel', 'sync-server']);
    await waitFor(() => expect(screen.getByLabelText('Địa chỉ máy chủ').value).toBe('http://127.0.0.1:8443'));
  });

  it('can refuse the certificate, and shows a bad address beside the field', async () => {
    App.CheckSyncServer.mockResolvedValueOnce({ reachable: false, untrusted: true, fingerprint: FP });
    render(SyncScreen);
    await fireEvent.click(screen.getByRole('button', { name: 'Kiểm tra kết nối' }));
    await fireEvent.click(await screen.findByRole('button', { name: 'Không chấp nhận' }));
    expect(App.TrustServerCertificate).not.toHaveBeenCalled();
    expect(screen.getByTestId('sync-server-rejected')).toBeTruthy();

    App.SaveSyncServer.mockRejectedValueOnce({ code: 'invalid', field: 'serverUrl', message: 'Địa chỉ máy chủ không hợp lệ; ví dụ: https://may-chu.huyen.vn:8443' });
    await fireEvent.input(screen.getByLabelText('Địa chỉ máy chủ'), { target: { value: 'may-chu' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Lưu địa chỉ' }));
    const err = await screen.findByTestId('field-error-serverUrl');
    expect(err.textContent).toMatch(/không hợp lệ/);
    expect(screen.getByLabelText('Địa chỉ máy chủ').getAttribute('aria-invalid')).toBe('true');
  });
});

describe('SyncScreen signed in', () => {
  it('shows the last sync, pending, progress, refused changes, and signs out', async () => {
    const reload = vi.spyOn(reloader, 'reload').mockImplementation(() => {});
    applyStatus({ state: 'syncing', signedIn: true, account, serverUrl: 'http://127.0.0.1:8443', lastSyncAt: '2026-11-27T03:05:00Z', pending: 4, refused: 1, progress: { phase: 'pull', done: 3000, total: 100000 } });
    render(SyncScreen);
    expect(screen.getByTestId('sync-screen-state').textContent).toBe('Đang đồng bộ… 3.000/100.000');
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('3000');
    expect(screen.getByText('Đang nhận dữ liệu: 3.000/100.000 bản ghi')).toBeTruthy();
    expect(screen.getByTestId('sync-screen-last').textContent).toBe('27/11/2026 10:05');
    expect(screen.getByTestId('sync-screen-pending').textContent).toBe('4');
    const row = await screen.findByTestId('sync-refused-row');
    expect(row.textContent).toMatch(/Tổ chức đảng/);
    expect(row.textContent).toMatch(/Bản ghi nằm ngoài phạm vi của tài khoản\./);
    expect(row.textContent).toMatch(/27\/11\/2026 10:15/);
    await waitFor(() => expect(row.textContent).toMatch(/Chi bộ Khu phố 3/)); // looked up: the change had no name

    applyStatus({ state: 'offline', signedIn: true, account, pending: 4, refused: 1, lastError: 'Post "http://127.0.0.1:8443/v1/push": dial tcp 127.0.0.1:8443: connect: connection refused', nextAttempt: '2026-11-27T03:06:10Z' });
    const problem = await screen.findByTestId('sync-problem');
    expect(problem.textContent).toMatch(/Không kết nối được máy chủ/);
    expect(problem.textContent).toMatch(/Sẽ tự thử lại lúc 10:06:10/);
    expect(screen.queryByRole('progressbar')).toBeNull();

    expect(screen.getByTestId('sync-signout-hint').textContent).toMatch(/Dữ liệu chưa gửi vẫn được giữ trên máy/);
    await fireEvent.click(screen.getByRole('button', { name: 'Đăng xuất' }));
    await waitFor(() => expect(reload).toHaveBeenCalledTimes(1));
    expect(App.SignOut).toHaveBeenCalled();
  });
});

describe('RefusedTable', () => {
  it('shows kind and reason in the UI language', async () => {
    const rows = [
      { ...refusedRow, changeId: 'a', kind: 'schedule', fields: { name: 'Họp tháng 11' } },
      { ...refusedRow, changeId: 'b', kind: 'visit', op: 'delete', fields: { title: 'Dự họp Xóm 2' } },
    ];
    render(RefusedTable, { rows });
    const [a, b] = screen.getAllByTestId('sync-refused-row');
    expect(a.textContent).toMatch(/Lịch sinh hoạt.*Họp tháng 11.*Thêm, sửa.*Bản ghi nằm ngoài phạm vi/);
    expect(b.textContent).toMatch(/Dự sinh hoạt.*Dự họp Xóm 2.*Xóa/);
    lang.set('en');
    await waitFor(() => expect(screen.getAllByTestId('sync-refused-row')[0].textContent).toMatch(/Meeting schedule.*The record is outside this account's scope\./));
    expect(screen.getByRole('columnheader', { name: 'Reason' })).toBeTruthy();
  });

  it('says when nothing was refused', () => {
    render(RefusedTable, { rows: [] });
    expect(screen.getByTestId('sync-refused-empty').textContent).toBe('Không có thay đổi nào bị từ chối.');
  });
});
