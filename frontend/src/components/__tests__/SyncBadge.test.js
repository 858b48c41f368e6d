import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';
import SyncBadge from '../SyncBadge.svelte';
import { applyStatus, stopSync } from '../../lib/stores/sync.js';

afterEach(() => {
  cleanup();
  stopSync();
});

describe('the sync badge', () => {
  it('does not say sent on a desktop that never synced (the demo)', () => {
    render(SyncBadge, { state: 'sent' });
    expect(screen.getByTestId('sync-badge').textContent.trim()).toBe('Chưa đồng bộ');
  });
  it('says sent once the desktop has synced', () => {
    applyStatus({ state: 'idle', signedIn: true, lastSyncAt: '2026-12-02T03:00:00Z' });
    render(SyncBadge, { state: 'sent' });
    expect(screen.getByTestId('sync-badge').textContent.trim()).toBe('Đã gửi');
  });
});
