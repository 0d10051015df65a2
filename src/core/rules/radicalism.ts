/**
 * radicalism: calls to replace Pancasila/NKRI (a caliphate), takfiri words
 * about the state, and approval of terror. News and condemnation ("turut
 * berduka", "terorisme tidak punya tempat", "Densus menangkap") are not
 * radicalism.
 */
import { APPROVAL, CALIPHATE, CALIPHATE_CALLS, RADICAL_PHRASES, VIOLENCE } from '../data/radicalism.js';
import { refs } from '../data/references.js';
import type { Rule, RuleContext } from '../engine.js';
import type { Match } from '../terms.js';
import { contextOf, suppressed } from './context.js';
import { listRule } from './factory.js';
import { L, within } from './util.js';

const REFS = refs('SE137', 'SE16', 'BKN');
const SUGGEST = [
  L(
    'Hapus ajakan ini. ASN wajib setia pada Pancasila, UUD 1945 dan NKRI.',
    'Remove this call. Civil servants must stay loyal to Pancasila, the Constitution and the unitary state.',
  ),
];

/** Condemnation anywhere in the post covers the whole post: mourning posts name the attack in one sentence and condemn it in the next. */
function condemning(ctx: RuleContext): boolean {
  return contextOf(ctx).anyCondemn;
}

/** radicalism/phrases: phrases that are radical on their own. */
export const phrases: Rule = listRule({
  meta: {
    id: 'radicalism/phrases',
    category: 'radicalism',
    severity: 'error',
    description: L(
      'Ajakan mengganti Pancasila/NKRI, sebutan "thogut" untuk negara, dukungan kelompok teror.',
      'Calls to replace Pancasila/NKRI, calling the state "thogut", support for terror groups.',
    ),
    references: REFS,
    appliesTo: ['post', 'account'],
    lists: [RADICAL_PHRASES],
    examples: {
      valid: ['Densus 88 menangkap anggota jaringan yang ingin ganti NKRI dengan khilafah', 'Pancasila dasar negara kita'],
      invalid: ['Demokrasi itu sistem thogut'],
    },
  },
  suppress: { news: true, condemn: true },
  accept: (ctx) => !condemning(ctx),
  message: (_m, w) => L(`"${w}" menentang Pancasila/NKRI atau mendukung terorisme.`, `"${w}" opposes Pancasila/the unitary state or supports terrorism.`),
  suggestions: SUGGEST,
});

function nearest(ms: Match[], k: number, sentence: number, toks: RuleContext['tok']['tokens'], window: number): Match | undefined {
  let best: Match | undefined;
  for (const m of within(ms, k - window, k + window)) {
    if (toks[m.first]?.sentence !== sentence || m.first === k) continue;
    const d = Math.abs(m.first - k);
    if (d <= window && (!best || d < Math.abs(best.first - k))) best = m;
  }
  return best;
}

/** radicalism/combination: a caliphate with a call verb, or violence with approval, in one sentence. */
export const combination: Rule = {
  meta: {
    id: 'radicalism/combination',
    category: 'radicalism',
    severity: 'error',
    description: L(
      'Khilafah bersama ajakan ("saatnya tegakkan khilafah"), atau aksi teror bersama persetujuan ("bom itu balasan yang pantas").',
      'A caliphate with a call ("time to establish the caliphate"), or a terror act with approval ("the bombing was a fitting reply").',
    ),
    references: REFS,
    appliesTo: ['post'],
    lists: [CALIPHATE, CALIPHATE_CALLS, VIOLENCE, APPROVAL],
    examples: {
      valid: [
        'Turut berduka untuk korban serangan teror di Makassar. Terorisme tidak punya tempat di negeri ini.',
        'Sejarah kekhalifahan Utsmaniyah dibahas di kelas sejarah',
      ],
      invalid: ['Khilafah wajib kita perjuangkan', 'Siap berjihad, bom gereja itu balasan yang pantas buat mereka'],
    },
  },
  check(ctx) {
    const toks = ctx.tok.tokens;
    const run = (heads: Match[], others: Match[], window: number, msg: ReturnType<typeof L>) => {
      for (const h of heads) {
        const o = nearest(others, h.first, toks[h.first]?.sentence as number, toks, window);
        // condemnation anywhere covers the whole post; computed only once a candidate pair exists
        if (!o || condemning(ctx)) continue;
        const first = Math.min(h.first, o.first);
        const last = Math.max(h.last, o.last);
        if (suppressed(ctx, first, last, { news: true, condemn: true })) continue;
        const range: [number, number] = [toks[first]?.start as number, toks[last]?.end as number];
        ctx.report({ range, message: msg, suggestions: SUGGEST });
      }
    };
    run(
      ctx.match(CALIPHATE),
      ctx.match(CALIPHATE_CALLS),
      4,
      L('Ajakan menegakkan khilafah untuk mengganti NKRI.', 'A call to establish a caliphate in place of the state.'),
    );
    run(ctx.match(VIOLENCE), ctx.match(APPROVAL), 6, L('Teks ini membenarkan atau memuji aksi teror.', 'This text justifies or praises a terror act.'));
  },
};
