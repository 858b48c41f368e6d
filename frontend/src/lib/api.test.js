import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, normalizeError, saveUnit, status } from './api.js';
import { lang } from './i18n.js';

describe('normalizeError', () => {
  const want = { code: 'invalid', field: 'religious', message: 'Số đảng viên là người có đạo (12) không được lớn hơn tổng số đảng viên (10).' };

  it('accepts the formatter object', () => {
    const e = normalizeError(want);
    expect(e).toBeInstanceOf(ApiError);
    expect({ code: e.code, field: e.field, message: e.message }).toEqual(want);
  });

  it('accepts the same as a JSON string', () => {
    const e = normalizeError(JSON.stringify(want));
    expect({ code: e.code, field: e.field, message: e.message }).toEqual(want);
  });

  it('accepts a plain string and an Error', () => {
    expect(normalizeError('Call to SaveUnit timed out')).toMatchObject({ code: 'internal', field: '', message: 'Call to SaveUnit timed out' });
    expect(normalizeError(new Error('boom'))).toMatchObject({ code: 'internal', field: '', message: 'boom' });
    expect(normalizeError('{broken json')).toMatchObject({ code: 'internal', message: '{broken json' });
  });

  it('fills a missing field and code, and gives a generic message for nothing', () => {
    expect(normalizeError({ message: 'x' })).toMatchObject({ code: 'internal', field: '', message: 'x' });
    expect(normalizeError(undefined).message).toBe('Đã xảy ra lỗi; chưa có gì được lưu.');
    expect(normalizeError(null).code).toBe('internal');
  });

  it('gives the generic message in English when the UI is English', () => {
    lang.set('en');
    expect(normalizeError({}).message).toBe('An error occurred; nothing was saved.');
    lang.set('vi');
  });

  it('returns an ApiError unchanged', () => {
    const e = new ApiError('conflict', 'name', 'm');
    expect(normalizeError(e)).toBe(e);
  });
});

describe('calls', () => {
  let App;
  beforeEach(() => {
    App = {
      Status: vi.fn(async () => ({ dbPath: '/tmp/x.db', empty: true })),
      SaveUnit: vi.fn(async () => { throw JSON.stringify({ code: 'invalid', field: 'name', message: 'Tên trống' }); }),
    };
    window.go = { main: { App } };
  });
  afterEach(() => { delete window.go; });

  it('passes results through', async () => {
    await expect(status()).resolves.toEqual({ dbPath: '/tmp/x.db', empty: true });
  });

  it('rejects with a normalized ApiError', async () => {
    const err = await saveUnit({ name: '' }).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ code: 'invalid', field: 'name', message: 'Tên trống' });
    expect(App.SaveUnit).toHaveBeenCalledWith({ name: '' });
  });

  it('says so when the Go side is not there', async () => {
    delete window.go;
    await expect(status()).rejects.toMatchObject({ code: 'internal', message: 'Không kết nối được với phần lõi của ứng dụng.' });
  });
});
