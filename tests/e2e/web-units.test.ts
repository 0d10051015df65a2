// Fast checks of the web app that need no browser: it type-checks, and the editor's text helpers are right.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countChars, isClean, rebase, segments } from '../../web/src/text';
import type { Finding } from '../../web/src/types';
import { ROOT } from './helpers';

function finding(start: number, end: number, severity: Finding['severity'] = 'error', field: Finding['field'] = 'text'): Finding {
  return { ruleId: 'abusive/x', category: 'abusive', severity, field, range: [start, end], message: { id: 'x', en: 'x' }, references: [], suggestions: [] };
}

describe('web text helpers', () => {
  it('splits text into plain and flagged segments by UTF-16 range, overlaps included', () => {
    const text = 'Dasar anjing kalian 😀 goblok';
    const a = text.indexOf('anjing');
    const g = text.indexOf('goblok');
    const segs = segments(text, [finding(a, a + 6, 'warning'), finding(g, g + 6), finding(a + 2, a + 10, 'error')]);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.filter((s) => s.severity).map((s) => s.text)).toEqual(['an', 'jing', ' kal', 'goblok']);
    expect(segs.find((s) => s.text === 'an')?.severity).toBe('warning');
    expect(segs.find((s) => s.text === 'jing')?.severity).toBe('error');
  });

  it('ignores findings of other fields and ranges outside the text', () => {
    expect(segments('abc', [finding(0, 2, 'error', 'bio'), finding(2, 9)]).every((s) => !s.severity)).toBe(true);
  });

  it('keeps highlights steady while typing: shifts findings after the edit, drops those touching it', () => {
    const old = 'aa BAD bb WORSE';
    const f = [finding(3, 6), finding(10, 15)];
    expect(rebase(f, old, 'aa BAD bb WORSE!!').map((x) => x.range)).toEqual([
      [3, 6],
      [10, 15],
    ]);
    expect(rebase(f, old, 'xx aa BAD bb WORSE').map((x) => x.range)).toEqual([
      [6, 9],
      [13, 18],
    ]);
    expect(rebase(f, old, 'aa BA bb WORSE').map((x) => x.range)).toEqual([[9, 14]]);
  });

  it('counts user-perceived characters; X counts links as 23 and emoji as 2', () => {
    expect(countChars('e\u0301🇮🇩👨‍👩‍👧', 'instagram')).toBe(3);
    expect(countChars('halo 😀', 'x')).toBe(7);
    expect(countChars('lihat https://example.com/sangat/panjang/sekali ya', 'x')).toBe(6 + 23 + 3);
  });

  it('is clean without errors: warnings never block, a dismissed error no longer blocks (issue 8)', () => {
    expect(isClean([finding(0, 1, 'info')])).toBe(true);
    expect(isClean([finding(0, 1, 'warning')])).toBe(true);
    expect(isClean([finding(0, 1, 'error'), finding(0, 1, 'warning')])).toBe(false);
    expect(isClean([finding(0, 1, 'error')], (f) => f.severity === 'error')).toBe(true);
  });
});

describe('web app sources', () => {
  it('type-check (web/tsconfig.json)', { timeout: 180_000 }, () => {
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    expect(() => execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'web/tsconfig.json')], { cwd: ROOT, stdio: 'pipe' })).not.toThrow();
  });
});
