/**
 * The heaviest words of each head of a model: every word of a vocabulary
 * scored alone through the model's own features (unigram, stem and character
 * n-grams, identity masking included), strongest positive first. `bijak eval
 * --features` prints them and fails when a person's name is among them: a name
 * is never evidence.
 */
import { type Model, Scorer } from '../core/model/index.js';
import { tokenize } from '../core/normalize/tokenize.js';

/** Per head, the `k` words that push its score up most when they stand alone. */
export function heaviestWords(model: Model, vocabulary: Iterable<string>, k = 20): Record<string, Array<{ word: string; weight: number }>> {
  const scorer = new Scorer(model);
  const best: Record<string, Array<{ word: string; weight: number }>> = Object.fromEntries(model.heads.map((h) => [h.name, []]));
  for (const word of vocabulary) {
    const toks = tokenize(word).tokens;
    if (toks.length !== 1) continue;
    scorer.score(toks, 1);
    model.heads.forEach((h, j) => {
      // the word's own contribution: the raw score without the bias
      const weight = (scorer.z[j] as number) - h.bias;
      const list = best[h.name] as Array<{ word: string; weight: number }>;
      if (list.length < k || weight > (list[list.length - 1] as { weight: number }).weight) {
        list.push({ word, weight });
        list.sort((a, b) => b.weight - a.weight);
        if (list.length > k) list.pop();
      }
    });
  }
  return best;
}

/** Lower-case words of texts (letters only, 2..30 characters). */
export function vocabularyOf(texts: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const t of texts) for (const m of t.toLowerCase().matchAll(/\p{L}{2,30}/gu)) out.add(m[0]);
  return out;
}
