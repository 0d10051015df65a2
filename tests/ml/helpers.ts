import { existsSync } from 'node:fs';
import type { Example } from '../../src/ml/data.js';
import { DEFAULT_IBROHIM, DEFAULT_NETIFIER } from '../../src/ml/data.js';

/** Whether the licensed data sets of ../shared are present (tests that need them skip otherwise). */
export const HAVE_SHARED = existsSync(DEFAULT_IBROHIM) && existsSync(DEFAULT_NETIFIER);
if (!HAVE_SHARED) console.warn(`tests/ml: ../shared datasets absent (${DEFAULT_IBROHIM}); data-dependent tests are skipped`);

/** A handful of synthetic sentences: insults (label 1) and polite sentences (label 0), repeated with variations. */
export function syntheticExamples(): Example[] {
  const bad = ['dasar goblok lu', 'tolol banget sih kamu', 'goblok dan tolol semua', 'kamu memang goblok', 'dasar tolol tidak tahu diri', 'mulutmu goblok'];
  const good = [
    'selamat pagi semua',
    'terima kasih atas bantuannya',
    'semoga sehat selalu',
    'rapat dimulai jam sembilan',
    'mari kita bekerja bersama',
    'laporan sudah dikirim',
  ];
  const out: Example[] = [];
  for (let k = 0; k < 12; k++) {
    for (const b of bad) out.push({ text: `${b} ${k % 3 === 0 ? 'ya' : ''}`.trim(), labels: { abusive: 1 } });
    for (const g of good) out.push({ text: `${g} ${k % 3 === 0 ? 'ya' : ''}`.trim(), labels: { abusive: 0 } });
  }
  return out;
}
