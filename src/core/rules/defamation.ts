/**
 * defamation: an identifiable individual (Pak/Bu <Name>, @account, "atasan
 * saya") accused of a crime or disgrace, without a news or due-process
 * frame. An institution or a policy is not an individual.
 */
import { ACCUSATIONS, NOT_ACCUSING } from '../data/defamation.js';
import { refs } from '../data/references.js';
import type { Rule } from '../engine.js';
import { suppressed } from './context.js';
import { L, targetNear, within } from './util.js';

/** defamation/accusation: a named person accused of a crime without proof. */
export const accusation: Rule = {
  meta: {
    id: 'defamation/accusation',
    category: 'defamation',
    severity: 'warning',
    description: L(
      'Menuduh orang tertentu melakukan pidana atau aib tanpa bukti ("Pak X korupsi, semua orang tahu"). Kritik pada lembaga atau kebijakan bukan pencemaran nama baik.',
      'Accusing an identifiable person of a crime or disgrace without proof. Criticism of an institution or a policy is not defamation.',
    ),
    references: refs('UUITE', 'SE137'),
    appliesTo: ['post'],
    lists: [ACCUSATIONS, NOT_ACCUSING],
    examples: {
      valid: [
        'Kebijakan tarif cukai rokok tahun ini menurut saya kurang tepat',
        'KPK menetapkan Pak Harun sebagai tersangka kasus korupsi',
        'Pak Budi memimpin sosialisasi pencegahan korupsi',
      ],
      invalid: ['Pak Harun kepala kantor kami itu korupsi, terima suap dari rekanan, semua orang juga tahu'],
    },
  },
  check(ctx) {
    const acc = ctx.match(ACCUSATIONS);
    if (acc.length === 0) return;
    const framing = ctx.match(NOT_ACCUSING);
    const toks = ctx.tok.tokens;
    for (const m of acc) {
      const s = toks[m.first]?.sentence;
      if (within(framing, m.first - 30, m.first + 30).some((f) => toks[f.first]?.sentence === s)) continue;
      const target = targetNear(ctx, m.first, 12, ['mention', 'named', 'role']);
      if (!target) continue;
      if (suppressed(ctx, m.first, m.last, { news: true, window: 3 })) continue;
      const w = ctx.text.slice(m.range[0], m.range[1]);
      ctx.report({
        range: m.range,
        message: L(
          `Tuduhan "${w}" kepada orang tertentu tanpa bukti bisa menjadi fitnah atau pencemaran nama baik.`,
          `Accusing a specific person of "${w}" without proof may be defamation.`,
        ),
        suggestions: [
          L(
            'Laporkan dugaan pelanggaran lewat saluran resmi (WISE Kemenkeu, Itjen), bukan di media sosial.',
            'Report suspected wrongdoing through official channels (Kemenkeu WISE whistleblowing, the Inspectorate), not on social media.',
          ),
        ],
      });
    }
  },
};
