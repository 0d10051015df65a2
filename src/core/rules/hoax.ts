/**
 * hoax: chain-message formulas, hearsay about pay/tax rules, shouted
 * "VIRAL!!", and claims already clarified as hoaxes. A text that debunks a
 * hoax ("Itu hoaks, cek klarifikasinya") is the opposite of the act.
 */
import { CHAIN_MARKERS, CLAIM_VERBS, HEARSAY, KNOWN_HOAXES } from '../data/hoax.js';
import { INSIDER_CLAIMS } from '../data/hoax-insider.js';
import { refs } from '../data/references.js';
import type { Rule, RuleContext } from '../engine.js';
import { contextOf, suppressed } from './context.js';
import { listRule } from './factory.js';
import { L, within } from './util.js';

const REFS = refs('SE16', 'SE137', 'UUITE');
const VERIFY = L(
  'Cek dulu ke sumber resmi dan cantumkan sumbernya; kalau belum jelas, jangan dibagikan.',
  'Check an official source first and cite it; if unclear, do not share.',
);

function debunking(ctx: RuleContext): boolean {
  return contextOf(ctx).anyDebunk;
}

/** hoax/chain-message: chain-message and insider-info formulas. */
export const chainMessage: Rule = listRule({
  meta: {
    id: 'hoax/chain-message',
    category: 'hoax',
    severity: 'warning',
    description: L(
      'Ciri pesan berantai atau kabar tanpa sumber: "SEBARKAN!!", "sebelum dihapus", "info dari orang dalam", "dari grup sebelah".',
      'Chain-message or unsourced-claim formulas: "SHARE!!", "before it is deleted", "insider info", "from another group".',
    ),
    references: REFS,
    appliesTo: ['post'],
    lists: [CHAIN_MARKERS],
    examples: {
      valid: ['Hati-hati, beredar pesan berantai soal pemblokiran NPWP. Itu hoaks, cek klarifikasi resminya', 'Sebarkan kebaikan setiap hari'],
      invalid: ['SEBARKAN!!! ... info dari orang dalam Kemenkeu. Sebelum dihapus!!!'],
    },
  },
  accept: (ctx) => !debunking(ctx),
  message: (_m, w) => L(`"${w}" adalah ciri pesan berantai; isinya belum tentu benar.`, `"${w}" is a chain-message formula; the content may be false.`),
});

/** hoax/known: claims already clarified as hoaxes. */
export const known: Rule = listRule({
  meta: {
    id: 'hoax/known',
    category: 'hoax',
    severity: 'error',
    description: L('Klaim yang sudah diklarifikasi sebagai hoaks.', 'Claims already clarified as hoaxes.'),
    references: REFS,
    appliesTo: ['post'],
    lists: [KNOWN_HOAXES],
    examples: {
      valid: ['Hoaks: vaksin mengandung chip pelacak. Faktanya tidak ada chip dalam vaksin.'],
      invalid: ['Vaksin mengandung chip pelacak, sudah terbukti'],
    },
  },
  accept: (ctx) => !debunking(ctx),
  message: (_m, w) => L(`"${w}" adalah hoaks yang sudah diklarifikasi.`, `"${w}" is a hoax that has been clarified.`),
});

/** hoax/hearsay: "katanya ... dibatalkan", "VIRAL!!". */
export const hearsay: Rule = {
  meta: {
    id: 'hoax/hearsay',
    category: 'hoax',
    severity: 'warning',
    description: L(
      'Kabar katanya-katanya tentang aturan, gaji atau pajak ("katanya gaji ke-13 dibatalkan"), dan "VIRAL!!" yang diteriakkan.',
      'Hearsay about rules, pay or tax ("they say the 13th salary is cancelled"), and a shouted "VIRAL!!".',
    ),
    references: REFS,
    appliesTo: ['post'],
    lists: [HEARSAY, CLAIM_VERBS],
    examples: {
      valid: ['Katanya film itu bagus, nanti nonton ah', 'Video viral kemarin lucu banget'],
      invalid: ['Katanya sih gaji ke-13 PNS tahun ini dibatalkan', 'VIRAL!! Vaksin mengandung chip'],
    },
  },
  check(ctx) {
    // the context analysis (debunking) runs only once a candidate exists: most texts have none
    const toks = ctx.tok.tokens;
    const claims = ctx.match(CLAIM_VERBS);
    for (const m of ctx.match(HEARSAY)) {
      const s = toks[m.first]?.sentence;
      if (!within(claims, m.last + 1, m.last + 25).some((c) => toks[c.first]?.sentence === s)) continue;
      if (debunking(ctx) || suppressed(ctx, m.first, m.last)) continue;
      ctx.report({
        range: m.range,
        message: L(
          `"${ctx.text.slice(m.range[0], m.range[1])}": kabar ini belum jelas sumbernya.`,
          `"${ctx.text.slice(m.range[0], m.range[1])}": this claim has no clear source.`,
        ),
        suggestions: [VERIFY],
      });
    }
    // "VIRAL!!" shouted in capitals or with exclamation marks: the opener of a forwarded message
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i];
      if (t?.kind !== 'word' || t.norm !== 'viral') continue;
      const shouted = t.raw === 'VIRAL' || ctx.text.charCodeAt(t.end) === 33;
      if (!shouted || debunking(ctx) || suppressed(ctx, i, i)) continue;
      ctx.report({
        range: [t.start, t.end],
        message: L(
          '"VIRAL!!" adalah pembuka khas pesan berantai; pastikan isinya benar.',
          '"VIRAL!!" is a typical chain-message opener; make sure the content is true.',
        ),
        suggestions: [VERIFY],
      });
    }
  },
};

/**
 * hoax/insider-chain: a chain message that claims insider information ("SEBARKAN SEBELUM DIHAPUS ... info dari orang
 * dalam"). Each formula alone is a warning (hoax/chain-message); the two together present an unverifiable leak as fact
 * and urge others to spread it, which is an error by default (a policy may lower the hoax category's severity).
 */
export const insiderChain: Rule = {
  meta: {
    id: 'hoax/insider-chain',
    category: 'hoax',
    severity: 'error',
    description: L(
      'Pesan berantai yang mengaku berisi informasi orang dalam ("SEBARKAN SEBELUM DIHAPUS ... info dari orang dalam").',
      'A chain message claiming insider information ("SHARE BEFORE IT IS DELETED ... info from an insider").',
    ),
    references: REFS,
    appliesTo: ['post'],
    lists: [INSIDER_CLAIMS, CHAIN_MARKERS],
    examples: {
      valid: ['Info dari orang dalam? Cek dulu, itu hoaks; klarifikasi resmi sudah ada', 'Rapat dengan orang dalam tim berjalan lancar'],
      invalid: ['SEBARKAN SEBELUM DIHAPUS!! info dari orang dalam, gaji ASN bulan depan dipotong'],
    },
  },
  check(ctx) {
    const insiders = ctx.match(INSIDER_CLAIMS);
    if (insiders.length === 0) return;
    const chain = ctx.match(CHAIN_MARKERS);
    for (const m of insiders) {
      // an urge to spread elsewhere in the text (not the insider phrase itself, which is also a chain marker)
      const urge = chain.find((c) => c.range[1] <= m.range[0] || c.range[0] >= m.range[1]);
      if (!urge) continue;
      if (debunking(ctx) || suppressed(ctx, m.first, m.last)) continue;
      const words = ctx.text.slice(m.range[0], m.range[1]);
      const spread = ctx.text.slice(urge.range[0], urge.range[1]);
      ctx.report({
        range: m.range,
        severity: 'error',
        message: L(
          `Pesan berantai ("${spread}") yang mengaku "${words}": kabar bocoran tanpa sumber resmi tidak boleh disebarkan ASN.`,
          `A chain message ("${spread}") claiming "${words}": civil servants must not spread unsourced leaks.`,
        ),
        suggestions: [VERIFY],
      });
      return;
    }
  },
};
