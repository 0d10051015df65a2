/**
 * abusive: coarse words (a term list with literal-sense exceptions) and
 * insults built from an ordinary adjective aimed at someone ("dasar jelek").
 */
import { INSULT_LEAD, INSULT_WORDS, PROFANITY } from '../data/abusive.js';
import { refs } from '../data/references.js';
import type { Rule } from '../engine.js';
import { suppressed } from './context.js';
import { listRule } from './factory.js';
import { isWord, L, listWords } from './util.js';

const REFS = refs('SE16');

/** abusive/profanity: swear words, vulgar words. */
export const profanity: Rule = listRule({
  meta: {
    id: 'abusive/profanity',
    category: 'abusive',
    severity: 'warning',
    description: L(
      'Kata makian atau kata kasar. Panduan meminta bahasa yang sopan; arti harfiah ("ajak anjing jalan", "babi kecap") tidak ditandai.',
      'Swear or coarse words. The guideline asks for polite language; literal senses ("walking the dog", "pork in soy sauce") are not flagged.',
    ),
    references: REFS,
    appliesTo: ['post', 'account'],
    lists: [PROFANITY],
    examples: {
      valid: ['Pagi-pagi ajak anjing jalan keliling kompleks 🐕', 'Resep babi kecap khas Medan', 'Analisis APBN semester I'],
      invalid: ['Anjing lu, goblok banget', 'bangsaaattt emang, t0l0l parah'],
    },
  },
  // a negator does not cancel a swear word ("jangan goblok") but a quoted word is a mention
  suppress: { negation: false },
  message: (_m, w) => L(`"${w}" termasuk kata kasar. Sebaiknya diganti.`, `"${w}" is a coarse word. Better to rephrase.`),
  suggestions: [L('Pakai kata yang sopan, atau sampaikan kekesalan tanpa makian.', 'Use polite words, or voice the frustration without swearing.')],
});

const LEAD = listWords(INSULT_LEAD);

/** abusive/insult: "dasar <adjective>", "kamu <adjective>" aimed at someone. */
export const insult: Rule = {
  meta: {
    id: 'abusive/insult',
    category: 'abusive',
    severity: 'warning',
    description: L(
      'Hinaan yang diarahkan ke orang: "dasar ..." atau "kamu/lu ..." diikuti kata sifat merendahkan.',
      'An insult aimed at someone: "dasar ..." or "you ..." followed by a demeaning adjective.',
    ),
    references: REFS,
    appliesTo: ['post'],
    lists: [INSULT_WORDS],
    vocabulary: [INSULT_LEAD],
    examples: { valid: ['Rumah tua itu jelek tapi nyaman', 'Dasar negara kita Pancasila'], invalid: ['@dimas_87 dasar gendut jelek', 'lu jelek banget'] },
  },
  check(ctx) {
    const toks = ctx.tok.tokens;
    for (const m of ctx.match(INSULT_WORDS)) {
      // the insult word must follow "dasar" or a second-person pronoun within two words
      let from = -1;
      for (let k = m.first - 1; k >= 0 && k >= m.first - 2; k--) {
        const t = toks[k];
        if (!t || t.sentence !== toks[m.first]?.sentence) break;
        if (isWord(t, LEAD)) {
          from = k;
          break;
        }
      }
      if (from < 0 || suppressed(ctx, from, m.last)) continue;
      const range: [number, number] = [toks[from]?.start as number, m.range[1]];
      const w = ctx.text.slice(range[0], range[1]);
      ctx.report({
        range,
        message: L(`"${w}" merendahkan orang lain.`, `"${w}" demeans someone.`),
        suggestions: [L('Sampaikan kritik pada perbuatannya, bukan pada orangnya.', 'Criticise what was done, not the person.')],
      });
    }
  },
};
