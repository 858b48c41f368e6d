import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { get } from 'svelte/store';
import {
  applyStatus, dataVersion, describeError, effectiveState, formatClock, formatDateTime, formatTimeDate, initSync,
  kindLabel, normalizeStatus, pendingText, progressPercent, reasonOf, recordLabel, refusedText, reloader,
  sessionReloaded, signIn, signOut, stateText, stopSync, syncChangedData, syncLoaded, syncNow, syncStatus,
} from './sync.js';
import { area } from './app.js';
import { lang } from '../i18n.js';
import { ApiError } from '../api.js';

const account = { userId: 'u1', username: 'vp.phatdiem', displayName: 'Văn phòng Đảng ủy Phát Diệm', role: 'commune_office', communeId: 'pd' };
const signedIn = (over = {}) => normalizeStatus({ state: 'idle', signedIn: true, account, serverUrl: 'http://127.0.0.1:8443', ...over });

afterEach(() => {
  lang.set('vi');
});

describe('status texts', () => {
  it('says when it last synced, in Vietnam time: HH:mm dd/mm/yyyy', () => {
    expect(stateText(signedIn({ lastSyncAt: '2026-11-27T03:05:09Z' }))).toBe('Đã đồng bộ lúc 10:05 27/11/2026');
    expect(stateText(signedIn({ lastSyncAt: '' }))).toBe('Chưa đồng bộ lần nào');
    lang.set('en');
    expect(stateText(signedIn({ lastSyncAt: '2026-11-27T03:05:09Z' }))).toBe('Synced at 10:05 27/11/2026');
  });

  it('counts progress with Vietnamese grouping', () => {
    expect(stateText(signedIn({ state: 'syncing', progress: { phase: 'pull', done: 3000, total: 100000 } })))
      .toBe('Đang đồng bộ… 3.000/100.000');
    expect(stateText(signedIn({ state: 'syncing', progress: { phase: 'push', done: 250, total: 0 } }))).toBe('Đang đồng bộ… 250');
    expect(stateText(signedIn({ state: 'syncing' }))).toBe('Đang đồng bộ…');
    expect(progressPercent({ done: 3000, total: 100000 })).toBe(3);
    expect(progressPercent({ done: 5, total: 0 })).toBeNull();
    expect(progressPercent({ done: 12, total: 10 })).toBe(100);
  });

  it('says offline, errors in words, and not signed in', () => {
    expect(stateText(signedIn({ state: 'offline', lastError: 'Post "http://x/v1/push": dial tcp 127.0.0.1:9: connect: connection refused' })))
      .toBe('Ngoại tuyến — sẽ tự đồng bộ khi có mạng');
    expect(stateText(signedIn({ state: 'error', lastError: 'server answered 500 internal: database is locked' })))
      .toBe('Lỗi: Máy chủ đang gặp sự cố; ứng dụng sẽ tự thử lại.');
    expect(stateText(normalizeStatus({ state: 'signed_out' }))).toBe('Chưa đăng nhập');
    // Signed in, but the server revoked the device: an error that asks to sign in again.
    const revoked = signedIn({ state: 'signed_out', lastError: 'server answered 401 unauthorized: The device was revoked.' });
    expect(effectiveState(revoked)).toBe('error');
    expect(stateText(revoked)).toMatch(/^Lỗi: Máy chủ không còn nhận phiên đăng nhập/);
    // A certificate that changed is no network trouble: it needs the user.
    const cert = signedIn({ state: 'offline', lastError: 'Post "https://x/v1/push": the server\'s certificate AA differs from the pinned BB' });
    expect(effectiveState(cert)).toBe('error');
    expect(stateText(cert)).toMatch(/^Lỗi: Chứng chỉ của máy chủ khác với chứng chỉ đã chấp nhận/);
    // Signed in a moment ago, before the runner's first report.
    expect(effectiveState(signedIn({ state: 'signed_out' }))).toBe('syncing');
  });

  it('turns Go error texts into sentences a person can act on', () => {
    expect(describeError('server answered 429 rate_limited: Too many requests')).toBe('Máy chủ đang bận; ứng dụng sẽ tự thử lại sau ít phút.');
    expect(describeError('server answered 400 version: Update the app')).toMatch(/Phiên bản ứng dụng/);
    expect(describeError('server answered 403 forged: device mismatch')).toMatch(/từ chối yêu cầu của máy này/);
    expect(describeError('server answered 400 bad_request: field x')).toBe('Máy chủ từ chối yêu cầu: field x');
    expect(describeError('Post "https://x/v1/pull": the server\'s certificate is not trusted: AA:BB')).toMatch(/Chứng chỉ của máy chủ chưa được chấp nhận/);
    expect(describeError('Post "https://x/v1/pull": the server\'s certificate AA differs from the pinned BB')).toMatch(/khác với chứng chỉ đã chấp nhận/);
    expect(describeError('Post "http://x/v1/pull": context deadline exceeded', 'offline')).toMatch(/Không kết nối được máy chủ/);
    expect(describeError('syncclient: push answered 1 of 2 changes')).toBe('Lần đồng bộ vừa rồi chưa xong; ứng dụng sẽ tự thử lại.');
    expect(describeError('')).toBe('');
    lang.set('en');
    expect(describeError('server answered 502 http: 502 Bad Gateway')).toBe('The server has a problem; the app will retry by itself.');
  });

  it('counts pending and refused changes, nothing when zero', () => {
    expect(pendingText(5)).toBe('5 thay đổi chờ gửi');
    expect(pendingText(0)).toBe('');
    expect(refusedText(1200)).toBe('1.200 thay đổi bị từ chối');
    lang.set('en');
    expect(pendingText(5)).toBe('5 changes waiting to be sent');
  });

  it('formats dates and times in Vietnam time', () => {
    expect(formatDateTime('2026-11-27T17:30:00Z')).toBe('28/11/2026 00:30');
    expect(formatTimeDate('2026-11-27T17:30:00Z')).toBe('00:30 28/11/2026');
    expect(formatClock('2026-11-27T03:04:05.123456Z')).toBe('10:04:05');
    expect(formatDateTime('0001-01-01T00:00:00Z')).toBe('');
    expect(formatDateTime('')).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });

  it('names record kinds and reasons in the UI language', () => {
    expect(kindLabel('unit')).toBe('Tổ chức đảng');
    expect(kindLabel('schedule')).toBe('Lịch sinh hoạt');
    expect(kindLabel('visit')).toBe('Dự sinh hoạt');
    expect(kindLabel('new_kind')).toBe('new_kind');
    const r = { reason: 'Bản ghi nằm ngoài phạm vi của tài khoản.', reasonEn: 'The record is outside this account\'s scope.', code: 'out_of_scope' };
    expect(reasonOf(r, 'vi')).toBe('Bản ghi nằm ngoài phạm vi của tài khoản.');
    expect(reasonOf(r, 'en')).toBe('The record is outside this account\'s scope.');
    expect(reasonOf({ reason: 'Chỉ có tiếng Việt', reasonEn: '' }, 'en')).toBe('Chỉ có tiếng Việt');
    lang.set('en');
    expect(kindLabel('unit')).toBe('Party organization');
  });

  it('names a refused record by its name, a looked-up name, or its id', () => {
    expect(recordLabel({ recordId: 'r1', fields: { name: 'Chi bộ Xóm 1' } })).toBe('Chi bộ Xóm 1');
    expect(recordLabel({ recordId: 'r1', fields: { note: 'x' } }, new Map([['r1', 'Chi bộ Xóm 2']]))).toBe('Chi bộ Xóm 2');
    expect(recordLabel({ recordId: '0193a0c2-aaaa', fields: null })).toBe('0193a0c2…');
  });
});

describe('normalizeStatus and syncChangedData', () => {
  it('fills gaps and drops Go\'s zero time', () => {
    const s = normalizeStatus({ state: 'idle', nextAttempt: '0001-01-01T00:00:00Z', signedIn: true });
    expect(s).toMatchObject({ state: 'idle', nextAttempt: '', pending: 0, refused: 0, progress: null, lastError: '', signedIn: true });
    expect(normalizeStatus(null)).toMatchObject({ state: 'signed_out', signedIn: false });
  });

  it('tells a finished sync that changed records from one that did not', () => {
    expect(syncChangedData({ state: 'idle', lastReport: { pulled: 3 } })).toBe(true);
    expect(syncChangedData({ state: 'idle', lastReport: { pushed: 1 } })).toBe(true);
    expect(syncChangedData({ state: 'offline', lastReport: { pushed: 1 } })).toBe(true);
    expect(syncChangedData({ state: 'idle', lastReport: { pushed: 0, pulled: 0 } })).toBe(false);
    expect(syncChangedData({ state: 'idle' })).toBe(false);
    expect(syncChangedData({ state: 'syncing', lastReport: { pulled: 3 } })).toBe(false);
  });
});

describe('the store with Go', () => {
  let App;
  let handlers;
  beforeEach(() => {
    handlers = {};
    App = {
      SyncStatus: vi.fn(async () => ({ state: 'idle', signedIn: true, account, lastSyncAt: '2026-11-27T03:05:00Z', pending: 2, nextAttempt: '0001-01-01T00:00:00Z' })),
      SyncNow: vi.fn(async () => ({ state: 'syncing', signedIn: true, account, pending: 2 })),
      SignIn: vi.fn(async () => account),
      SignOut: vi.fn(async () => null),
      ListUnits: vi.fn(async () => []),
      ListCommunes: vi.fn(async () => []),
    };
    window.go = { main: { App } };
    window.runtime = {
      EventsOnMultiple: vi.fn((name, cb) => {
        handlers[name] = cb;
        return () => { delete handlers[name]; };
      }),
    };
    sessionStorage.clear();
    area.set('units');
  });
  afterEach(() => {
    stopSync();
    delete window.go;
    delete window.runtime;
    vi.restoreAllMocks();
  });

  it('reads the status once and then follows "sync:status" events', async () => {
    await initSync();
    expect(get(area)).toBe('schedules'); // a signed-in start opens on the office's own screen
    expect(get(syncLoaded)).toBe(true);
    expect(get(syncStatus)).toMatchObject({ state: 'idle', pending: 2, signedIn: true, nextAttempt: '' });
    expect(window.runtime.EventsOnMultiple).toHaveBeenCalledWith('sync:status', expect.any(Function), -1);
    handlers['sync:status']({ state: 'offline', signedIn: true, account, pending: 3, lastError: 'dial tcp: connection refused' });
    expect(get(syncStatus)).toMatchObject({ state: 'offline', pending: 3 });
    await initSync(); // a second call does not listen twice
    expect(window.runtime.EventsOnMultiple).toHaveBeenCalledTimes(1);
    stopSync();
    expect(handlers['sync:status']).toBeUndefined();
  });

  it('reloads the synced stores after a sync that changed records, not after a no-op', async () => {
    await initSync();
    area.set('units');
    const v = get(dataVersion);
    handlers['sync:status']({ state: 'syncing', signedIn: true, account });
    handlers['sync:status']({ state: 'idle', signedIn: true, account, lastReport: { pushed: 0, pulled: 0 } });
    expect(get(dataVersion)).toBe(v);
    expect(App.ListUnits).not.toHaveBeenCalled();
    handlers['sync:status']({ state: 'syncing', signedIn: true, account, progress: { phase: 'pull', done: 10, total: 20 } });
    handlers['sync:status']({ state: 'idle', signedIn: true, account, lastReport: { pushed: 1, pulled: 20 } });
    expect(get(dataVersion)).toBe(v + 1);
    await vi.waitFor(() => expect(App.ListUnits).toHaveBeenCalledTimes(1));
  });

  it('syncs at once when the system says the network is back', async () => {
    await initSync();
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(App.SyncNow).toHaveBeenCalledTimes(1));
    stopSync();
    window.dispatchEvent(new Event('online'));
    expect(App.SyncNow).toHaveBeenCalledTimes(1);
  });

  it('"Đồng bộ ngay" asks Go and shows its answer', async () => {
    await syncNow();
    expect(App.SyncNow).toHaveBeenCalled();
    expect(get(syncStatus).state).toBe('syncing');
  });

  it('reloads the page after a sign-in and comes back to the same area, without the first-run screen', async () => {
    const reload = vi.spyOn(reloader, 'reload').mockImplementation(() => {});
    area.set('sync');
    await expect(signIn('vp.phatdiem', 'kimson2018')).resolves.toEqual(account);
    expect(App.SignIn).toHaveBeenCalledWith('vp.phatdiem', 'kimson2018');
    expect(reload).toHaveBeenCalledTimes(1);
    // … the page loads again:
    area.set('units');
    await initSync();
    expect(get(area)).toBe('sync');
    expect(get(sessionReloaded)).toBe(true);
    expect(sessionStorage.length).toBe(0);
  });

  it('does not reload when the sign-in fails, and rejects with the field at fault', async () => {
    const reload = vi.spyOn(reloader, 'reload').mockImplementation(() => {});
    App.SignIn.mockRejectedValueOnce({ code: 'invalid', field: 'password', message: 'Sai tên đăng nhập hoặc mật khẩu.' });
    const err = await signIn('vp.phatdiem', 'sai').catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.field).toBe('password');
    expect(reload).not.toHaveBeenCalled();
  });

  it('reloads the page after a sign-out', async () => {
    const reload = vi.spyOn(reloader, 'reload').mockImplementation(() => {});
    await signOut();
    expect(App.SignOut).toHaveBeenCalled();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('keeps the status with the highest seq: events out of order, a late answer', async () => {
    App.SyncStatus.mockResolvedValueOnce({ state: 'idle', signedIn: true, account, seq: 4, lastReport: { pulled: 50 } });
    await initSync();
    area.set('units');
    expect(App.ListUnits).not.toHaveBeenCalled(); // the first read does not reload
    const v = get(dataVersion);
    // Wails' browser mode may deliver the end of a sync before its progress.
    handlers['sync:status']({ state: 'syncing', signedIn: true, account, seq: 5 });
    handlers['sync:status']({ state: 'idle', signedIn: true, account, seq: 7, lastSyncAt: '2026-11-27T03:07:00Z', lastReport: { pulled: 2 } });
    handlers['sync:status']({ state: 'syncing', signedIn: true, account, seq: 6, progress: { phase: 'pull', done: 2, total: 2 } });
    expect(get(syncStatus)).toMatchObject({ state: 'idle', seq: 7 });
    expect(get(dataVersion)).toBe(v + 1);
    // The answer of SyncNow() left before the sync ended.
    let answer;
    App.SyncNow.mockImplementationOnce(() => new Promise((r) => { answer = r; }));
    const pending = syncNow();
    handlers['sync:status']({ state: 'syncing', signedIn: true, account, seq: 8 });
    handlers['sync:status']({ state: 'idle', signedIn: true, account, seq: 9, lastReport: { pulled: 0 } });
    answer({ state: 'idle', signedIn: true, account, seq: 7, lastReport: { pulled: 2 } });
    await pending;
    expect(get(syncStatus).seq).toBe(9);
    expect(get(dataVersion)).toBe(v + 1); // the no-op sync and the late answer reload nothing
    // An answer with the current seq (nothing happened since) shows, without a second reload.
    App.SyncNow.mockResolvedValueOnce({ state: 'idle', signedIn: true, account, seq: 9, pending: 1, lastReport: { pulled: 0 } });
    await syncNow();
    expect(get(syncStatus).pending).toBe(1);
    await vi.waitFor(() => expect(App.ListUnits).toHaveBeenCalledTimes(1));
  });

  it('applyStatus takes a plain answer too', () => {
    applyStatus({ state: 'syncing', signedIn: true, account, progress: { phase: 'pull', done: 1, total: 2 } });
    expect(get(syncStatus).progress).toEqual({ phase: 'pull', done: 1, total: 2 });
  });
});

describe('the first screen of an account', () => {
  it('follows the role', async () => {
    const { homeArea } = await import('./app.js');
    expect(homeArea({ role: 'standing_board' })).toBe('overview');
    expect(homeArea({ role: 'district_committee' })).toBe('overview');
    expect(homeArea({ role: 'district_cadre' })).toBe('visits');
    expect(homeArea({ role: 'commune_office' })).toBe('schedules');
    expect(homeArea(null)).toBe('units');
  });
});
