// Issue 8: the core contract (severity order, what blocks, exit codes) and the insider-chain default.
import { describe, expect, it } from 'vitest';
import { BLOCKING_SEVERITIES, blocks, compareSeverity, exitCodeFor, SEVERITIES, worstSeverity } from '../../src/core/contract.js';
import { check } from '../../src/core/index.js';

describe('core contract', () => {
  it('orders severities error > warning > info and only errors block', () => {
    expect([...SEVERITIES].sort(compareSeverity)).toEqual(['error', 'warning', 'info']);
    expect(['info', 'error', 'warning'].sort((a, b) => compareSeverity(a as never, b as never))).toEqual(['error', 'warning', 'info']);
    expect(BLOCKING_SEVERITIES).toEqual(['error']);
    expect(blocks({ severity: 'warning' })).toBe(false);
    expect(blocks({ severity: 'error' })).toBe(true);
    expect(worstSeverity([])).toBe('info');
    expect(worstSeverity([{ severity: 'info' }, { severity: 'warning' }])).toBe('warning');
  });

  it('exit code: 1 at failOn or above, else 0', () => {
    expect(exitCodeFor([{ severity: 'warning' }])).toBe(0);
    expect(exitCodeFor([{ severity: 'warning' }], 'warning')).toBe(1);
    expect(exitCodeFor([{ severity: 'info' }], 'warning')).toBe(0);
    expect(exitCodeFor([{ severity: 'error' }])).toBe(1);
    expect(exitCodeFor([])).toBe(0);
  });
});

describe('hoax/insider-chain', () => {
  it('makes a chain message that claims insider information an error', () => {
    const text = 'SEBARKAN SEBELUM DIHAPUS!! info dari orang dalam, gaji ASN bulan depan dipotong 10%';
    const f = check({ text }).find((x) => x.ruleId === 'hoax/insider-chain');
    expect(f?.severity).toBe('error');
    expect(text.slice(f!.range[0], f!.range[1])).toBe('orang dalam');
  });
  it('stays quiet for an insider phrase without a chain formula, and for a debunk', () => {
    expect(check({ text: 'Rapat dengan orang dalam tim berjalan lancar' }).filter((f) => f.ruleId === 'hoax/insider-chain')).toEqual([]);
    expect(
      check({ text: 'Beredar "SEBARKAN sebelum dihapus, info orang dalam" soal gaji ASN: itu hoaks, cek klarifikasi resmi.' }).filter(
        (f) => f.ruleId === 'hoax/insider-chain',
      ),
    ).toEqual([]);
  });
});

describe('one contract used by CLI, server, audit and web (issue 8 item 8)', () => {
  it('one input schema: the CLI and the server accept and refuse the same records', async () => {
    const { inputFromRecord } = await import('../../src/cli/commands/check.js');
    const { checkBody } = await import('../../src/server/schemas.js');
    const { INPUT_LIMITS, parseCheckInput } = await import('../../src/core/index.js');
    const long = 'a'.repeat(INPUT_LIMITS.text + 1);
    expect(() => parseCheckInput({ text: long })).toThrow(/^text:/);
    expect(() => inputFromRecord({ text: long })).toThrow(/^text:/);
    expect(checkBody.safeParse({ text: long }).success).toBe(false);
    expect(checkBody.safeParse({ text: 'a'.repeat(INPUT_LIMITS.text) }).success).toBe(true);
    expect(() => inputFromRecord({ kind: 'account', handle: 'x'.repeat(INPUT_LIMITS.handle + 1) })).toThrow(/^handle:/);
    expect(checkBody.safeParse({ handle: 'x'.repeat(INPUT_LIMITS.handle + 1) }).success).toBe(false);
    expect(() => parseCheckInput({ text: 'hai', platform: 'myspace' })).toThrow(/^platform:/);
    expect(inputFromRecord({ id: 7, kind: 'account', handle: 'siti' })).toEqual({ id: 7, input: { kind: 'account', handle: 'siti' } });
  });

  it('one platform list: the audit reads exactly the contract audit platforms, all of them known platforms', async () => {
    const { AUDIT_PLATFORMS, PLATFORMS, PLATFORM_INFO } = await import('../../src/core/index.js');
    const audit = await import('../../src/audit/index.js');
    expect(audit.AUDIT_PLATFORMS).toBe(AUDIT_PLATFORMS);
    expect(Object.keys(audit.READERS).sort()).toEqual([...AUDIT_PLATFORMS].sort());
    for (const p of AUDIT_PLATFORMS) expect(PLATFORMS).toContain(p);
    expect(PLATFORM_INFO.map((p) => p.id).sort()).toEqual([...PLATFORMS].sort());
    const { PLATFORM_LIST } = await import('../../src/server/routes/public.js');
    expect(PLATFORM_LIST).toBe(PLATFORM_INFO);
  });

  it('one severity order: the audit and the web sort with it', async () => {
    const audit = await import('../../src/audit/index.js');
    const { sortFindings, isClean } = await import('../../web/src/text.js');
    const f = (severity: 'error' | 'warning' | 'info', at: number) =>
      ({
        ruleId: 'r/x',
        category: 'hoax',
        severity,
        message: { id: '', en: '' },
        field: 'text',
        range: [at, at + 1],
        references: [],
        suggestions: [],
      }) as const;
    expect(audit.worstSeverity([f('info', 0), f('error', 1)])).toBe('error');
    expect(sortFindings([f('info', 0), f('warning', 1), f('error', 2)]).map((x) => x.severity)).toEqual(['error', 'warning', 'info']);
    expect(isClean([f('warning', 0)])).toBe(!blocks({ severity: 'warning' }));
  });

  it('one set of category labels: the web shows the core labels in both languages', async () => {
    const { CATEGORIES, CATEGORY_LABELS } = await import('../../src/core/index.js');
    const { makeI18n } = await import('../../web/src/i18n.js');
    for (const loc of ['id', 'en'] as const) {
      const i18n = makeI18n(loc, () => {});
      for (const c of CATEGORIES) expect(i18n.catLabel(c)).toBe(CATEGORY_LABELS[c][loc]);
    }
  });

  it('rules are passed to createChecker, not registered by importing a module', async () => {
    const engine = await import('../../src/core/engine.js');
    expect('setDefaultRules' in engine).toBe(false);
    expect(() => engine.createChecker({ version: 1, organisation: { id: 'x', name: 'X' } })).toThrow(/pass the rules/);
    const { createChecker, BUILTIN_RULES, DEFAULT_POLICY } = await import('../../src/core/index.js');
    const none = createChecker(DEFAULT_POLICY, { rules: [] });
    expect(none.check({ text: 'Ayo coblos nomor 2!' })).toEqual([]);
    expect(createChecker(DEFAULT_POLICY).rules).toEqual(BUILTIN_RULES);
    const only = createChecker(DEFAULT_POLICY, { rules: BUILTIN_RULES.filter((r) => r.meta.category === 'partisanship') });
    expect(new Set(only.check({ text: 'Ayo coblos nomor 2! Dasar goblok' }).map((x) => x.category))).toEqual(new Set(['partisanship']));
  });
});
