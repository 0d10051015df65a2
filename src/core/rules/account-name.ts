/**
 * account-name: a personal account whose handle or display name uses the
 * name of Kemenkeu or an Eselon I unit (policy `institution`), unless the
 * handle is in the official-account registry (policy `officialAccounts`).
 *
 * A handle is cut into pieces at separators, digits and camelCase, after
 * decoding leetspeak digits that stand between letters ("k3menkeu"). A piece
 * matches when it is an institution key, when adjacent pieces join into one
 * ("bea_cukai"), when a long key (6+ letters) sits inside it
 * ("infobeacukai"), or when a short key is glued to a known affix
 * ("djpmedan", "infodjp"). A short abbreviation buried in a longer random
 * word does not match, nor does "DJ" (not a unit). In a bio only an explicit
 * claim ("akun resmi DJP") is flagged.
 */
import { AFFIXES as AFFIXES_LIST, CLAIM_WORDS } from '../data/account-name.js';
import { refs } from '../data/references.js';
import type { Rule, RuleContext } from '../engine.js';
import type { Policy } from '../policy.js';
import type { AccountInput } from '../types.js';
import { compact } from './policy-lists.js';
import { isWord, L, listWords } from './util.js';

const REFS = refs('SE16');
const SUGGEST = L(
  'Gunakan nama pribadi (mis. "budi.santoso"); nama Kemenkeu atau unit Eselon I hanya untuk akun resmi yang terdaftar.',
  'Use a personal name (e.g. "budi.santoso"); the names of Kemenkeu and its units are reserved for registered official accounts.',
);

/** Affixes that, glued to a short unit abbreviation, still name the unit ("djpmedan", "infodjp", "kppnambon"). */
const AFFIXES = new Set(AFFIXES_LIST.terms.map((t) => t.pattern));

interface Compiled {
  keys: Set<string>;
  /** Keys of 6+ characters, matched inside longer pieces. */
  longKeys: string[];
  /** Compact official handles per platform ('*' for all). */
  official: Map<string, Set<string>>;
}

const cache = new WeakMap<Policy, Compiled>();

function compiled(policy: Policy): Compiled {
  let c = cache.get(policy);
  if (c) return c;
  const keys = new Set<string>();
  for (const n of [...policy.institution.names, ...policy.institution.abbreviations]) {
    const k = compact(n);
    if (k.length >= 3) keys.add(k);
  }
  const official = new Map<string, Set<string>>();
  for (const a of policy.officialAccounts) {
    let s = official.get(a.platform);
    if (!s) official.set(a.platform, (s = new Set()));
    s.add(compact(a.handle));
  }
  c = { keys, longKeys: [...keys].filter((k) => k.length >= 6), official };
  cache.set(policy, c);
  return c;
}

/** Whether the account's handle is registered as official (for its platform, any platform when none is given). */
export function isOfficial(policy: Policy, input: AccountInput): boolean {
  const c = compiled(policy);
  const h = compact(input.handle);
  if (c.official.get('*')?.has(h)) return true;
  if (input.platform) return c.official.get(input.platform)?.has(h) ?? false;
  for (const s of c.official.values()) if (s.has(h)) return true;
  return false;
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't' };

/** One piece of a name: lower-case letters (leet decoded) or digits, with its original range. */
interface Piece {
  s: string;
  start: number;
  end: number;
  /** Written Title-case ("Dja"): a short abbreviation written so is a personal name, not a unit. */
  title: boolean;
  /** Index of the separator-delimited segment the piece belongs to. */
  seg: number;
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}
function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

/** Cuts a handle or display name into pieces, in one pass. */
export function pieces(value: string): Piece[] {
  const out: Piece[] = [];
  const n = Math.min(value.length, 500);
  let seg = 0;
  let cur = '';
  let curStart = -1;
  let curType: 'l' | 'd' | '' = '';
  let raw = '';
  const flush = () => {
    if (cur.length > 0) {
      const title = raw.length > 1 && raw[0] !== raw[0]?.toLowerCase() && raw.slice(1) === raw.slice(1).toLowerCase();
      out.push({ s: cur, start: curStart, end: curStart + cur.length, title, seg });
    }
    cur = '';
    raw = '';
    curStart = -1;
    curType = '';
  };
  for (let i = 0; i < n; i++) {
    let ch = value[i] as string;
    // leetspeak: a digit between two letters is a letter ("k3menkeu")
    if (isDigit(ch) && LEET[ch] && isLetter(value[i - 1]) && isLetter(value[i + 1])) ch = LEET[ch] as string;
    if (isLetter(ch)) {
      const upper = ch >= 'A' && ch <= 'Z';
      // camelCase boundary: lower followed by upper ("KemenkeuRI" -> "Kemenkeu" "RI")
      if (curType === 'd' || (upper && curType === 'l' && raw.length > 0 && (raw[raw.length - 1] as string) >= 'a' && (raw[raw.length - 1] as string) <= 'z'))
        flush();
      if (cur.length === 0) curStart = i;
      cur += ch.toLowerCase();
      raw += ch;
      curType = 'l';
    } else if (isDigit(ch)) {
      if (curType === 'l') flush();
      if (cur.length === 0) curStart = i;
      cur += ch;
      raw += ch;
      curType = 'd';
    } else {
      flush();
      seg++;
    }
  }
  flush();
  return out;
}

/** A match of an institution name in a value: `[start, end)` and the matched key. */
export interface NameHit {
  start: number;
  end: number;
  key: string;
}

/** Finds institution names in a handle or display name. */
export function findInstitutionNames(policy: Policy, value: string): NameHit[] {
  const c = compiled(policy);
  const ps = pieces(value);
  const hits: NameHit[] = [];
  const okShort = (p: Piece) => p.s.length > 3 || !p.title;
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i] as Piece;
    // joined pieces, longest first ("bea" "cukai" -> "beacukai"; "Kemenkeu" "RI" -> "kemenkeuri"; "kp" "2" "kp")
    let matched = false;
    for (let len = Math.min(4, ps.length - i); len >= 2 && !matched; len--) {
      let s = '';
      for (let k = i; k < i + len; k++) s += (ps[k] as Piece).s;
      if (c.keys.has(s)) {
        const last = ps[i + len - 1] as Piece;
        hits.push({ start: p.start, end: last.end, key: s });
        i += len - 1;
        matched = true;
      }
    }
    if (matched) continue;
    if (c.keys.has(p.s) && okShort(p)) {
      hits.push({ start: p.start, end: p.end, key: p.s });
      continue;
    }
    if (!/^[a-z]+$/.test(p.s)) continue;
    // a long key inside a longer piece ("infobeacukai")
    let found = false;
    for (const k of c.longKeys) {
      const at = p.s.indexOf(k);
      if (at >= 0) {
        hits.push({ start: p.start + at, end: p.start + at + k.length, key: k });
        found = true;
        break;
      }
    }
    if (found) continue;
    // a short key glued to a known affix ("djpmedan", "infodjp")
    for (const k of c.keys) {
      if (k.length >= 6 || p.s.length <= k.length) continue;
      if (p.s.startsWith(k) && AFFIXES.has(p.s.slice(k.length))) {
        hits.push({ start: p.start, end: p.start + k.length, key: k });
        break;
      }
      if (p.s.endsWith(k) && AFFIXES.has(p.s.slice(0, p.s.length - k.length))) {
        hits.push({ start: p.end - k.length, end: p.end, key: k });
        break;
      }
    }
  }
  return hits;
}

const CLAIM = listWords(CLAIM_WORDS);

function reportHits(ctx: RuleContext, hits: NameHit[], what: { id: string; en: string }): void {
  for (const h of hits) {
    const w = ctx.text.slice(h.start, h.end);
    ctx.report({
      range: [h.start, h.end],
      message: L(
        `${what.id} memakai nama institusi "${w}". Nama Kemenkeu dan unitnya hanya untuk akun resmi.`,
        `The ${what.en} uses the institutional name "${w}". Kemenkeu and unit names are for official accounts only.`,
      ),
      suggestions: [SUGGEST],
    });
  }
}

/** account-name/institution: a personal handle or display name that uses an institutional name. */
export const institution: Rule = {
  meta: {
    id: 'account-name/institution',
    category: 'account-name',
    severity: 'error',
    description: L(
      'Akun pribadi yang handle atau nama tampilannya memakai "Kemenkeu", "Kementerian Keuangan" atau nama/singkatan unit Eselon I (DJP, DJBC, DJPb, ...), kecuali akun resmi yang terdaftar. Tahan terhadap huruf besar-kecil, pemisah, angka dan leetspeak.',
      'A personal account whose handle or display name uses "Kemenkeu", "Kementerian Keuangan" or an Eselon I unit name/abbreviation, unless it is a registered official account. Robust to case, separators, digits and leetspeak.',
    ),
    references: REFS,
    appliesTo: ['account'],
    examples: {
      valid: ['handle: dj.pamungkas, name: DJ Pamungkas', 'handle: rina.w, bio: senang belajar tentang pajaknya UMKM', 'handle: KemenkeuRI (official)'],
      invalid: ['handle: kemenkeu_budi', 'name: Budi | DJP Medan', 'handle: infobeacukai_official', 'handle: k3menkeu', 'handle: djpb_fan99'],
    },
  },
  prepare(policy) {
    compiled(policy);
    return undefined;
  },
  check(ctx) {
    const input = ctx.input as AccountInput;
    if (isOfficial(ctx.policy, input)) return;
    if (ctx.field === 'handle') {
      reportHits(ctx, findInstitutionNames(ctx.policy, ctx.text), { id: 'Nama akun (handle)', en: 'handle' });
    } else if (ctx.field === 'displayName') {
      reportHits(ctx, findInstitutionNames(ctx.policy, ctx.text), { id: 'Nama tampilan', en: 'display name' });
    } else if (ctx.field === 'bio') {
      // only an explicit claim of being official: "akun resmi DJP", "official account of Bea Cukai"
      const toks = ctx.tok.tokens;
      for (let i = 0; i < toks.length; i++) {
        if (!isWord(toks[i], CLAIM)) continue;
        const from = toks[i]?.start as number;
        const lastTok = toks[Math.min(toks.length - 1, i + 5)];
        if (!lastTok) continue;
        const windowText = ctx.text.slice(from, lastTok.end);
        const hits = findInstitutionNames(ctx.policy, windowText);
        const h = hits[0];
        if (!h) continue;
        ctx.report({
          range: [from, from + h.end],
          message: L(
            'Bio mengaku sebagai akun resmi institusi, padahal akun ini tidak terdaftar sebagai akun resmi.',
            'The bio claims to be an official institutional account, but the account is not registered as official.',
          ),
          suggestions: [
            L(
              'Hapus klaim "akun resmi"; tulis misalnya "pegawai Kemenkeu, pendapat pribadi".',
              'Remove the "official account" claim; write e.g. "Kemenkeu employee, personal views".',
            ),
          ],
        });
        break;
      }
    }
  },
};
