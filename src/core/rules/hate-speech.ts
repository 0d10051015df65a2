/**
 * hate-speech: a group (SARA, orientation, disability) combined with a
 * hostile predicate or a call to violence in the same sentence, plus a few
 * slurs that are hostile on their own. Naming a group ("Selamat Natal bagi
 * saudara yang merayakan", "masjid dan gereja berdampingan") is never enough.
 */
import {
  EXCLUSION,
  GENERAL_AFTER as GENERAL_AFTER_LIST,
  GROUP_ANAPHORA,
  GROUPS,
  HOSTILE,
  PEOPLE_BEFORE as PEOPLE_BEFORE_LIST,
  PEOPLE_NOUNS as PEOPLE_NOUNS_LIST,
  SLURS,
  VIOLENT,
  WORSHIP,
} from '../data/hate.js';
import { refs } from '../data/references.js';
import type { Rule } from '../engine.js';
import type { Match } from '../terms.js';
import { contextOf, negatedBefore, negatedBetween, suppressed } from './context.js';
import { listRule } from './factory.js';
import { isWord, L, listWords, within } from './util.js';

const REFS = refs('SE137', 'BKN', 'SE16', 'UUITE');

/** Group words that name people by themselves ("kafir", "waria"), so no "orang ..." is needed. */
const PEOPLE_NOUNS = listWords(PEOPLE_NOUNS_LIST);
/** Multi-word group terms that name people ("orang cacat", "non muslim"), compared by pattern. */
const PEOPLE_PATTERNS = new Set(PEOPLE_NOUNS_LIST.terms.map((t) => t.pattern));
/** Words before a group name that make it about people ("orang Cina", "dasar Cina", "suku itu"). */
const PEOPLE_BEFORE = listWords(PEOPLE_BEFORE_LIST);
/** Generalisers after a group name ("Cina semua", "suku itu", "Batak memang"). */
const GENERAL_AFTER = listWords(GENERAL_AFTER_LIST);

const WINDOW = 7;

function peopleReference(toks: import('../normalize/tokenize.js').Token[], g: Match): boolean {
  const t = toks[g.first];
  if (isWord(t, PEOPLE_NOUNS) || PEOPLE_PATTERNS.has(g.term.pattern)) return true;
  for (let k = g.first - 1; k >= g.first - 2 && k >= 0; k--) if (toks[k]?.sentence === t?.sentence && isWord(toks[k], PEOPLE_BEFORE)) return true;
  const after = toks[g.last + 1];
  return after !== undefined && after.sentence === t?.sentence && isWord(after, GENERAL_AFTER);
}

/** hate-speech/sara: a group with a hostile predicate or a call to violence. */
export const sara: Rule = {
  meta: {
    id: 'hate-speech/sara',
    category: 'hate-speech',
    severity: 'error',
    description: L(
      'Kebencian atau permusuhan terhadap kelompok SARA, orientasi seksual atau disabilitas: nama kelompok bersama predikat merendahkan ("penipu semua", "najis") atau ajakan kekerasan ("usir", "bom gereja").',
      'Hatred or hostility against a SARA group, sexual orientation or disability: a group name with a demeaning predicate ("all cheats", "unclean") or a call to violence ("expel", "bomb the church").',
    ),
    references: REFS,
    appliesTo: ['post'],
    lists: [GROUPS, WORSHIP, HOSTILE, VIOLENT, EXCLUSION, GROUP_ANAPHORA],
    vocabulary: [PEOPLE_NOUNS_LIST, PEOPLE_BEFORE_LIST, GENERAL_AFTER_LIST],
    examples: {
      valid: [
        'Selamat merayakan Natal bagi saudara-saudara yang merayakan',
        'Suku bunga acuan turun, kredit makin murah',
        'Tidak semua orang Cina pedagang, stereotip itu keliru',
      ],
      invalid: ['Dasar Cina semua penipu, usir aja dari negeri ini', 'Kaum kafir itu najis', 'bom gereja itu balasan yang pantas'],
    },
  },
  check(ctx) {
    const toks = ctx.tok.tokens;
    const allGroups = ctx.match(GROUPS);
    const worship = ctx.match(WORSHIP);
    // frame slot "group reference": a group named as people, or a back-reference ("mereka", "umatnya")
    // once a group or a house of worship is named anywhere in the text
    const named = allGroups.filter((g) => peopleReference(toks, g));
    const anaphora = allGroups.length > 0 || worship.length > 0 ? ctx.match(GROUP_ANAPHORA) : [];
    const groups = anaphora.length === 0 ? named : [...named, ...anaphora].sort((a, b) => a.first - b.first);
    if (groups.length === 0 && worship.length === 0) return;
    const hostile = ctx.match(HOSTILE);
    const violent = ctx.match(VIOLENT);
    const pairs = (targets: Match[], preds: Match[], kind: 'hostile' | 'violent') => {
      for (const p of preds) {
        const s = toks[p.first]?.sentence;
        let best: Match | undefined;
        for (const g of within(targets, p.first - WINDOW - 3, p.last + WINDOW)) {
          if (toks[g.first]?.sentence !== s) continue;
          const d = g.last < p.first ? p.first - g.last : g.first - p.last;
          if (d < 0 || d > WINDOW) continue;
          if (!best || Math.abs(g.first - p.first) < Math.abs(best.first - p.first)) best = g;
        }
        if (!best) continue;
        const first = Math.min(best.first, p.first);
        const last = Math.max(best.last, p.last);
        if (
          suppressed(ctx, first, last, { condemn: kind === 'violent', news: kind === 'violent' }) ||
          // a text that condemns an attack anywhere ("Bom ... itu keji") reports it, it does not call for it
          (kind === 'violent' && contextOf(ctx).anyCondemn) ||
          // only the gap between group and predicate counts ("bukan" inside "bukan Islam" is part of the predicate),
          // and a negator right before another group name excludes, it does not refute ("Syiah itu bukan Islam")
          negatedBetween(
            ctx,
            best.last < p.first ? best.last : p.last,
            best.last < p.first ? p.first : best.first,
            (k) => within(allGroups, k + 1, k + 1).length > 0,
          ) ||
          negatedBefore(ctx, p.first, 2)
        )
          continue;
        const range: [number, number] = [toks[first]?.start as number, toks[last]?.end as number];
        const w = ctx.text.slice(range[0], range[1]);
        ctx.report({
          range,
          message:
            kind === 'violent'
              ? L(`"${w}" mengajak kekerasan atau pengusiran terhadap suatu kelompok.`, `"${w}" calls for violence or expulsion against a group.`)
              : L(`"${w}" merendahkan suatu kelompok (SARA).`, `"${w}" demeans a group (SARA).`),
          suggestions: [
            L(
              'Kritik perbuatan orang tertentu, bukan suku, agama, ras atau golongannya.',
              "Criticise a specific person's acts, not their ethnicity, religion, race or group.",
            ),
          ],
        });
      }
    };
    pairs(groups, hostile, 'hostile');
    pairs(groups, ctx.match(EXCLUSION), 'hostile');
    pairs(groups, violent, 'violent');
    pairs(worship, violent, 'violent');
  },
};

/** hate-speech/slur: demeaning nicknames for ethnic or religious groups. */
export const slur: Rule = listRule({
  meta: {
    id: 'hate-speech/slur',
    category: 'hate-speech',
    severity: 'error',
    description: L('Julukan merendahkan untuk kelompok etnis atau agama.', 'Demeaning nicknames for ethnic or religious groups.'),
    references: REFS,
    appliesTo: ['post', 'account'],
    lists: [SLURS],
    examples: { valid: ['Tahun Baru Imlek dirayakan warga Tionghoa'], invalid: ['Produk aseng lagi, males'] },
  },
  message: (_m, w) => L(`"${w}" adalah julukan yang merendahkan suatu kelompok.`, `"${w}" is a demeaning nickname for a group.`),
  suggestions: [L('Sebut kelompok dengan nama yang hormat, misalnya "warga Tionghoa".', 'Name groups respectfully, e.g. "Chinese Indonesians".')],
});
