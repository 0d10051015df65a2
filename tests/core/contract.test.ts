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
