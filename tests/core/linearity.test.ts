/**
 * Linearity of the core, asserted without timing (issue 13): the core counts
 * the work of its loops (src/core/steps.ts) and, over fast-check generators of
 * adversarial texts (repeated separators, one-digit runs, spaced letters,
 * masks, hashtags, quotes, emoji, long words, mixed scripts), the steps of a
 * text 4x as long are at most 4x the steps of the shorter one plus a constant.
 * A fast machine cannot make this pass: a quadratic loop grows 16x.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createChecker, DEFAULT_POLICY, parsePolicy, tokenize } from '../../src/core/index.js';
import { countSteps, steps } from '../../src/core/steps.js';
import { shippedModelRules } from '../../src/host/checker.js';

const checker = createChecker(parsePolicy({ ...DEFAULT_POLICY, allow: ['a.n', 'x x'] }), { extraRules: shippedModelRules() });

/**
 * Steps allowed on top of 4x: per-text constants. Look-backs are bounded windows (up to 70 tokens before a
 * digit run, a few words before a match), so the first repetitions of a text cost less than the later ones
 * by a bounded amount; a quadratic loop exceeds this many times over at the sizes used (600 to 9,600 characters).
 */
const SLACK = 2000;

const SEPARATORS = [' ', '.', '-', '_', '*', '|', '/', '•', '+', ',', '!', '?', ':', '\n', '#', '@', '"', "'", '\u201c', '\u201d'];

const piece = fc.oneof(
  // one character joined by a separator: "1.", "1-2-", "a n ", "b.", "#1"
  fc.tuple(fc.constantFrom('1', '2', '0', 'a', 'b', 'A', '$', '@', '*', '\u0627', '\u65e5', '😀'), fc.constantFrom(...SEPARATORS)).map(([c, s]) => c + s),
  fc.constantFrom(
    '1-2-',
    '1/2/',
    '1.',
    'a.n.j.i.n.g ',
    'b*ngs*t ',
    'anj*ng ',
    '***',
    '#dinasrasaliburan ',
    '#q',
    'qqqqqqqq',
    'www.',
    'a@b.',
    '.com',
    'http://',
    '"anjing" ',
    '\u201cbangsat\u201d ',
    "'babi' ",
    '👨‍👩‍👧 ',
    '🇮🇩',
    'ａｎｊｉｎｇ ',
    '\u0628\u0633\u0645 ',
    '日本語',
    'orang2 ',
    'Pak Budi bodoh ',
    'jangan ',
    'coblos nomor 2 ',
    'SEBARKAN!!! ',
    '3174091203850004 ',
    'ND-12/PJ/2024 ',
    'Rp 5.000.000 ',
    'x x ',
  ),
  fc.string({ minLength: 1, maxLength: 6 }),
  fc.stringMatching(/^[a-z]{20,60}$/),
);

/** A base of a few adversarial pieces, repeated to about 600 characters (n), and 4x and 16x as many times. */
const bases = fc.array(piece, { minLength: 1, maxLength: 6 }).map((ps) => ps.join(''));
const sized = (base: string, k: number) => base.repeat(k * Math.max(1, Math.ceil(600 / base.length)));

/** Steps of `fn` on a warm run (the per-spelling caches are then filled for both sizes alike). */
function warmSteps(fn: () => void): number {
  fn();
  return countSteps(fn);
}

/**
 * Whether the work grows linearly from n to 4n or from 4n to 16n (4x plus a constant). Two disjoint steps:
 * a finding that first appears at some length adds a one-off linear cost (a model explains its score only once
 * it fires) and may straddle one of them, while a quadratic loop grows 16x across both.
 */
function linear(run: (text: string) => void, base: string): { ok: boolean; counts: number[] } {
  const counts = [1, 4, 16].map((k) => {
    const t = sized(base, k);
    return warmSteps(() => run(t));
  });
  const [a, b, c] = counts as [number, number, number];
  // the constant: a few repetitions of the base (the first and last one are cheaper or dearer than the others,
  // e.g. a word that becomes part of a hashtag from the second repetition on) plus per-text work
  const unit = warmSteps(() => run(base + base)); // two: the join of two repetitions may tokenise differently
  const slack = SLACK + 4 * unit;
  return { ok: b <= 4 * a + slack || c <= 4 * b + slack, counts: [...counts, slack] };
}

describe('the core is linear in its input (step counts, no timing)', () => {
  it('the e-mail test that replaced a backtracking regular expression agrees with it', () => {
    const re = /^[\w.+-]+@[\w-]+(\.[\w-]+)+[.,;:!?)]*$/;
    let emails = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.stringMatching(/^[a-c.@_+\-,;!?)x]{4,14}$/),
          // near-addresses: a local part, labels, trailing punctuation, sometimes a stray character
          fc
            .tuple(
              fc.stringMatching(/^[a-c.+_-]{1,4}$/),
              fc.array(fc.stringMatching(/^[a-c_-]{0,3}$/), { minLength: 1, maxLength: 4 }),
              fc.stringMatching(/^[.,;!?)]{0,3}$/),
              fc.constantFrom('', '@', 'é', '.', ' '),
            )
            .map(([l, labels, t, x]) => `${l}@${labels.join('.')}${t}${x}`),
        ),
        (s) => {
          // the tokenizer tests whitespace-delimited chunks of more than 3 characters
          const chunk = s.split(' ')[0] as string;
          const at = chunk.indexOf('@');
          const expected = chunk.length > 3 && at > 0 && chunk.indexOf('.', at) > at + 1 && re.test(chunk);
          const first = tokenize(s).tokens[0];
          if (first?.kind === 'url') return; // a bare domain is a link first
          if (expected) emails++;
          expect(first?.kind === 'email', s).toBe(expected);
        },
      ),
      { numRuns: 3000 },
    );
    expect(emails).toBeGreaterThan(20);
  });

  it('the counter is off unless a test turns it on', () => {
    expect(steps.on).toBe(false);
    expect(countSteps(() => tokenize('1.'.repeat(100)))).toBeGreaterThanOrEqual(200);
    expect(steps.on).toBe(false);
  });

  it('known quadratic shapes of issue 13 grow at most 4x (+ a constant) from n to 4n', () => {
    for (const unit of ['1.', '1-2-', '1/2/', '1 ', 'a.1-', '1.2-a-']) {
      const n = 5000;
      const a = warmSteps(() => checker.check({ text: unit.repeat(Math.ceil(n / unit.length)) }));
      const b = warmSteps(() => checker.check({ text: unit.repeat(Math.ceil((4 * n) / unit.length)) }));
      expect(b, `${JSON.stringify(unit)}: ${a} steps at n, ${b} at 4n`).toBeLessThanOrEqual(4 * a + SLACK);
    }
  });

  it('a long hashtag of unknown letters and a long run of dots before a domain grow linearly', () => {
    for (const make of [(n: number) => `#${'q'.repeat(n)}`, (n: number) => `${'.'.repeat(n)}a.com`, (n: number) => `${'"x" anjing '.repeat(n / 11)}`]) {
      const a = warmSteps(() => checker.check({ text: make(3000) }));
      const b = warmSteps(() => checker.check({ text: make(12000) }));
      expect(b, `${make(20)}: ${a} -> ${b}`).toBeLessThanOrEqual(4 * a + SLACK);
    }
  });

  it("the check route's per-request budget: any adversarial text at the 20,000-character cap costs at most 150 steps per character", () => {
    // the API caps a text at 20,000 characters (src/server/schemas.ts MAX_TEXT); with a linear core that bounds each request.
    // The dearest shape known is a masked word with three masks (125 vowel fillings are tried): about 115 steps per character.
    const CAP = 20_000;
    const BUDGET = 150 * CAP;
    for (const unit of ['1.', '1-2-', '1/2/', 'a ', 'a*b*c*d ', 'k*nt*l*n ', '#q', '"x" anjing ', 'a.n.j.i.n.g ', '😀']) {
      const text = unit.repeat(Math.ceil(CAP / unit.length)).slice(0, CAP);
      const n = warmSteps(() => checker.check({ text }));
      expect(n, `${JSON.stringify(unit)}: ${n} steps`).toBeLessThanOrEqual(BUDGET);
    }
    fc.assert(
      fc.property(bases, (base) => {
        const text = base.repeat(Math.ceil(CAP / base.length)).slice(0, CAP);
        expect(warmSteps(() => checker.check({ text }))).toBeLessThanOrEqual(BUDGET);
      }),
      { numRuns: 15 },
    );
  });

  it('tokenize: steps(4n) <= 4 steps(n) + c over adversarial texts', () => {
    const vocabulary = new Set(['dinas', 'rasa', 'liburan', 'anjing', 'bangsat']);
    fc.assert(
      fc.property(bases, (base) => {
        const r = linear((t) => tokenize(t, { vocabulary }), base);
        expect(r.ok, `steps at n, 4n, 16n and the constant: ${r.counts.join(', ')}`).toBe(true);
      }),
      { numRuns: 60 },
    );
  });

  it('the whole check (rules, matcher, context, models, dedupe): steps(4n) <= 4 steps(n) + c', () => {
    fc.assert(
      fc.property(bases, (base) => {
        const r = linear((t) => checker.check({ text: t }), base);
        expect(r.ok, `steps at n, 4n, 16n and the constant: ${r.counts.join(', ')}`).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
