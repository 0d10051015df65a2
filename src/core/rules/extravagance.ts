/**
 * extravagance: official trips shown off as holidays ("dinas rasa liburan",
 * "makasih APBN"), leisure and luxury on an official trip, and flaunting
 * luxury goods. A plain trip report ("tugas monitoring di KPPN Ambon
 * selesai") and news about luxury goods are not extravagance.
 */
import { FLEX, FLEX_EMOJI as FLEX_EMOJI_LIST, LUXURY, TRIP_CONTEXT, TRIP_LEISURE, TRIP_PHRASES } from '../data/extravagance.js';
import { refs } from '../data/references.js';
import type { Rule, RuleContext } from '../engine.js';
import { suppressed } from './context.js';
import { listRule } from './factory.js';
import { isCapitalized, L } from './util.js';

const REFS = refs('SE16');

/** extravagance/trip-phrases: phrases that show a trip off as a state-paid holiday. */
export const tripPhrases: Rule = listRule({
  meta: {
    id: 'extravagance/trip-phrases',
    category: 'extravagance',
    severity: 'warning',
    description: L(
      'Unggahan perjalanan dinas yang terkesan liburan atas biaya negara ("dinas rasa liburan", "makasih APBN").',
      'Official-trip posts that read as a holiday at the state’s expense ("official trip feels like a holiday", "thanks, state budget").',
    ),
    references: REFS,
    appliesTo: ['post'],
    lists: [TRIP_PHRASES],
    examples: {
      valid: ['Alhamdulillah tugas monitoring di KPPN Ambon selesai'],
      invalid: ['Dinas ke Bali rasa liburan 🏝️', 'Makasih APBN 😂', '#dinasrasaliburan'],
    },
  },
  message: (_m, w) => L(`"${w}" bisa dianggap pemborosan APBN.`, `"${w}" may read as wasting the state budget.`),
});

function tripContext(ctx: RuleContext): boolean {
  return ctx.memo('extravagance.trip', () => {
    const toks = ctx.tok.tokens;
    // "Dinas Pendidikan" is a local-government office, not an official trip
    return ctx.match(TRIP_CONTEXT).some((m) => !(m.first === m.last && toks[m.first]?.norm === 'dinas' && isCapitalized(toks[m.first + 1])));
  });
}

/** extravagance/trip-leisure: luxury and leisure words in a post about an official trip. */
export const tripLeisure: Rule = listRule({
  meta: {
    id: 'extravagance/trip-leisure',
    category: 'extravagance',
    severity: 'warning',
    description: L(
      'Kemewahan atau wisata dalam unggahan perjalanan dinas (resort bintang 5, belanja, "sepuasnya").',
      'Luxury or leisure in a post about an official trip (5-star resort, shopping, "all you can eat").',
    ),
    references: REFS,
    appliesTo: ['post'],
    lists: [TRIP_LEISURE],
    examples: {
      valid: ['Liburan keluarga ke Bali pakai tabungan sendiri', 'Realisasi belanja negara hingga Oktober'],
      invalid: ['Dinas ke Bali, nginep di resort bintang 5'],
    },
  },
  accept: (ctx) => tripContext(ctx),
  message: (_m, w) =>
    L(`"${w}" dalam unggahan perjalanan dinas bisa dianggap pemborosan APBN.`, `"${w}" in a post about an official trip may read as wasting the state budget.`),
});

const FLEX_EMOJI = new Set(FLEX_EMOJI_LIST.terms.map((t) => t.pattern));

function flexing(ctx: RuleContext): boolean {
  return ctx.memo(
    'extravagance.flex',
    () => ctx.match(FLEX).length > 0 || ctx.tok.tokens.some((t) => t.kind === 'emoji' && FLEX_EMOJI.has(t.raw.replace(/\uFE0F/g, ''))),
  );
}

/** extravagance/luxury: luxury goods with a show-off word ("pamer moge baru"). */
export const luxury: Rule = {
  meta: {
    id: 'extravagance/luxury',
    category: 'extravagance',
    severity: 'warning',
    description: L(
      'Pamer barang mewah (moge, mobil mewah, tas dan jam bermerek).',
      'Flaunting luxury goods (big motorbikes, luxury cars, designer bags and watches).',
    ),
    references: refs('SE16', 'FLEXING'),
    appliesTo: ['post'],
    lists: [LUXURY, FLEX],
    vocabulary: [FLEX_EMOJI_LIST],
    examples: { valid: ['Bea Cukai menyita 30 unit Harley ilegal di Tanjung Priok'], invalid: ['Pamer dikit lah moge baru, Harley 1200cc gaes 🏍️🔥'] },
  },
  check(ctx) {
    const items = ctx.match(LUXURY);
    if (items.length === 0 || !flexing(ctx)) return;
    for (const m of items) {
      if (suppressed(ctx, m.first, m.last, { news: true, window: 4 })) continue;
      const w = ctx.text.slice(m.range[0], m.range[1]);
      ctx.report({
        range: m.range,
        message: L(
          `Memamerkan "${w}" bertentangan dengan imbauan hidup sederhana bagi pegawai.`,
          `Showing off "${w}" goes against the call for civil servants to live simply.`,
        ),
        suggestions: m.term.suggestion ? [m.term.suggestion] : [],
      });
    }
  },
};
