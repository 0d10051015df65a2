/**
 * A rule made of term lists: every match that context does not silence is
 * reported with the term's note, suggestion and severity. Most categories
 * combine one such rule with small hand-written rules for combinations
 * (group + hostile predicate, person + accusation, ...).
 */
import type { Report, Rule, RuleContext, RuleMeta } from '../engine.js';
import { literalElsewhere, type Match, type TermList } from '../terms.js';
import type { Localized } from '../types.js';
import { type SuppressOptions, suppressed } from './context.js';

/** Options of {@link listRule}. */
export interface ListRuleOptions {
  meta: RuleMeta & { lists: TermList[] };
  /** The message for a match (default: the rule description). */
  message: (m: Match, words: string) => Localized;
  /** Suggestions when the term has none. */
  suggestions?: Localized[];
  /** Context signals that silence a match. */
  suppress?: SuppressOptions;
  /** Extra condition a match must meet (e.g. official-trip context somewhere in the text). */
  accept?: (ctx: RuleContext, m: Match) => boolean;
}

/** Builds a rule that reports the matches of its term lists. */
export function listRule(o: ListRuleOptions): Rule {
  return {
    meta: o.meta,
    check(ctx) {
      for (const list of o.meta.lists) {
        for (const m of ctx.match(list)) {
          if (suppressed(ctx, m.first, m.last, o.suppress)) continue;
          // the word is used in its literal sense elsewhere in the text: one sense per text
          if (m.term.unless?.length && ctx.memo(`literal:${list.id}:${m.term.pattern}`, () => literalElsewhere(m.term, ctx.tok.tokens, m.first))) continue;
          if (o.accept && !o.accept(ctx, m)) continue;
          const words = ctx.text.slice(m.range[0], m.range[1]);
          const r: Report = { range: m.range, message: o.message(m, words) };
          const sug = m.term.suggestion ? [m.term.suggestion] : o.suggestions;
          if (sug && sug.length > 0) r.suggestions = sug;
          if (m.term.severity) r.severity = m.term.severity;
          ctx.report(r);
        }
      }
    },
  };
}
