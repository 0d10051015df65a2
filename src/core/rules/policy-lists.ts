/**
 * Term lists derived from the organisation's policy: the election file
 * (candidates, parties, hashtags) and `extraTerms`. Built once per policy
 * object (a checker holds one policy), cached in a WeakMap, and validated
 * when the checker is created so that a bad pattern fails loudly there.
 */
import { foldCase } from '../normalize/tokenize.js';
import type { Policy } from '../policy.js';
import type { Term, TermList } from '../terms.js';
import { CATEGORIES, type Category } from '../types.js';

/** The election file as term lists. */
export interface ElectionLists {
  candidates: TermList;
  parties: TermList;
  /** Normalised hashtag bodies (lower case, letters and digits only). */
  hashtags: Set<string>;
  /** Candidate names and aliases as normalised letters, for hashtags like "#BudimanGubernurKita". */
  nameKeys: string[];
  /** Ballot numbers of candidates and parties. */
  numbers: Set<number>;
}

const electionCache = new WeakMap<Policy, ElectionLists>();
const extraCache = new WeakMap<Policy, Map<Category, TermList>>();

/** Letters and digits only, lower case: how hashtags and handles are compared. */
export function compact(s: string): string {
  let out = '';
  const f = foldCase(s);
  for (let i = 0; i < f.length; i++) {
    const c = f.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) out += f[i];
  }
  return out;
}

/** A phrase turned into a term pattern: words only, no pattern syntax. */
function phrasePattern(s: string): string {
  return foldCase(s)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function uniqueTerms(patterns: Term[]): Term[] {
  const seen = new Set<string>();
  const out: Term[] = [];
  for (const p of patterns) {
    if (p.pattern.length < 2 || seen.has(p.pattern)) continue;
    seen.add(p.pattern);
    out.push(p);
  }
  return out;
}

/** The policy's election file compiled into term lists (cached per policy). */
export function electionLists(policy: Policy): ElectionLists {
  let e = electionCache.get(policy);
  if (e) return e;
  const el = policy.election;
  const cand: Term[] = [];
  const nameKeys: string[] = [];
  const numbers = new Set<number>();
  for (const c of el.candidates) {
    for (const n of [c.name, ...c.aliases]) {
      cand.push({ pattern: phrasePattern(n), note: c.name });
      const k = compact(n);
      if (k.length >= 4) nameKeys.push(k);
    }
    if (c.number !== undefined) numbers.add(c.number);
  }
  const parties: Term[] = [];
  for (const p of el.parties) {
    parties.push({ pattern: phrasePattern(p.name), note: p.name });
    if (p.abbreviation) parties.push({ pattern: phrasePattern(p.abbreviation), note: p.name });
    if (p.number !== undefined) numbers.add(p.number);
  }
  const source = { title: `Berkas pemilu organisasi${el.name ? `: ${el.name}` : ''} (policy.election)` };
  e = {
    candidates: {
      id: 'policy-election-candidates',
      category: 'partisanship',
      description: { id: 'Calon dan alias dari berkas pemilu kebijakan.', en: 'Candidates and aliases from the policy election file.' },
      sources: [source],
      terms: uniqueTerms(cand),
    },
    parties: {
      id: 'policy-election-parties',
      category: 'partisanship',
      description: { id: 'Partai dari berkas pemilu kebijakan.', en: 'Parties from the policy election file.' },
      sources: [source],
      terms: uniqueTerms(parties),
    },
    hashtags: new Set(el.hashtags.map(compact).filter((h) => h.length > 0)),
    nameKeys,
    numbers,
  };
  electionCache.set(policy, e);
  return e;
}

/** The policy's `extraTerms` as one term list per category (cached per policy). */
export function extraLists(policy: Policy): Map<Category, TermList> {
  let m = extraCache.get(policy);
  if (m) return m;
  m = new Map();
  for (const cat of CATEGORIES) {
    const terms = uniqueTerms(
      policy.extraTerms
        .filter((t) => t.category === cat)
        .map((t) => ({ pattern: t.pattern.trim(), ...(t.note ? { note: t.note } : {}), ...(t.severity ? { severity: t.severity } : {}) })),
    );
    if (terms.length === 0) continue;
    m.set(cat, {
      id: `policy-extra-${cat}`,
      category: cat,
      description: { id: `Istilah tambahan organisasi untuk kategori ${cat}.`, en: `Organisation's extra terms for ${cat}.` },
      sources: [{ title: `Kebijakan organisasi ${policy.organisation.name} (extraTerms)` }],
      terms,
    });
  }
  extraCache.set(policy, m);
  return m;
}
