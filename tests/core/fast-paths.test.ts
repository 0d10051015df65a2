/**
 * The checker's fast paths against straightforward reference implementations, on hostile and random texts: the
 * tokeniser's per-spelling cache (an open-addressing table over the text's characters) against cold tokenisation, the
 * model scorer's per-spelling entries (form and stem features together, identity masks decided per spelling) against
 * feature extraction + dot product, the judge's decision bounds against the stacker's exact score, the personal-data
 * rule's digit runs against the straightforward scan, and the term index against each list matched alone.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contributionsOf, extractFeatures, parseModel, rawScore, Scorer, sigmoid } from '../../src/core/model/index.js';
import { ABOVE, BELOW, decidedWithout, stackBounds } from '../../src/core/model/rules.js';
import { clearWordCache, type Token, tokenize } from '../../src/core/normalize/tokenize.js';
import { BUILTIN_RULES } from '../../src/core/rules/index.js';
import { digitRuns } from '../../src/core/rules/personal-data.js';
import { compileIndex, compileList, type Match, matchIndex, matchList } from '../../src/core/terms.js';

const model = parseModel(new Uint8Array(readFileSync('models/bijak-text.model')));

const WORDS = [
  'Jokowi',
  'jokowi',
  'J0k0wi',
  'Prabowo',
  'Cina',
  'cina',
  'Kristen',
  'Islam',
  'Mbak',
  'mbak',
  'Dewi',
  'Pak',
  'pak',
  'Budi',
  'bu',
  'Ibu',
  'Ahok',
  'Surabaya',
  'Jakarta',
  'bodoh',
  'b0d0h',
  'goblokkk',
  'anjing',
  'bangsat',
  'b*ngs*t',
  'orang2',
  'rumahnya',
  'pergilah',
  'kamu',
  'kafir',
  'pajak',
  'THR',
  'PNS',
  'a n j i n g',
  'k.o.n.t.o.l',
  '#GantiPresiden',
  '#dinasrasaliburan',
  '@user',
  'http://x.co/a',
  'a@b.id',
  '123',
  '2019',
  'Rp5.000',
  '😀',
  '🇮🇩',
  'ke13',
  'pmk81',
  'hari',
  'ini',
  'ke',
  'Surabayaaa',
  'DEWI',
];
const sep = fc.constantFrom(' ', ' ', ', ', '. ', '\n', '! ', '', '-');
const textArb = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.array(fc.tuple(fc.constantFrom(...WORDS), sep), { maxLength: 50 }).map((ws) => ws.map(([w, s]) => w + s).join('')),
  fc.array(fc.tuple(fc.stringMatching(/^[A-Za-z0-9@$*]{1,12}$/), sep), { maxLength: 40 }).map((ws) => ws.map(([w, s]) => w + s).join('')),
);

function expectSame(scorer: Scorer, text: string): void {
  const tokens = tokenize(text).tokens;
  scorer.score(tokens);
  const f = extractFeatures(tokens, model.features);
  model.heads.forEach((head, h) => {
    expect(scorer.z[h]).toBe(rawScore(head, f));
    const ref = contributionsOf(head, f, tokens.length);
    const got = scorer.contributions(h);
    let worst = 0;
    for (let i = 0; i < tokens.length; i++) worst = Math.max(worst, Math.abs((got[i] as number) - (ref[i] as number)));
    expect(worst).toBeLessThan(1e-12);
  });
}

describe('the model scorer against extractFeatures + rawScore (shipped model: identity masking, every head)', () => {
  it('scores hostile and random texts exactly, with their per-token contributions', () => {
    const scorer = new Scorer(model);
    fc.assert(
      fc.property(textArb, (text) => {
        // twice: the first fills the per-spelling entries, the second reads them
        expectSame(scorer, text);
        expectSame(scorer, text);
      }),
      { numRuns: 300 },
    );
  });

  it('stays exact across caches that empty themselves (more distinct spellings than the tokeniser and the scorer hold)', () => {
    const scorer = new Scorer(model);
    // over 65,536 spellings: the scorer's slab of per-spelling entries starts afresh too
    const rnd = fc.sample(fc.stringMatching(/^[a-z]{4,10}(nya|lah|ku)?$/), { numRuns: 72_000, seed: 9 });
    for (let i = 0; i < rnd.length; i += 4000) expectSame(scorer, `Mbak ${rnd.slice(i, i + 4000).join(' ')} Dewi bodoh`);
    expectSame(scorer, 'Mbak Dewi itu bodoh sekali, pergilah kau');
  });
});

describe('the judge decides without the context inputs only when they cannot change the decision', () => {
  it('BELOW and ABOVE hold for every value of the context inputs', () => {
    const names = ['head', 'rule', 'ctx.meta', 'ctx.debunk', 'ctx.condemn', 'ctx.news', 'ctx.quotes', 'pub', 'pub+'];
    const w = fc.double({ min: -6, max: 6, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(w, { minLength: 9, maxLength: 9 }),
        w,
        fc.double({ min: -20, max: 20, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: -20, max: 20, noNaN: true }),
        fc.constantFrom(0, 0.5, 0.8, 1),
        fc.array(fc.array(fc.constantFrom(0, 0.25, 1 / 3, 0.5, 1), { minLength: 5, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        (ws, b, pub, threshold, zHead, rule, contexts) => {
          const entry = { inputs: names as never, w: ws, b };
          const cutZ = Math.log(threshold / (1 - threshold));
          const d = decidedWithout(stackBounds(entry), zHead, rule, cutZ, pub);
          // the corners of the context box decide the extremes; random points too
          const corners = [0, 1, 2, 3, 4].reduce<number[][]>(
            (acc) =>
              acc.flatMap((c) => [
                [...c, 0],
                [...c, 1],
              ]),
            [[]],
          );
          for (const x of [...corners, ...contexts]) {
            let z = b;
            const xs = [zHead, rule, ...x, pub, Math.max(pub, 0)];
            for (let j = 0; j < xs.length; j++) z += (ws[j] as number) * (xs[j] as number);
            const p = sigmoid(z);
            if (d === BELOW) expect(p < threshold).toBe(true);
            if (d === ABOVE) expect(p >= threshold).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('gives no bound for an input whose range it does not know', () => {
    expect(stackBounds({ inputs: ['head', 'ctx.future'] as never, w: [1, 1], b: 0 })).toBeUndefined();
  });
});

describe("the tokeniser's per-spelling cache", () => {
  const fields = (t: Token) => [t.kind, t.start, t.end, t.raw, t.lower, t.norm, t.leet, t.stem, t.redup, t.spaced, t.hashtag, t.sentence];
  it("gives the forms of a cold tokenisation, and raw is the text's slice", () => {
    fc.assert(
      fc.property(textArb, (text) => {
        const warm = tokenize(text, { vocabulary: new Set(['ganti', 'presiden', 'dinas', 'rasa', 'liburan']) });
        for (const t of warm.tokens) expect(t.raw).toBe(text.slice(t.start, t.end));
        clearWordCache();
        const cold = tokenize(text, { vocabulary: new Set(['ganti', 'presiden', 'dinas', 'rasa', 'liburan']) });
        expect(warm.tokens.map(fields)).toEqual(cold.tokens.map(fields));
      }),
      { numRuns: 300 },
    );
  });

  it('stays right when it fills and empties itself (more spellings than it holds)', () => {
    const words = fc.sample(fc.stringMatching(/^[A-Za-z0-9]{1,9}$/), { numRuns: 60_000, seed: 3 });
    const text = words.join(' ');
    const a = tokenize(text).tokens.map(fields);
    const b = tokenize(text).tokens.map(fields);
    expect(b).toEqual(a);
    clearWordCache();
    expect(tokenize(text).tokens.map(fields)).toEqual(a);
  });
});

/** The straightforward digit-run scan (one walk, every run built), against which the rule's scan is checked. */
function digitRunsRef(text: string, minDigits: number) {
  const out: Array<{ start: number; end: number; digits: string; groups: number[]; seps: string }> = [];
  const isD = (k: number) => text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57;
  let i = 0;
  while (i < text.length) {
    if (!isD(i)) {
      i++;
      continue;
    }
    const start = i;
    let digits = '';
    const groups: number[] = [];
    let seps = '';
    let g = 0;
    let j = i;
    while (j < text.length) {
      if (isD(j)) {
        digits += text[j];
        g++;
        j++;
        if (digits.length > 24) break;
        continue;
      }
      const c = text[j];
      if ((c === ' ' || c === '.' || c === '-') && j + 1 < text.length && isD(j + 1)) {
        groups.push(g);
        g = 0;
        seps += c;
        j++;
        continue;
      }
      break;
    }
    groups.push(g);
    while (j < text.length && isD(j)) j++;
    if (digits.length >= minDigits) out.push({ start, end: j, digits, groups, seps });
    i = j;
  }
  return out;
}

describe('digit runs of the personal-data rule against the straightforward scan', () => {
  it('finds the same runs, groups and separators', () => {
    const digitText = fc
      .array(fc.constantFrom('0', '1', '7', '9', ' ', '.', '-', '/', 'a', 'Rp', '\n', '٣', '𝟘', '12345678', '0812-3456-7890', '3201 0101 0101 0001'), {
        maxLength: 60,
      })
      .map((p) => p.join(''));
    fc.assert(
      fc.property(fc.oneof(digitText, fc.string({ maxLength: 80 })), fc.constantFrom(1, 2, 8, 12), (text, min) => {
        expect(digitRuns(text, min)).toEqual(digitRunsRef(text, min));
      }),
      { numRuns: 2000 },
    );
    expect(digitRuns(`${'1'.repeat(40)} 22`, 1)).toEqual(digitRunsRef(`${'1'.repeat(40)} 22`, 1));
  });
});

describe('the term index (every list in one scan) against each list matched alone', () => {
  // Where two terms of a list cover the same tokens, the index may keep another of them than matchList (it gathers a
  // word's prefix terms before the terms of its stem: "usirnya" is "usir*" there and "usir" alone); the spans agree.
  const spans = (ms: readonly Match[]) => ms.map((m) => [m.first, m.last, m.range[0], m.range[1], m.list.id]);
  it('finds per list the spans matchList finds, on texts made of the lists own words', () => {
    const lists = [...new Set(BUILTIN_RULES.flatMap((r) => r.meta.lists ?? []))];
    const index = compileIndex(lists.map(compileList));
    const compiled = new Map(lists.map((l) => [l, compileList(l)]));
    const words = [...new Set(lists.flatMap((l) => l.terms.flatMap((t) => [...t.pattern.split(/\s+/), ...(t.unless ?? [])])))]
      .map((w) => (w.endsWith('*') ? `${w.slice(0, -1)}nya` : w === '?' ? 'itu' : w))
      .slice(0, 3000);
    const text = fc
      .array(fc.tuple(fc.constantFrom(...words, ...WORDS), fc.constantFrom(' ', ' ', ', ', '. ', '! ')), { maxLength: 40 })
      .map((ws) => ws.map(([w, s]) => w + s).join(''));
    let matched = 0;
    fc.assert(
      fc.property(text, (t) => {
        const tokens = tokenize(t).tokens;
        const all = matchIndex(index, tokens);
        for (const l of lists) {
          const alone = matchList(compiled.get(l) as ReturnType<typeof compileList>, tokens);
          expect(spans(all.get(l) ?? [])).toEqual(spans(alone));
          matched += alone.length;
        }
      }),
      { numRuns: 300 },
    );
    expect(matched).toBeGreaterThan(300);
  });
});
