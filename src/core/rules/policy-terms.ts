/**
 * The organisation's own terms (policy `extraTerms`), one rule per category
 * so that switching a category off in the policy also switches its extra
 * terms off. The lists are built once per policy and compiled when the
 * checker is created.
 */
import { refs } from '../data/references.js';
import type { Rule } from '../engine.js';
import { DEFAULT_SEVERITY } from '../policy.js';
import { CATEGORIES, type Category } from '../types.js';
import { suppressed } from './context.js';
import { extraLists } from './policy-lists.js';
import { L } from './util.js';

function extraRule(category: Category): Rule {
  return {
    meta: {
      id: `${category}/policy-terms`,
      category,
      severity: DEFAULT_SEVERITY[category],
      description: L(
        `Istilah tambahan dari kebijakan organisasi (extraTerms) untuk kategori ${category}.`,
        `Extra terms from the organisation's policy (extraTerms) for ${category}.`,
      ),
      references: refs('SE16'),
      appliesTo: ['post', 'account'],
    },
    prepare(policy) {
      const l = extraLists(policy).get(category);
      return l ? [l] : undefined;
    },
    check(ctx) {
      const list = extraLists(ctx.policy).get(category);
      if (!list) return;
      for (const m of ctx.match(list)) {
        if (suppressed(ctx, m.first, m.last)) continue;
        const w = ctx.text.slice(m.range[0], m.range[1]);
        ctx.report({
          range: m.range,
          message: L(
            `"${w}" termasuk istilah yang ditandai kebijakan organisasi${m.term.note ? `: ${m.term.note}` : ''}.`,
            `"${w}" is a term flagged by the organisation's policy${m.term.note ? `: ${m.term.note}` : ''}.`,
          ),
          ...(m.term.severity ? { severity: m.term.severity } : {}),
        });
      }
    },
  };
}

/** One extra-terms rule per category. */
export const POLICY_TERM_RULES: Rule[] = CATEGORIES.map(extraRule);
