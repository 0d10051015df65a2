/**
 * harassment: body-shaming, sexual remarks and threats aimed at an
 * identifiable person. The same words about nobody in particular ("jalanan
 * ini jelek") are not harassment, so a person target must stand in the
 * sentence.
 */
import { BODY_SHAMING, SEXUAL_REMARKS, THREATS } from '../data/harassment.js';
import { refs } from '../data/references.js';
import type { Rule } from '../engine.js';
import type { TermList } from '../terms.js';
import { suppressed } from './context.js';
import { L, targetNear } from './util.js';

const KIND: Record<string, { id: string; en: string }> = {
  'harassment-body': { id: 'ejekan fisik', en: 'body-shaming' },
  'harassment-sexual': { id: 'komentar bernuansa seksual', en: 'a sexual remark' },
  'harassment-threat': { id: 'ancaman', en: 'a threat' },
};

/** harassment/targeted: body-shaming, sexual remarks, threats aimed at a person. */
export const targeted: Rule = {
  meta: {
    id: 'harassment/targeted',
    category: 'harassment',
    severity: 'error',
    description: L(
      'Ejekan fisik, komentar seksual atau ancaman yang diarahkan ke orang tertentu (@akun, "si Rina", "Pak Budi", "kamu").',
      'Body-shaming, sexual remarks or threats aimed at an identifiable person (@account, "si Rina", "Pak Budi", "you").',
    ),
    references: refs('SE16', 'UUITE'),
    appliesTo: ['post'],
    lists: [BODY_SHAMING, SEXUAL_REMARKS, THREATS],
    examples: {
      valid: ['Jalan di depan kantor jelek sekali, semoga segera diperbaiki', 'Rina dari seksi umum hari ini memimpin rapat'],
      invalid: ['@dimas_87 dasar gendut jelek', 'Eh si Rina dari seksi umum bajunya ketat banget, bikin gagal fokus'],
    },
  },
  check(ctx) {
    const lists: TermList[] = [BODY_SHAMING, SEXUAL_REMARKS, THREATS];
    for (const list of lists) {
      for (const m of ctx.match(list)) {
        // threats need someone addressed; remarks need someone named, mentioned or addressed
        const target = targetNear(ctx, m.first, 12);
        if (!target) continue;
        if (target.kind === 'role' && list !== THREATS) continue;
        if (suppressed(ctx, m.first, m.last)) continue;
        const k = KIND[list.id] ?? { id: 'pelecehan', en: 'harassment' };
        const w = ctx.text.slice(m.range[0], m.range[1]);
        ctx.report({
          range: m.range,
          message: L(`"${w}" adalah ${k.id} yang ditujukan ke seseorang.`, `"${w}" is ${k.en} aimed at someone.`),
          suggestions: [
            L(
              'Hapus komentar tentang tubuh atau pakaian orang; kalau ada masalah, sampaikan secara pribadi dan sopan.',
              "Drop remarks about someone's body or clothes; raise real issues privately and politely.",
            ),
          ],
        });
      }
    }
  },
};
