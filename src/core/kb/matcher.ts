/**
 * The KB retrieval index and matcher: BM25 over the core's normalised,
 * stemmed tokens for candidates, then a per-candidate decision on the best
 * window of up to three sentences: weighted coverage of the claim's terms,
 * character 4-gram containment (near-copies of chain messages), numbers that
 * must agree, and a negation that must agree.
 *
 * Pure and synchronous; the index is compact typed arrays (CSR postings), so
 * 100,000 entries fit in the browser too.
 */
import { type Token, type Tokenized, tokenize, wordMemo } from '../normalize/tokenize.js';
import { FALSE_VERDICTS, type KbEntry } from './schema.js';
import { charGrams, numbersIn, tokenTerm } from './terms.js';

/** Calibrated on the labelled set in tests/kb/eval (see docs/quality.md): at or above, an error finding. */
export const KB_MATCH_THRESHOLD = 0.7;
/** At or above (and below {@link KB_MATCH_THRESHOLD}), an info finding "mirip dengan ...". */
export const KB_SIMILAR_THRESHOLD = 0.5;

/** Whole-text coverage a wording needs to be re-scored by the checker (near-copies have at least this much). */
const MIN_CANDIDATE_COVERAGE = 0.3;
/** What the build of the early exit's runs counts for a posting whose wording needs its exact sum when touched, against 1 for a posting read. */
const CHECK_COST = 12;
const K1 = 1.2;
const B = 0.75;
/** Candidates (wordings) re-scored per text. */
const CANDIDATES = 8;
/** Longest window of sentences a claim may span. */
const WINDOW = 3;
const NEGATIONS = new Set(['tidak', 'bukan', 'belum', 'tanpa', 'jangan', 'enggak', 'nggak']);

/**
 * @internal Tests turn the early exits of retrieval off to compare against the exhaustive path, and change what the
 * build counts for a check (see CHECK_COST) to exercise the prefix filter's dropped terms and checks.
 */
export const KB_TESTING = { exhaustive: false, checkCost: CHECK_COST };

/** Options of {@link buildKbIndex}. */
export interface KbIndexOptions {
  /** Today's date (YYYY-MM-DD): entries whose `expires` is before it are left out. */
  asOf?: string;
  /** Error threshold (default {@link KB_MATCH_THRESHOLD}); for calibration. */
  matchThreshold?: number;
  /** Info threshold (default {@link KB_SIMILAR_THRESHOLD}). */
  similarThreshold?: number;
}

/** A built index (opaque: use {@link searchKb} and {@link matchKb}). */
export interface KbIndex {
  readonly entries: readonly KbEntry[];
  /** Number of indexed wordings. */
  readonly docs: number;
  readonly terms: number;
  readonly matchThreshold: number;
  readonly similarThreshold: number;
  /** @internal */ _: IndexData;
}

interface IndexData {
  termIds: Map<string, number>;
  idf: Float64Array;
  postStart: Int32Array;
  postDoc: Int32Array;
  postTf: Uint16Array;
  docEntry: Int32Array;
  docClaim: Uint8Array;
  docLen: Float32Array;
  docSelf: Float64Array;
  /** K1 * (1 - B + B * len / avgLen) per wording. */
  docNorm: Float32Array;
  /** BM25 term-frequency part per posting, tf * (K1 + 1) / (tf + docNorm). */
  postW: Float32Array;
  /** Terms in more wordings than this are not walked at query time. */
  maxDf: number;
  docTermStart: Int32Array;
  /** Forward index: each wording's distinct terms (ascending) and their tf, from `docTermStart`. */
  docTerms: Int32Array;
  docTfs: Uint16Array;
  avgLen: number;
  acc: Float64Array;
  /** Scratch list of the wordings a query touched (reused, never allocated per query). */
  touched: Int32Array;
  /**
   * Per term, the largest share of a wording's BM25 self-score the term can give it
   * (max over its postings of idf * postW / docSelf): the sum over a query's distinct
   * terms bounds the coverage of every wording, before any posting is read.
   */
  maxShare: Float32Array;
  /**
   * Per wording, its common terms (in more than `maxDf` wordings; ascending, with tf, from `docCommonStart`) and the
   * sum of their BM25 parts: what the text's common terms can add to a wording at most, so most wordings are ruled
   * out without reading their terms.
   */
  docCommonStart: Int32Array;
  docCommonTerms: Int32Array;
  docCommonTfs: Uint16Array;
  docCommon: Float64Array;
  /** Per wording, `docSelf` and `docCommon` side by side (`[2d]`, `[2d + 1]`): the early exit reads one cache line. */
  docBounds: Float64Array;
  /** Per term, the query stamp that last saw it (dedupe of query terms without a Set). */
  termStamp: Int32Array;
  stamp: number;
  /** Scratch of the query: term ids and sentences per token, distinct terms (reused, grown when needed). */
  qId: Int32Array;
  qSent: Int32Array;
  qDistinct: Int32Array;
  /** Scratch of the pre-selection: the best partial scores (kept sorted, best first) and their wordings. */
  preSc: Float64Array;
  preDoc: Int32Array;
  /**
   * The candidate floor `matchKb` uses (`min(MIN_CANDIDATE_COVERAGE, similarThreshold)`), which the early exit's runs
   * below are computed for.
   */
  floorCov: number;
  /**
   * What the early exit reads of a term, in one run from `exitStart[term]` of `exit` (an Int32Array; `exitF` is a
   * Float32Array over the same memory), so a term costs a line or two. A common term: `[-1, bit, idf * (K1 + 1),
   * maxShare]` (floats rounded up), where bit is one of 32 and a wording's signature is the union of its common
   * terms' bits (a wording whose signature shares no bit with the text's has none of the text's common terms). A
   * rare term: `[nCarry, nRest, nCheck]`, then per posting that could carry its wording to `floorCov` with the
   * wording's common terms `[wording << 1 | alone, signature, weight, need]`, then the other postings' wordings, then
   * the checks' wordings. Alone is 1 when the term could carry it without them; weight (rounded up) is the term's BM25
   * part in the wording, need (rounded down) `floorCov` times the wording's self-score. Every rounding has a relative
   * margin far above float32's. Prefix filter: a wording's lightest rare terms whose weights with all its common weight
   * stay below its need may be left out of the runs (a text covering it has another of its rare terms); its other
   * postings are then rest postings when the term with the left-out terms and the common weight stays below the
   * need, else checks (the exact sum when touched). How many are left out is chosen per wording at build time by
   * counting a posting read as 1 and a check as CHECK_COST, so most wordings lose terms only where no check arises.
   */
  exitStart: Int32Array;
  exit: Int32Array;
  exitF: Float32Array;
  /** Each wording's common terms' BM25 weights beside `docCommonTerms`, and all its terms' beside `docTerms` (float32, rounded up). */
  docCommonW: Float32Array;
  docW: Float32Array;
  /** Scratch per wording of the early exit: marks of the query's `epoch` (see anyCandidate). */
  seen: Uint8Array;
  epoch: number;
  /** Scratch of the early exit: the query's terms ascending, all and the common ones. */
  qSorted: Int32Array;
  qCommon: Int32Array;
  /** Scoring's per-wording facts, for the wordings last scored (bounded by CLAIM_CACHE_MAX). */
  claimCache: Map<number, ClaimInfo>;
}

/** Builds the retrieval index over every wording of every (unexpired) entry. */
export function buildKbIndex(all: readonly KbEntry[], options: KbIndexOptions = {}): KbIndex {
  const entries = options.asOf ? all.filter((e) => !e.expires || e.expires >= (options.asOf as string)) : [...all];
  const termIds = new Map<string, number>();
  const df: number[] = [];
  const docEntry: number[] = [];
  const docClaim: number[] = [];
  const docLen: number[] = [];
  const docTermStart: number[] = [0];
  const docTermsArr: number[] = [];
  const docTfArr: number[] = [];
  for (let ei = 0; ei < entries.length; ei++) {
    const claims = (entries[ei] as KbEntry).claims;
    for (let ci = 0; ci < claims.length && ci < 255; ci++) {
      const tf = new Map<number, number>();
      let len = 0;
      for (const t of tokenize(claims[ci] as string).tokens) {
        const term = tokenTerm(t);
        if (!term) continue;
        let id = termIds.get(term);
        if (id === undefined) {
          id = termIds.size;
          termIds.set(term, id);
          df.push(0);
        }
        tf.set(id, (tf.get(id) ?? 0) + 1);
        len++;
      }
      if (tf.size === 0) continue;
      const ids = [...tf.keys()].sort((a, b) => a - b);
      for (const id of ids) {
        df[id] = (df[id] as number) + 1;
        docTermsArr.push(id);
        docTfArr.push(Math.min(65535, tf.get(id) as number));
      }
      docTermStart.push(docTermsArr.length);
      docEntry.push(ei);
      docClaim.push(ci);
      docLen.push(len);
    }
  }
  const nDocs = docEntry.length;
  const nTerms = termIds.size;
  const idf = new Float64Array(nTerms);
  for (let t = 0; t < nTerms; t++) {
    const d = df[t] as number;
    idf[t] = Math.log(1 + (nDocs - d + 0.5) / (d + 0.5));
  }
  // CSR postings: counts, prefix sums, fill
  const postStart = new Int32Array(nTerms + 1);
  for (const id of docTermsArr) (postStart[id + 1] as number)++;
  for (let t = 0; t < nTerms; t++) postStart[t + 1] = (postStart[t + 1] as number) + (postStart[t] as number);
  const fillAt = postStart.slice(0, nTerms);
  const postDoc = new Int32Array(docTermsArr.length);
  const postTf = new Uint16Array(docTermsArr.length);
  let sumLen = 0;
  for (const l of docLen) sumLen += l;
  const avgLen = nDocs ? sumLen / nDocs : 1;
  const docSelf = new Float64Array(nDocs);
  const docNorm = new Float32Array(nDocs);
  const postW = new Float32Array(docTermsArr.length);
  for (let d = 0; d < nDocs; d++) {
    const lenNorm = K1 * (1 - B + (B * (docLen[d] as number)) / avgLen);
    docNorm[d] = lenNorm;
    let self = 0;
    for (let k = docTermStart[d] as number; k < (docTermStart[d + 1] as number); k++) {
      const id = docTermsArr[k] as number;
      const tf = docTfArr[k] as number;
      const at = fillAt[id] as number;
      postDoc[at] = d;
      postTf[at] = tf;
      postW[at] = (tf * (K1 + 1)) / (tf + lenNorm);
      fillAt[id] = at + 1;
      self += ((idf[id] as number) * (tf * (K1 + 1))) / (tf + lenNorm);
    }
    docSelf[d] = self;
  }
  const maxDf = Math.max(50, Math.ceil(0.005 * nDocs));
  const docCommonStart = new Int32Array(nDocs + 1);
  const commonTerms: number[] = [];
  const commonTfs: number[] = [];
  const docCommon = new Float64Array(nDocs);
  for (let d = 0; d < nDocs; d++) {
    let sum = 0;
    for (let k = docTermStart[d] as number; k < (docTermStart[d + 1] as number); k++) {
      const id = docTermsArr[k] as number;
      if ((postStart[id + 1] as number) - (postStart[id] as number) <= maxDf) continue;
      const tf = docTfArr[k] as number;
      commonTerms.push(id);
      commonTfs.push(tf);
      // the same expression as the exact scoring in topDocs
      sum += ((idf[id] as number) * (tf * (K1 + 1))) / (tf + (docNorm[d] as number));
    }
    docCommon[d] = sum;
    docCommonStart[d + 1] = commonTerms.length;
  }
  const floorCov = Math.min(MIN_CANDIDATE_COVERAGE, options.similarThreshold ?? KB_SIMILAR_THRESHOLD);
  const docBounds = new Float64Array(2 * nDocs);
  for (let d = 0; d < nDocs; d++) {
    docBounds[2 * d] = docSelf[d] as number;
    docBounds[2 * d + 1] = docCommon[d] as number;
  }
  const maxShare = new Float32Array(nTerms);
  for (let t = 0; t < nTerms; t++) {
    let m = 0;
    for (let p = postStart[t] as number; p < (postStart[t + 1] as number); p++) {
      const share = ((idf[t] as number) * (postW[p] as number)) / (docSelf[postDoc[p] as number] as number);
      if (share > m) m = share;
    }
    // rounded up so the float32 bound never falls below the exact share
    maxShare[t] = Math.min(1, m * (1 + 1e-6) + 1e-9);
  }
  const commonBit = new Int32Array(nTerms);
  for (let t = 0, c = 0; t < nTerms; t++) if ((postStart[t + 1] as number) - (postStart[t] as number) > maxDf) commonBit[t] = 1 << (c++ & 31);
  const docSig = new Int32Array(nDocs);
  for (let d = 0; d < nDocs; d++)
    for (let k = docCommonStart[d] as number; k < (docCommonStart[d + 1] as number); k++)
      docSig[d] = (docSig[d] as number) | (commonBit[commonTerms[k] as number] as number);
  const UP = 1 + 1e-6;
  const DOWN = 1 - 1e-6;
  // Prefix filter: per wording, its lightest rare terms whose weights together with all its common weight stay below
  // the floor are dropped from the early exit's runs (a text without any of its other rare terms cannot cover it).
  // A wording none of whose rare terms are dropped keeps the carry/rest postings below.
  const kind = new Uint8Array(postDoc.length); // 0 rest, 1 carry, 2 check, 3 dropped
  {
    const rareStart = new Int32Array(nDocs + 1);
    for (let t = 0; t < nTerms; t++) {
      if ((postStart[t + 1] as number) - (postStart[t] as number) > maxDf) continue;
      for (let p = postStart[t] as number; p < (postStart[t + 1] as number); p++) (rareStart[(postDoc[p] as number) + 1] as number)++;
    }
    for (let d = 0; d < nDocs; d++) rareStart[d + 1] = (rareStart[d + 1] as number) + (rareStart[d] as number);
    const rareAt = rareStart.slice(0, nDocs);
    const rareP = new Int32Array(rareStart[nDocs] as number);
    const rareW = new Float64Array(rareStart[nDocs] as number);
    for (let t = 0; t < nTerms; t++) {
      if ((postStart[t + 1] as number) - (postStart[t] as number) > maxDf) continue;
      for (let p = postStart[t] as number; p < (postStart[t + 1] as number); p++) {
        const d = postDoc[p] as number;
        const k = rareAt[d] as number;
        rareP[k] = p;
        rareW[k] = (idf[t] as number) * (postW[p] as number);
        rareAt[d] = k + 1;
      }
    }
    const order: number[] = [];
    const checkCost = KB_TESTING.checkCost;
    for (let d = 0; d < nDocs; d++) {
      const a = rareStart[d] as number;
      const b = rareStart[d + 1] as number;
      const need = floorCov * (docSelf[d] as number);
      order.length = 0;
      for (let k = a; k < b; k++) order.push(k);
      // lightest first; ties by posting, so the build is deterministic
      order.sort((x, y) => (rareW[x] as number) - (rareW[y] as number) || (rareP[x] as number) - (rareP[y] as number));
      // how many of the lightest to drop: each dropped term saves a posting read, but a kept term that could carry
      // the wording with the dropped ones needs its exact sum when touched (a check, far dearer than a read)
      const C = docCommon[d] as number;
      let bestJ = 0;
      let bestCost = Number.POSITIVE_INFINITY;
      let sumJ = 0;
      for (let j = 0; j <= order.length; j++) {
        if (j > 0) {
          sumJ += rareW[order[j - 1] as number] as number;
          if ((sumJ + C) * UP >= need * DOWN) break;
        }
        let cost = 0;
        for (let q = j; q < order.length; q++) {
          const w = rareW[order[q] as number] as number;
          if (j === 0) cost += (w + C) * UP >= need ? 2 : 1;
          else cost += (w + sumJ + C) * UP >= need * DOWN ? checkCost : 1;
        }
        if (cost < bestCost) {
          bestCost = cost;
          bestJ = j;
        }
      }
      let sumT = 0;
      for (let j = 0; j < bestJ; j++) {
        const k = order[j] as number;
        sumT += rareW[k] as number;
        kind[rareP[k] as number] = 3;
      }
      for (let k = a; k < b; k++) {
        const p = rareP[k] as number;
        if (kind[p] === 3) continue;
        const w = rareW[k] as number;
        if (sumT === 0) kind[p] = (w + (docCommon[d] as number)) * UP >= need ? 1 : 0;
        else kind[p] = (w + sumT + (docCommon[d] as number)) * UP >= need * DOWN ? 2 : 0;
      }
    }
  }
  const exitStart = new Int32Array(nTerms);
  let exitLen = 0;
  for (let t = 0; t < nTerms; t++) {
    exitStart[t] = exitLen;
    const start = postStart[t] as number;
    const end = postStart[t + 1] as number;
    if (end - start > maxDf) {
      exitLen += 4;
      continue;
    }
    exitLen += 3;
    for (let p = start; p < end; p++) exitLen += kind[p] === 1 ? 4 : kind[p] === 3 ? 0 : 1;
  }
  const exitBuf = new ArrayBuffer(4 * exitLen);
  const exit = new Int32Array(exitBuf);
  const exitF = new Float32Array(exitBuf);
  for (let t = 0; t < nTerms; t++) {
    let at = exitStart[t] as number;
    const start = postStart[t] as number;
    const end = postStart[t + 1] as number;
    if (end - start > maxDf) {
      exit[at] = -1;
      exit[at + 1] = commonBit[t] as number;
      exitF[at + 2] = (idf[t] as number) * (K1 + 1) * UP;
      exitF[at + 3] = (maxShare[t] as number) * UP;
      continue;
    }
    let nc = 0;
    let nr = 0;
    let nk = 0;
    for (let p = start; p < end; p++) {
      const k = kind[p] as number;
      if (k === 1) nc++;
      else if (k === 0) nr++;
      else if (k === 2) nk++;
    }
    exit[at] = nc;
    exit[at + 1] = nr;
    exit[at + 2] = nk;
    let rest = at + 3 + 4 * nc;
    let check = rest + nr;
    at += 3;
    for (let p = start; p < end; p++) {
      const d = postDoc[p] as number;
      const k = kind[p] as number;
      if (k === 3) continue;
      if (k === 0) {
        exit[rest++] = d;
        continue;
      }
      if (k === 2) {
        exit[check++] = d;
        continue;
      }
      const w = (idf[t] as number) * (postW[p] as number);
      const need = floorCov * (docSelf[d] as number);
      exit[at] = (d << 1) | (w * UP >= need ? 1 : 0);
      exit[at + 1] = docSig[d] as number;
      exitF[at + 2] = w * UP;
      exitF[at + 3] = need * DOWN;
      at += 4;
    }
  }
  const docCommonW = new Float32Array(commonTerms.length);
  for (let d = 0; d < nDocs; d++)
    for (let k = docCommonStart[d] as number; k < (docCommonStart[d + 1] as number); k++) {
      const tf = commonTfs[k] as number;
      docCommonW[k] = (((idf[commonTerms[k] as number] as number) * (tf * (K1 + 1))) / (tf + (docNorm[d] as number))) * UP;
    }
  const docW = new Float32Array(docTermsArr.length);
  for (let d = 0; d < nDocs; d++)
    for (let k = docTermStart[d] as number; k < (docTermStart[d + 1] as number); k++) {
      const tf = docTfArr[k] as number;
      docW[k] = (((idf[docTermsArr[k] as number] as number) * (tf * (K1 + 1))) / (tf + (docNorm[d] as number))) * UP;
    }
  return {
    entries,
    docs: nDocs,
    terms: nTerms,
    matchThreshold: options.matchThreshold ?? KB_MATCH_THRESHOLD,
    similarThreshold: options.similarThreshold ?? KB_SIMILAR_THRESHOLD,
    _: {
      termIds,
      idf,
      postStart,
      postDoc,
      postTf,
      docEntry: Int32Array.from(docEntry),
      docClaim: Uint8Array.from(docClaim),
      docLen: Float32Array.from(docLen),
      docSelf,
      docNorm,
      postW,
      maxDf,
      docCommonStart,
      docCommonTerms: Int32Array.from(commonTerms),
      docCommonTfs: Uint16Array.from(commonTfs),
      docCommon,
      docBounds,
      docTermStart: Int32Array.from(docTermStart),
      docTerms: Int32Array.from(docTermsArr),
      docTfs: Uint16Array.from(docTfArr),
      avgLen,
      acc: new Float64Array(nDocs),
      touched: new Int32Array(nDocs),
      maxShare,
      termStamp: new Int32Array(nTerms),
      stamp: 0,
      qId: new Int32Array(64),
      qSent: new Int32Array(64),
      qDistinct: new Int32Array(64),
      preSc: new Float64Array(4 * CANDIDATES),
      preDoc: new Int32Array(4 * CANDIDATES),
      floorCov,
      exitStart,
      exit,
      exitF,
      docCommonW,
      docW,
      seen: new Uint8Array(nDocs),
      epoch: 0,
      qSorted: new Int32Array(64),
      qCommon: new Int32Array(64),
      claimCache: new Map(),
    },
  };
}

/** One candidate entry for a text, with the evidence for the decision. */
export interface KbHit {
  entry: KbEntry;
  /** Which wording matched best. */
  claim: string;
  /** Final similarity in [0, 1]: the larger of term coverage and near-copy containment. */
  score: number;
  /** Share of the wording's BM25 weight found in the window. */
  coverage: number;
  /** Share of the wording's character 4-grams found in the window. */
  near: number;
  /** `[start, end)` of the best window of sentences in the text. */
  range: [number, number];
  /** A number of the claim is absent and the window states another one. */
  numbersDisagree: boolean;
  /** Order of the hits: geometric mean of `score` and how much of the window's own (indexed) words the wording explains, so a short query prefers the claim it is about. */
  rank: number;
  /** The window negates what the claim asserts, or the reverse. */
  negationDisagrees: boolean;
}

const NO_DOCS: number[] = [];

/** The index's id of a token's term, or -1 (a stop word or a term no wording has). */
function termIdOf(ix: IndexData, t: Token): number {
  const term = tokenTerm(t);
  return term ? (ix.termIds.get(term) ?? -1) : -1;
}

/** The index and token {@link termIdOfMemo} computes for (a static callback: no closure per token). */
let memoIx: IndexData | undefined;
let memoToken: Token | undefined;
const termIdOfMemo = () => termIdOf(memoIx as IndexData, memoToken as Token);

/**
 * The query's indexed terms, per token, into the index's scratch arrays
 * (`qId`, `qSent`; grown when a text has more): returns their count.
 */
function queryTerms(ix: IndexData, tok: Tokenized): number {
  let n = 0;
  for (const t of tok.tokens) {
    if (t.kind !== 'word') continue;
    let id: number;
    if (t.forms !== undefined) {
      // the term id depends only on the spelling: memoised per spelling and index
      memoIx = ix;
      memoToken = t;
      id = wordMemo(t.forms, ix, termIdOfMemo);
    } else id = termIdOf(ix, t);
    if (id < 0) continue;
    if (n === ix.qId.length) {
      const qId = new Int32Array(2 * n);
      const qSent = new Int32Array(2 * n);
      qId.set(ix.qId);
      qSent.set(ix.qSent);
      ix.qId = qId;
      ix.qSent = qSent;
      ix.qDistinct = new Int32Array(2 * n);
    }
    ix.qId[n] = id;
    ix.qSent[n] = t.sentence;
    n++;
  }
  return n;
}

/**
 * The k best wordings for the query terms (the first `n` of `ix.qId`).
 *
 * Before any posting is read, the coverage every wording could reach is
 * bounded by the sum of the query terms' `maxShare`; a text whose bound is
 * below `minCov` (most ordinary posts) retrieves nothing, with no work on the
 * postings. Terms in more than `ix.maxDf` wordings are not walked (their
 * postings are long and say little); they are added afterwards to the few
 * best candidates only, by binary search. A candidate must cover at least
 * `minCov` of its wording's weight in the whole text (window coverage,
 * computed later, is never higher). No allocation on the way unless a
 * candidate passes.
 */
function topDocs(ix: IndexData, n: number, k: number, minCov: number): number[] {
  // distinct terms, without a Set: a per-term stamp of the query
  if (ix.stamp >= 0x3fffffff) {
    ix.termStamp.fill(0);
    ix.stamp = 0;
  }
  const stamp = ++ix.stamp;
  const distinct = ix.qDistinct;
  let nd = 0;
  let bound = 0;
  for (let i = 0; i < n; i++) {
    const id = ix.qId[i] as number;
    if (ix.termStamp[id] === stamp) continue;
    ix.termStamp[id] = stamp;
    distinct[nd++] = id;
    bound += ix.maxShare[id] as number;
  }
  // no wording can be covered to minCov by this text: skip retrieval
  if (minCov > 0 && bound < minCov) return NO_DOCS;
  if (minCov === ix.floorCov && minCov > 0 && !KB_TESTING.exhaustive && !anyCandidate(ix, nd, minCov)) return NO_DOCS;
  const touched = ix.touched;
  let nt = 0;
  const acc = ix.acc;
  // common terms: their best possible absolute score and share, for the pre-selection bound
  let commonMax = 0;
  let commonShare = 0;
  for (let i = 0; i < nd; i++) {
    const id = distinct[i] as number;
    const start = ix.postStart[id] as number;
    const end = ix.postStart[id + 1] as number;
    if (end - start > ix.maxDf) {
      commonMax += (ix.idf[id] as number) * (K1 + 1);
      commonShare += ix.maxShare[id] as number;
      continue;
    }
    const w = ix.idf[id] as number;
    for (let p = start; p < end; p++) {
      const d = ix.postDoc[p] as number;
      if (acc[d] === 0) touched[nt++] = d;
      acc[d] = (acc[d] as number) + w * (ix.postW[p] as number);
    }
  }
  // Most texts touch many wordings and cover none of them to minCov. Every wording the steps below return is in the
  // pre-selection (the test just below) and covered to minCov with the text's common terms (the exact sum of the last
  // step); when no touched wording is both, they return nothing, so that is decided here without the pre-selection's
  // sorting: the wording's own common weight (docCommon) rules most out in O(1), the few left get the exact sum.
  if (minCov > 0 && !KB_TESTING.exhaustive && !anyCovered(ix, nt, stamp, minCov, commonMax, commonShare)) {
    for (let i = 0; i < nt; i++) acc[touched[i] as number] = 0;
    return NO_DOCS;
  }
  // pre-selection on the rare terms: a wording that cannot reach minCov even with the best the text's common
  // terms could add is dropped; of the rest, the m best partial scores (sorted, best first; ties keep the first)
  const m = 4 * k;
  if (ix.preSc.length < m) {
    ix.preSc = new Float64Array(m);
    ix.preDoc = new Int32Array(m);
  }
  const preSc = ix.preSc;
  const preDoc = ix.preDoc;
  let np = 0;
  for (let i = 0; i < nt; i++) {
    const d = touched[i] as number;
    const sc = acc[d] as number;
    acc[d] = 0;
    const self = ix.docSelf[d] as number;
    if (sc + Math.min(commonMax, commonShare * self) < minCov * self) continue;
    if (np === m && sc <= (preSc[m - 1] as number)) continue;
    let j = np < m ? np++ : m - 1;
    while (j > 0 && (preSc[j - 1] as number) < sc) {
      preSc[j] = preSc[j - 1] as number;
      preDoc[j] = preDoc[j - 1] as number;
      j--;
    }
    preSc[j] = sc;
    preDoc[j] = d;
  }
  if (np === 0) return NO_DOCS;
  // exact whole-text score with the common terms (the wording's own few terms, looked up in the query's
  // stamp: no binary search in long postings), then coverage-weighted rank
  let best: Array<[number, number]> | undefined;
  for (let i = 0; i < np; i++) {
    const d = preDoc[i] as number;
    let sc = preSc[i] as number;
    if (commonMax > 0) {
      const end = ix.docTermStart[d + 1] as number;
      for (let j = ix.docTermStart[d] as number; j < end; j++) {
        const id = ix.docTerms[j] as number;
        if (ix.termStamp[id] !== stamp || (ix.postStart[id + 1] as number) - (ix.postStart[id] as number) <= ix.maxDf) continue;
        const tf = ix.docTfs[j] as number;
        sc += ((ix.idf[id] as number) * (tf * (K1 + 1))) / (tf + (ix.docNorm[d] as number));
      }
    }
    const cov = sc / (ix.docSelf[d] as number);
    if (cov < minCov) continue;
    (best ??= []).push([sc * Math.sqrt(cov), d]);
  }
  if (!best) return NO_DOCS;
  best.sort((a, b) => b[0] - a[0]);
  return best.slice(0, k).map((b) => b[1]);
}

/**
 * Whether some wording could be covered to `minCov` (the index's `floorCov`) by the text, whose distinct terms are the
 * first `nd` of `ix.qDistinct`. A wording topDocs returns shares a rare term with the text and is covered to minCov
 * (its coverage is the sum of the weights of its terms the text has, over its self-score). The rare terms' postings
 * are walked with a mark per wording. A wording touched once can only be covered through its one rare term and its
 * common terms the text has: not at all through a posting that cannot carry it (one of the other postings of the
 * term's run), nor, unless the term alone could, when its common-term signature shares no bit with the text's or
 * the weight plus the best of the text's common terms falls short; otherwise that sum is taken over its common terms.
 * A wording touched again gets the sum of the weights of all its terms the text has. Weights are rounded up and needs
 * down (see `exit`), with a margin far above the rounding of sums in another order. False when no wording can reach
 * minCov: then topDocs returns nothing; true sends the text through the full path, which decides exactly.
 */
function anyCandidate(ix: IndexData, nd: number, minCov: number): boolean {
  const distinct = ix.qDistinct;
  const exit = ix.exit;
  const exitF = ix.exitF;
  const exitStart = ix.exitStart;
  if (ix.qSorted.length < nd) {
    ix.qSorted = new Int32Array(ix.qDistinct.length);
    ix.qCommon = new Int32Array(ix.qDistinct.length);
  }
  // the query's terms ascending (insertion sort: a post has a few dozen), the common ones apart
  const qs = ix.qSorted;
  const qc = ix.qCommon;
  let nc = 0;
  let commonMax = 0;
  let sig = 0;
  let rare = 0;
  for (let i = 0; i < nd; i++) {
    const id = distinct[i] as number;
    let j = i;
    while (j > 0 && (qs[j - 1] as number) > id) {
      qs[j] = qs[j - 1] as number;
      j--;
    }
    qs[j] = id;
    const at = exitStart[id] as number;
    if ((exit[at] as number) >= 0) rare++;
    else {
      sig |= exit[at + 1] as number;
      commonMax += exitF[at + 2] as number;
    }
  }
  if (rare === 0) return false;
  for (let i = 0; i < nd; i++) {
    const id = qs[i] as number;
    if ((exit[exitStart[id] as number] as number) < 0) qc[nc++] = id;
  }
  // marks of this query: 2e - 1 touched once, 2e bounded with all its terms; anything below 2e - 1 is untouched (all
  // cleared every 127 queries)
  const seen = ix.seen;
  if (ix.epoch === 127) {
    seen.fill(0);
    ix.epoch = 0;
  }
  const epoch = ++ix.epoch;
  const once = 2 * epoch - 1;
  for (let i = 0; i < nd; i++) {
    const id = distinct[i] as number;
    let at = exitStart[id] as number;
    const nCarry = exit[at] as number;
    if (nCarry < 0) continue;
    const nRest = exit[at + 1] as number;
    const nCheck = exit[at + 2] as number;
    at += 3;
    // postings that could carry their wording
    for (let c = 0; c < nCarry; c++, at += 4) {
      const key = exit[at] as number;
      const d = key >> 1;
      const m = seen[d] as number;
      if (m >= once) {
        if (m === once && again(ix, d, nd, minCov)) return true;
        continue;
      }
      seen[d] = once;
      if ((key & 1) !== 0) return true;
      if (((exit[at + 1] as number) & sig) === 0) continue;
      let sc = exitF[at + 2] as number;
      const need = exitF[at + 3] as number;
      if (sc + commonMax < need) continue;
      // the wording's common terms and the text's, both ascending
      sc = sharedWeight(ix.docCommonTerms, ix.docCommonW, ix.docCommonStart[d] as number, ix.docCommonStart[d + 1] as number, qc, nc, sc);
      if (sc * (1 + 1e-6) >= need) return true;
    }
    // the others: a wording touched once through one of them cannot be covered
    const end = at + nRest;
    for (; at < end; at++) {
      const d = exit[at] as number;
      const m = seen[d] as number;
      if (m < once) seen[d] = once;
      else if (m === once && again(ix, d, nd, minCov)) return true;
    }
    // wordings with dropped terms that this term could carry with them: the sum over all their terms the text has
    const endCheck = at + nCheck;
    for (; at < endCheck; at++) {
      const d = exit[at] as number;
      if ((seen[d] as number) !== 2 * epoch && again(ix, d, nd, minCov)) return true;
    }
  }
  return false;
}

/** A wording touched again by the text (see anyCandidate): the sum of the weights of all its terms the text has. */
function again(ix: IndexData, d: number, nd: number, minCov: number): boolean {
  ix.seen[d] = 2 * ix.epoch;
  const sc = sharedWeight(ix.docTerms, ix.docW, ix.docTermStart[d] as number, ix.docTermStart[d + 1] as number, ix.qSorted, nd, 0);
  return sc * (1 + 1e-6) >= minCov * (ix.docSelf[d] as number);
}

/** `sc` plus, in order, `w[j]` of each term of `terms[from..to)` among the first `nq` of `q` (both ascending). */
function sharedWeight(terms: Int32Array, w: Float32Array, from: number, to: number, q: Int32Array, nq: number, sc: number): number {
  let c = 0;
  for (let j = from; j < to && c < nq; j++) {
    const t = terms[j] as number;
    while (c < nq && (q[c] as number) < t) c++;
    if (c < nq && q[c] === t) sc += w[j] as number;
  }
  return sc;
}

/**
 * Whether a touched wording passes topDocs' pre-selection test and its whole-text coverage (the same float operations
 * as topDocs' exact step) reaches `minCov`. A wording whose rare-term score plus all its common weight (with a relative
 * margin far above rounding) is below minCov cannot, and is passed over without reading its terms.
 */
function anyCovered(ix: IndexData, nt: number, stamp: number, minCov: number, commonMax: number, commonShare: number): boolean {
  const acc = ix.acc;
  const touched = ix.touched;
  const bounds = ix.docBounds;
  for (let i = 0; i < nt; i++) {
    const d = touched[i] as number;
    let sc = acc[d] as number;
    const self = bounds[2 * d] as number;
    // the wording's own common weight first: it rules out most
    if ((sc + (bounds[2 * d + 1] as number)) * (1 + 1e-9) < minCov * self) continue;
    if (sc + Math.min(commonMax, commonShare * self) < minCov * self) continue;
    if (commonMax > 0) {
      const end = ix.docCommonStart[d + 1] as number;
      for (let j = ix.docCommonStart[d] as number; j < end; j++) {
        const id = ix.docCommonTerms[j] as number;
        if (ix.termStamp[id] !== stamp) continue;
        const tf = ix.docCommonTfs[j] as number;
        sc += ((ix.idf[id] as number) * (tf * (K1 + 1))) / (tf + (ix.docNorm[d] as number));
      }
    }
    if (sc / self >= minCov) return true;
  }
  return false;
}

function normWords(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text).tokens) if (t.kind === 'word' || t.kind === 'number') out.push(t.leet ?? t.norm);
  return out;
}

function hasNegation(words: string[]): boolean {
  return words.some((w) => NEGATIONS.has(w));
}

/** What scoring needs of a wording's text (its normalised words' 4-grams, negation, numbers), computed once. */
interface ClaimInfo {
  grams: Set<number>;
  negated: boolean;
  nums: number[];
}

/** Wordings' {@link ClaimInfo} kept per index (cleared when this many are held). */
const CLAIM_CACHE_MAX = 4096;

function claimInfo(ix: IndexData, d: number, claim: string): ClaimInfo {
  let info = ix.claimCache.get(d);
  if (info === undefined) {
    const words = normWords(claim);
    info = { grams: charGrams(words), negated: hasNegation(words), nums: numbersIn(claim).map((n) => n.value) };
    if (ix.claimCache.size >= CLAIM_CACHE_MAX) ix.claimCache.clear();
    ix.claimCache.set(d, info);
  }
  return info;
}

/** Whether another of the candidate wordings `docs` belongs to the entry of wording `d`. */
function hasSibling(ix: IndexData, docs: readonly number[], d: number): boolean {
  const e = ix.docEntry[d] as number;
  for (const o of docs) if (o !== d && ix.docEntry[o] === e) return true;
  return false;
}

/**
 * Hits of the candidate wordings, best first. With `decidedOnly` (matchKb, which keeps only hits decided `known` or
 * `similar`), a wording whose hit would be decided `none` is not finished when that changes nothing: an entry whose
 * verdict is not false, or a hit scored below both thresholds when no other candidate wording belongs to its entry
 * (an entry keeps its best-ranked hit, so a sibling's hit could otherwise take its place).
 */
function score(index: KbIndex, text: string, tok: Tokenized, k: number, minCov: number, decidedOnly = false): KbHit[] {
  const ix = index._;
  if (index.docs === 0 || tok.tokens.length === 0) return [];
  const n = queryTerms(ix, tok);
  if (n === 0) return [];
  const docs = topDocs(ix, n, k, minCov);
  if (docs.length === 0) return [];
  // the query as (term, sentence) pairs, for the few candidates only
  const q: Array<{ id: number; sentence: number }> = [];
  for (let i = 0; i < n; i++) q.push({ id: ix.qId[i] as number, sentence: ix.qSent[i] as number });
  const nSent = tok.sentences.length;
  const hits = new Map<number, KbHit>();
  const windows = new Map<string, { words: string[]; grams: Set<number>; negated: boolean; nums: number[] | undefined }>();
  const skip = decidedOnly && !KB_TESTING.exhaustive;
  const floor = Math.min(index.matchThreshold, index.similarThreshold);
  for (const d of docs) {
    const entry = index.entries[ix.docEntry[d] as number] as KbEntry;
    if (skip && !FALSE_VERDICTS.has(entry.verdict)) continue;
    // weight of the wording's terms per sentence of the text
    const perSent: Array<Map<number, number>> = [];
    for (let s = 0; s < nSent; s++) perSent.push(new Map());
    const lenNorm = K1 * (1 - B + (B * (ix.docLen[d] as number)) / ix.avgLen);
    for (const { id, sentence } of q) {
      const tfd = docTf(ix, d, id);
      if (tfd > 0) perSent[sentence]?.set(id, tfd);
    }
    const self = ix.docSelf[d] as number;
    let bestCov = 0;
    let bestWin: [number, number] = [0, 0];
    let bestCount = 0;
    for (let a = 0; a < nSent; a++) {
      if ((perSent[a] as Map<number, number>).size === 0) continue;
      const union = new Map<number, number>();
      for (let b = a; b < nSent && b < a + WINDOW; b++) {
        for (const [id, tfd] of perSent[b] as Map<number, number>) union.set(id, tfd);
        let s = 0;
        for (const [id, tfd] of union) {
          s += ((ix.idf[id] as number) * (tfd * (K1 + 1))) / (tfd + lenNorm);
        }
        const cov = s / self;
        if (cov > bestCov + 1e-9) {
          bestCov = cov;
          bestWin = [a, b];
          bestCount = union.size;
        }
      }
    }
    if (bestCov === 0) continue;
    const docTermCount = (ix.docTermStart[d + 1] as number) - (ix.docTermStart[d] as number);
    // too few shared terms is topic overlap, not the claim (unless the wording itself is that short)
    const enough = bestCount >= Math.min(3, docTermCount);
    // then the score is at most the coverage: below both thresholds, decided 'none' whatever the near-copy share
    if (skip && !enough && bestCov < floor && !hasSibling(ix, docs, d)) continue;
    const claim = entry.claims[ix.docClaim[d] as number] as string;
    let start = (tok.sentences[bestWin[0]] as [number, number])[0];
    let end = (tok.sentences[bestWin[1]] as [number, number])[1];
    // the sentence's own words, without the white space around them
    while (start < end && /\s/.test(text.charAt(start))) start++;
    while (end > start && /\s/.test(text.charAt(end - 1))) end--;
    const windowText = text.slice(start, end);
    const wkey = `${bestWin[0]}:${bestWin[1]}`;
    let win = windows.get(wkey);
    if (!win) {
      // the window's words come from the tokens the checker already has
      const words: string[] = [];
      for (const t of tok.tokens)
        if (t.sentence >= bestWin[0] && t.sentence <= bestWin[1] && (t.kind === 'word' || t.kind === 'number')) words.push(t.leet ?? t.norm);
      win = { words, grams: charGrams(words), negated: hasNegation(words), nums: undefined };
      windows.set(wkey, win);
    }
    const info = claimInfo(ix, d, claim);
    const cg = info.grams;
    const wg = win.grams;
    let inter = 0;
    for (const g of cg) if (wg.has(g)) inter++;
    const near = cg.size ? inter / cg.size : 0;
    const sc = enough ? Math.max(bestCov, near) : Math.min(bestCov, near);
    if (skip && sc < floor && !hasSibling(ix, docs, d)) continue;
    const claimNums = info.nums;
    win.nums ??= numbersIn(windowText).map((n) => n.value);
    const winNums = win.nums;
    const missing = claimNums.some((v) => !winNums.includes(v));
    const extra = winNums.some((v) => !claimNums.includes(v));
    // share of the window's indexed words (idf-weighted) that the wording contains
    let qAll = 0;
    let qIn = 0;
    const seenQ = new Set<number>();
    for (const { id, sentence } of q) {
      if (sentence < bestWin[0] || sentence > bestWin[1] || seenQ.has(id)) continue;
      seenQ.add(id);
      const w = ix.idf[id] as number;
      qAll += w;
      if (docTf(ix, d, id) > 0) qIn += w;
    }
    const queryCov = qAll ? qIn / qAll : 0;
    const hit: KbHit = {
      entry,
      claim,
      score: sc,
      rank: 0,
      coverage: bestCov,
      near,
      range: [start, end],
      numbersDisagree: missing && extra,
      negationDisagrees: info.negated !== win.negated,
    };
    hit.rank = Math.sqrt(hit.score * queryCov);
    const prev = hits.get(ix.docEntry[d] as number);
    if (!prev || hit.rank > prev.rank) hits.set(ix.docEntry[d] as number, hit);
  }
  return [...hits.values()].sort((a, b) => b.rank - a.rank);
}

function docTf(ix: IndexData, d: number, id: number): number {
  // tf of a doc's term: postings hold it; find it via the term's postings (binary search on doc ids, which are increasing)
  let lo = ix.postStart[id] as number;
  let hi = (ix.postStart[id + 1] as number) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = ix.postDoc[mid] as number;
    if (v === d) return ix.postTf[mid] as number;
    if (v < d) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** Best-matching entries for a text (any verdict), best first: the search of the "Cek Fakta" page and `bijak kb search`. */
export function searchKb(index: KbIndex, text: string, limit = 10): KbHit[] {
  const tok = tokenize(text);
  return score(index, text, tok, Math.max(CANDIDATES, limit * 2), 0).slice(0, limit);
}

/** How a hit is judged. */
export type KbDecision = 'known' | 'similar' | 'none';

/** The decision for a hit: a known false claim, a similar one, or nothing. Debunking is the rule's concern. */
export function decide(hit: KbHit, index?: KbIndex): KbDecision {
  if (!FALSE_VERDICTS.has(hit.entry.verdict)) return 'none';
  if (hit.score >= (index?.matchThreshold ?? KB_MATCH_THRESHOLD) && !hit.numbersDisagree && !hit.negationDisagrees) return 'known';
  if (hit.score >= (index?.similarThreshold ?? KB_SIMILAR_THRESHOLD)) return 'similar';
  return 'none';
}

/** Hits of a tokenised text that are known or similar false claims, best first (the rule's input). */
export function matchKb(index: KbIndex, text: string, tok: Tokenized): Array<KbHit & { decision: KbDecision }> {
  const out: Array<KbHit & { decision: KbDecision }> = [];
  // a wording less than MIN_CANDIDATE_COVERAGE covered by the whole text cannot reach the similar threshold by its terms
  for (const h of score(index, text, tok, CANDIDATES, Math.min(MIN_CANDIDATE_COVERAGE, index.similarThreshold), true)) {
    const decision = decide(h, index);
    if (decision !== 'none') out.push({ ...h, decision });
  }
  // a known match comes before a merely similar one, so the rule reports the stronger hit of a window
  return out.sort((a, b) => (a.decision === b.decision ? b.rank - a.rank : a.decision === 'known' ? -1 : 1));
}
