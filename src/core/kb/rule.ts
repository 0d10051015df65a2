/**
 * The KB side of `hoax/known`: a draft that states a claim the knowledge base
 * holds as clarified false is an error on the matching sentence(s), with the
 * verdict, the clarification and its source; a weaker match is an info
 * finding "mirip dengan ...". A draft that debunks (the shared context
 * analysis of rules/context.ts) is not a match. KB findings are binding: the
 * learned judge, which runs last, cannot withdraw them (Report.binding).
 */
import type { Rule, RuleContext } from '../engine.js';
import { contextOf } from '../rules/context.js';
import type { Localized } from '../types.js';
import { type KbIndex, matchKb } from './matcher.js';
import { VERDICT_LABELS } from './schema.js';

const REFS = ['SE-16/MK.01/2018', 'SE MenPAN-RB 137/2018', 'UU ITE (UU 1/2024)'];

function clip(s: string, n: number): string {
  return s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`;
}

/** Reports KB matches of one field (used inside the `hoax/known` rule). */
export function checkKb(ctx: RuleContext, index: KbIndex): void {
  if (index.docs === 0) return;
  const hits = matchKb(index, ctx.text, ctx.tok);
  if (hits.length === 0) return;
  // a text that debunks the claim (says it is a hoax, points to the clarification) is the opposite of spreading it
  if (contextOf(ctx).anyDebunk) return;
  const reported = new Set<string>();
  for (const h of hits) {
    const key = `${h.range[0]}:${h.range[1]}`;
    if (reported.has(key)) continue; // the best hit per window only
    reported.add(key);
    const e = h.entry;
    const v = VERDICT_LABELS[e.verdict];
    const src = e.source.url ? `${e.source.name} (${e.source.url})` : e.source.name;
    const date = e.date ? `, ${formatDateId(e.date)}` : '';
    const refs = [...REFS, e.source.url ? `${e.source.name}: ${e.source.url}` : e.source.name];
    const suggestions: Localized[] = [
      { id: `Klarifikasi ${src}${date}: ${e.summary}`, en: `Clarification by ${src}${date}: ${e.summary}` },
      {
        id: 'Jangan bagikan; kalau ingin meluruskan, sebut bahwa ini hoaks dan tautkan klarifikasinya.',
        en: 'Do not share it; to correct it, say it is a hoax and link the clarification.',
      },
    ];
    if (h.decision === 'known') {
      ctx.report({
        range: h.range,
        severity: 'error',
        references: refs,
        binding: true, // the organisation's clarified fact: the learned judge does not overrule it
        message: {
          id: `Klaim ini sudah diklarifikasi sebagai ${v.id} oleh ${e.source.name}: "${clip(h.claim, 120)}". ${clip(e.summary, 300)}`,
          en: `This claim has been clarified as ${v.en} by ${e.source.name}: "${clip(h.claim, 120)}". ${clip(e.summary, 300)}`,
        },
        suggestions,
      });
    } else {
      ctx.report({
        range: h.range,
        severity: 'info',
        references: refs,
        binding: true,
        message: {
          id: `Mirip dengan klaim yang diklarifikasi sebagai ${v.id} oleh ${e.source.name}: "${clip(h.claim, 120)}". Pastikan isinya benar.`,
          en: `Similar to a claim clarified as ${v.en} by ${e.source.name}: "${clip(h.claim, 120)}". Make sure it is true.`,
        },
        suggestions,
      });
    }
  }
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

/** "2024-03-05" -> "5 Maret 2024" (id-ID). */
export function formatDateId(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[(m as number) - 1] ?? m} ${y}`;
}

/**
 * The rule set with the KB added to `hoax/known`: that rule keeps its own
 * term list and also matches the KB, so findings keep one rule id and the
 * policy's settings for the hoax category apply to both.
 */
export function withKb(rules: readonly Rule[], index: KbIndex): Rule[] {
  if (!rules.some((r) => r.meta.id === 'hoax/known')) return [...rules, kbRule(index)];
  return rules.map((r) => {
    if (r.meta.id !== 'hoax/known') return r;
    return {
      ...r,
      check(ctx: RuleContext) {
        r.check(ctx);
        checkKb(ctx, index);
      },
    };
  });
}

/** A standalone `hoax/known` rule over the KB only (when the rule set has none). */
export function kbRule(index: KbIndex): Rule {
  return {
    meta: {
      id: 'hoax/known',
      category: 'hoax',
      severity: 'error',
      description: { id: 'Klaim yang sudah diklarifikasi sebagai hoaks.', en: 'Claims already clarified as hoaxes.' },
      references: REFS,
      appliesTo: ['post'],
    },
    check: (ctx) => checkKb(ctx, index),
  };
}
