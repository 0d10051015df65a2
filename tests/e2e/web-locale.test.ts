// Issue 8 item 5: numbers and dates follow the app's language (id-ID: 1.932, 50.000, dd/mm/yyyy), not the browser's.
import { describe, expect, it } from 'vitest';
import { dmyToIso, isoToDmy } from '../../web/src/components/date-input';
import { makeI18n } from '../../web/src/i18n';

describe('locale of numbers and dates', () => {
  it('formats numbers in the app language whatever the browser says', () => {
    expect(makeI18n('id', () => {}).fmtNum(50_000)).toBe('50.000');
    expect(makeI18n('id', () => {}).fmtNum(1932)).toBe('1.932');
    expect(makeI18n('en', () => {}).fmtNum(50_000)).toBe('50,000');
  });
  it('reads and writes dd/mm/yyyy dates, refusing impossible ones', () => {
    expect(isoToDmy('2024-03-09')).toBe('09/03/2024');
    expect(dmyToIso('9/3/2024')).toBe('2024-03-09');
    expect(dmyToIso('31-12-2023')).toBe('2023-12-31');
    expect(dmyToIso('31/02/2024')).toBeNull();
    expect(dmyToIso('2024-03-09')).toBeNull();
    expect(dmyToIso('')).toBeNull();
    expect(isoToDmy('')).toBe('');
  });
  it('says in words how X counts links and emoji', () => {
    const id = makeI18n('id', () => {}).t('check.xCounting');
    expect(id).toMatch(/tautan dihitung 23 karakter/);
    expect(id).toMatch(/emoji dihitung 2 karakter/);
  });
});

describe('mobile and oversight helpers (items 4 and 7)', () => {
  it('wraps long chart labels into lines instead of cutting them', async () => {
    const { wrapLabel } = await import('../../web/src/components/charts');
    expect(wrapLabel('Hoaks / belum terverifikasi')).toEqual(['Hoaks / belum', 'terverifikasi']);
    expect(wrapLabel('Nama akun')).toEqual(['Nama akun']);
    for (const l of wrapLabel('Rahasia jabatan / informasi dikecualikan')) expect(l.length).toBeLessThanOrEqual(16);
  });
  it('shows each shared draft once with all its findings', async () => {
    const { groupByDraft } = await import('../../web/src/pages/Dashboard');
    const row = (draftId: string, category: string) => ({ draftId, userId: 'u', userName: 'Siti', createdAt: '2026-01-01', category });
    const g = groupByDraft([row('d1', 'abusive'), row('d1', 'partisanship'), row('d2', 'hoax'), row('d1', 'hoax')]);
    expect(g.map((x) => [x.draftId, x.items.map((i) => i.category)])).toEqual([
      ['d1', ['abusive', 'partisanship', 'hoax']],
      ['d2', ['hoax']],
    ]);
  });
});
