/**
 * Turns a text model into checker rules, one per category (`hate-speech/model`,
 * `abusive/model`, ...). All rules share one prediction per field through
 * `ctx.memo`, so the features are extracted once however many heads there are.
 */
import type { Report, Rule, RuleContext } from '../engine.js';
import type { Token } from '../normalize/tokenize.js';
import { DEFAULT_SEVERITY } from '../policy.js';
import { contextOf, suppressed } from '../rules/context.js';
import type { Category, Localized } from '../types.js';
import type { Model } from './format.js';
import { type HeadScore, predictTokens } from './predict.js';

/** Options of {@link modelRules}. */
export interface ModelRuleOptions {
  /** Multiplies every head's operating threshold's odds (above 1 = stricter). Default 1. */
  strictness?: number;
  /** Texts with fewer word tokens are not judged by the model (too little evidence). Default 3. */
  minWords?: number;
  /** Texts longer than this many UTF-16 units are scored on their first part only. Default 20,000. */
  maxChars?: number;
  /** Context guard (quotes, condemnation, reporting). Default on. */
  contextGuard?: boolean;
}

interface CategoryText {
  what: Localized;
  suggestion: Localized;
  references: string[];
  description: Localized;
}

/** Messages and guideline references per category (references as in ../shared/docs/policy.md). */
const TEXTS: Partial<Record<Category, CategoryText>> = {
  'hate-speech': {
    what: { id: 'ujaran kebencian atau permusuhan terhadap orang atau kelompok (SARA)', en: 'hate speech or hostility against a person or group (SARA)' },
    suggestion: {
      id: 'Hapus bagian yang menyudutkan suku, agama, ras atau golongan; sampaikan kritik tanpa menyerang identitas.',
      en: 'Remove what targets an ethnicity, religion, race or group; criticise without attacking identity.',
    },
    references: ['SE MenPAN-RB 137/2018', 'BKN K.26-30/V.72-2/99', 'SE-16/MK.01/2018', 'UU ITE (UU 1/2024)'],
    description: { id: 'Model statistis untuk ujaran kebencian (SARA).', en: 'Statistical model for hate speech (SARA).' },
  },
  abusive: {
    what: { id: 'bahasa kasar atau menghina', en: 'coarse or insulting language' },
    suggestion: { id: 'Gunakan kata-kata yang santun.', en: 'Use polite words.' },
    references: ['SE-16/MK.01/2018'],
    description: { id: 'Model statistis untuk bahasa kasar.', en: 'Statistical model for abusive language.' },
  },
  pornography: {
    what: { id: 'konten pornografi atau asusila', en: 'pornographic or indecent content' },
    suggestion: { id: 'Jangan unggah atau bagikan konten bermuatan seksual.', en: 'Do not post or share sexual content.' },
    references: ['SE MenPAN-RB 137/2018', 'SE-16/MK.01/2018', 'UU ITE (UU 1/2024)'],
    description: { id: 'Model statistis untuk pornografi.', en: 'Statistical model for pornography.' },
  },
  radicalism: {
    what: { id: 'muatan radikalisme, terorisme atau ajakan kekerasan', en: 'radicalism, terrorism or calls to violence' },
    suggestion: {
      id: 'Jangan unggah dukungan terhadap kekerasan atau penggantian Pancasila/NKRI.',
      en: 'Do not post support for violence or for replacing Pancasila/NKRI.',
    },
    references: ['SE MenPAN-RB 137/2018', 'SE-16/MK.01/2018', 'BKN K.26-30/V.72-2/99'],
    description: { id: 'Model statistis untuk radikalisme.', en: 'Statistical model for radicalism.' },
  },
  defamation: {
    what: { id: 'tuduhan yang dapat mencemarkan nama baik seseorang', en: 'an accusation that may defame a person' },
    suggestion: {
      id: 'Jangan menuduh orang tertentu tanpa bukti; kritik kebijakan atau lembaga boleh, dengan santun.',
      en: 'Do not accuse a named person without proof; criticising a policy or an institution politely is fine.',
    },
    references: ['UU ITE (UU 1/2024)', 'SE MenPAN-RB 137/2018'],
    description: { id: 'Model statistis untuk pencemaran nama baik.', en: 'Statistical model for defamation.' },
  },
  harassment: {
    what: { id: 'pelecehan atau perundungan terhadap seseorang', en: 'harassment or bullying of a person' },
    suggestion: { id: 'Jangan menyerang atau mempermalukan orang tertentu.', en: 'Do not attack or shame a person.' },
    references: ['SE-16/MK.01/2018', 'UU ITE (UU 1/2024)'],
    description: { id: 'Model statistis untuk pelecehan.', en: 'Statistical model for harassment.' },
  },
};

/**
 * Categories that stand back when another model category already explains the
 * text: netifier's pencemaran_nama_baik label also covers plain insults, which
 * the abusive finding reports; defamation is only reported without them.
 */
const YIELDS: Partial<Record<Category, Category[]>> = { defamation: ['abusive'] };

/** Key of the shared per-field prediction in `ctx.memo`. */
const MEMO_KEY = 'model:bijak-text';

interface Best {
  score: HeadScore;
  margin: number;
}

/** The contiguous run of tokens around the strongest one that carries the score. */
export function explain(tokens: readonly Token[], contributions: Float64Array): { first: number; last: number; top: number[] } {
  let k = -1;
  for (let i = 0; i < tokens.length; i++) if (k < 0 || (contributions[i] as number) > (contributions[k] as number)) k = i;
  const peak = contributions[k] as number;
  let first = k;
  let last = k;
  const keep = (i: number) => (tokens[i] as Token).sentence === (tokens[k] as Token).sentence && (contributions[i] as number) >= 0.35 * peak;
  while (first > 0 && k - first < 4 && keep(first - 1)) first--;
  while (last < tokens.length - 1 && last - k < 4 && keep(last + 1)) last++;
  const top = [...tokens.keys()]
    .filter((i) => (contributions[i] as number) >= 0.25 * peak && (tokens[i] as Token).kind === 'word')
    .sort((a, b) => (contributions[b] as number) - (contributions[a] as number))
    .slice(0, 3);
  return { first, last, top };
}

/**
 * The shared context analysis of the rules (src/core/rules/context.ts) decides:
 * quoted words, an explaining, condemning, reporting or negated sentence; and
 * in a short post (three sentences or fewer) a condemnation or explanation
 * anywhere, since the model judges the whole text.
 */
function contextGuards(ctx: RuleContext, first: number, last: number): boolean {
  if (suppressed(ctx, first, last, { news: true, condemn: true })) return true;
  const info = contextOf(ctx);
  return ctx.tok.sentences.length <= 3 && (info.anyCondemn || info.meta.some(Boolean));
}

function pct(p: number): string {
  return `${Math.round(p * 100)}%`;
}

/**
 * The rules of a model, one per category its heads cover. Heads mapped to the
 * same category (e.g. `hs` and `sara` for hate-speech) are combined: the rule
 * fires when any of them reaches its threshold and reports the one with the
 * largest margin.
 */
export function modelRules(model: Model, options: ModelRuleOptions = {}): Rule[] {
  const strictness = options.strictness ?? 1;
  const minWords = options.minWords ?? 3;
  const maxChars = options.maxChars ?? 20_000;
  const guard = options.contextGuard ?? true;
  const categories = [...new Set(model.heads.map((h) => h.category))];
  const predict = (ctx: RuleContext): HeadScore[] | undefined =>
    ctx.memo(MEMO_KEY, () => {
      const tokens = ctx.tok.tokens.filter((t) => t.end <= maxChars);
      if (tokens.filter((t) => t.kind === 'word').length < minWords) return undefined;
      return predictTokens(model, tokens);
    });
  const threshold = (t: number) => {
    const odds = (t / (1 - t)) * strictness;
    return odds / (1 + odds);
  };
  return categories.map((category): Rule => {
    const texts = TEXTS[category] ?? {
      what: { id: `muatan kategori ${category}`, en: `${category} content` },
      suggestion: { id: 'Tinjau ulang teks ini.', en: 'Review this text.' },
      references: [],
      description: { id: `Model statistis untuk ${category}.`, en: `Statistical model for ${category}.` },
    };
    const heads = model.heads.filter((h) => h.category === category).map((h) => h.name);
    return {
      meta: {
        id: `${category}/model`,
        category,
        severity: DEFAULT_SEVERITY[category],
        description: {
          id: `${texts.description.id} Dilatih dari data berlabel (${heads.join(', ')}); keyakinan model dilaporkan.`,
          en: `${texts.description.en} Trained on labelled data (${heads.join(', ')}); reports the model's confidence.`,
        },
        references: texts.references,
        appliesTo: ['post'],
      },
      check(ctx) {
        const scores = predict(ctx);
        if (!scores) return;
        let best: Best | undefined;
        for (const s of scores) {
          if (s.head.category !== category) continue;
          const margin = s.probability - threshold(s.head.threshold);
          if (margin >= 0 && (!best || margin > best.margin)) best = { score: s, margin };
        }
        if (!best) return;
        const yields = YIELDS[category];
        if (yields && scores.some((s) => yields.includes(s.head.category) && s.probability >= threshold(s.head.threshold))) return;
        const tokens = ctx.tok.tokens;
        const { first, last, top } = explain(tokens.slice(0, best.score.contributions.length), best.score.contributions);
        const start = (tokens[first] as Token).start;
        const end = (tokens[last] as Token).end;
        if (guard && contextGuards(ctx, first, last)) return;
        const p = best.score.probability;
        const words = top.map((i) => `«${(tokens[i] as Token).raw}»`).join(', ');
        const report: Report = {
          range: [start, end],
          confidence: Math.round(p * 1000) / 1000,
          message: {
            id: `Teks ini kemungkinan mengandung ${texts.what.id} (keyakinan model ${pct(p)}). Kata yang paling berpengaruh: ${words}. Periksa kembali sebelum mengunggah.`,
            en: `This text probably contains ${texts.what.en} (model confidence ${pct(p)}). Most influential words: ${words}. Review it before posting.`,
          },
          suggestions: [texts.suggestion],
        };
        ctx.report(report);
      },
    };
  });
}
