import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/svelte';

vi.mock('../../lib/api.js', async (original) => ({
  ...(await original()),
  letterSettings: vi.fn(async () => ({ byAccount: false, issuer: false, symbol: 'GGT/HU', header: {} })),
}));
import { lang } from '../../lib/i18n.js';
import { committeeProfiles } from '../../lib/stores/committees.js';
import LetterSettings from './LetterSettings.svelte';

beforeEach(() => committeeProfiles.set([]));
afterEach(() => {
  cleanup();
  lang.set('vi');
});

// The issuing desktop is the committee office's, whatever the committee's level.
describe('LetterSettings', () => {
  it('names no district for the issuing desktop where no profile is recorded', async () => {
    render(LetterSettings);
    const label = (await screen.findByTestId('letter-issuer')).closest('label');
    expect(label.textContent.trim()).toBe('Máy này cấp số giấy giới thiệu (chỉ máy của văn phòng cấp ủy)');
  });

  it('names the committee’s office from its profile', async () => {
    committeeProfiles.set([{ committeeId: 'prov', communeId: '', shortName: 'Tỉnh ủy Ninh Bình', top: true }]);
    render(LetterSettings);
    const label = (await screen.findByTestId('letter-issuer')).closest('label');
    expect(label.textContent.trim()).toBe('Máy này cấp số giấy giới thiệu (chỉ máy của Văn phòng Tỉnh ủy Ninh Bình)');
  });

  it('speaks English when asked', async () => {
    lang.set('en');
    render(LetterSettings);
    const label = (await screen.findByTestId('letter-issuer')).closest('label');
    expect(label.textContent.trim()).toBe('This computer numbers the introduction letters (only the committee office’s computer)');
  });
});
