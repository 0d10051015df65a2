/**
 * partisanship: support for or against a candidate or party. Campaign calls
 * ("coblos nomor 2", "pilih Pak Budiman", "menangkan paslon"), joining a
 * winning team, party praise aimed at votes, campaign slogans and the
 * hashtags of the policy's election file. Neutral civic content ("gunakan
 * hak pilih Anda", election dates, KPU procedure, news) is not flagged.
 */
import {
  AFFILIATION,
  CALL_TARGETS,
  CALL_VERBS,
  CALL_WORDS as CALL_WORDS_LIST,
  CANDIDATE_HONORIFICS,
  CANDIDATE_REFS,
  CHOOSE_VERBS,
  DATE_WORDS as DATE_WORDS_LIST,
  ELECTION_CONTEXT,
  GENERIC_TARGET_AFTER,
  GENERIC_TARGET_BEFORE,
  MONTHS as MONTHS_LIST,
  NEUTRALITY_TALK,
  PRAISE,
  SLOGANS,
  STRONG_TARGETS as STRONG_TARGETS_LIST,
  SUPPORT_ACTS,
  TEAM,
  WIN_VERBS,
} from '../data/partisanship.js';
import { refs } from '../data/references.js';
import type { Rule, RuleContext } from '../engine.js';
import type { Token } from '../normalize/tokenize.js';
import type { Match } from '../terms.js';
import { negatedBefore, suppressed } from './context.js';
import { listRule } from './factory.js';
import { compact, electionLists } from './policy-lists.js';
import { isCapitalized, isWord, L, listWords, within, wordSet } from './util.js';

const REFS = refs('SE16', 'SKB', 'PP94', 'UUASN', 'PMK190');
const NEUTRAL = L(
  'ASN wajib netral: hapus ajakan ini. Ajakan netral seperti "gunakan hak pilih Anda" tetap boleh.',
  'Civil servants must be neutral: remove this call. A neutral "use your right to vote" is fine.',
);
/** Partisanship ignores negation: "jangan pilih X" is a campaign against X. Only explanations and quotes are silenced. */
const SUPPRESS = { negation: false, meta: true } as const;

const HONORIFIC = listWords(CANDIDATE_HONORIFICS);
/** Verbs that may take any target ("menangkan kita"); others need a candidate, number or party. */
const WIN = listWords(WIN_VERBS);
const STRONG_TARGETS = listWords(STRONG_TARGETS_LIST);
const GENERIC_BEFORE = listWords(GENERIC_TARGET_BEFORE);
const GENERIC_AFTER = listWords(GENERIC_TARGET_AFTER);

/** A one-word target that names no particular contestant: "salah satu paslon", "partai atau caleg", "paslon pilihanmu". */
function genericTarget(toks: Token[], k: number): boolean {
  const t = toks[k] as Token;
  const prev = toks[k - 1];
  const next = toks[k + 1];
  if (next !== undefined && next.sentence === t.sentence && next.kind === 'number') return false; // "paslon 01"
  return (
    (prev !== undefined && prev.sentence === t.sentence && isWord(prev, GENERIC_BEFORE)) ||
    (next !== undefined && next.sentence === t.sentence && isWord(next, GENERIC_AFTER))
  );
}
/** Everyday verbs: a bare number after them ("pilih 2 menu") needs an election context. */
const CHOOSE = listWords(CHOOSE_VERBS);
const CALL_WORDS = listWords(CALL_WORDS_LIST);
/** "hak pilih", "hak suara": the noun (the right to vote), not a call to vote for someone. */
const RIGHT = wordSet(['hak']);
/** A number followed by a month or preceded by "tanggal" is a date ("pada 27 November"), not a ballot number. */
const MONTHS = listWords(MONTHS_LIST);
const DATE_WORDS = listWords(DATE_WORDS_LIST);

function isDateNumber(toks: Token[], k: number): boolean {
  const next = toks[k + 1];
  const prev = toks[k - 1];
  return (next !== undefined && next.sentence === (toks[k] as Token).sentence && isWord(next, MONTHS)) || (prev !== undefined && isWord(prev, DATE_WORDS));
}

function electionContext(ctx: RuleContext): boolean {
  return ctx.memo('partisanship.context', () => {
    const e = electionLists(ctx.policy);
    return ctx.match(ELECTION_CONTEXT).length > 0 || ctx.match(e.candidates).length > 0 || ctx.match(e.parties).length > 0;
  });
}

function startsAt(ms: Match[], k: number): Match | undefined {
  return within(ms, k, k)[0];
}

/** Where a call verb's target ends, or -1 when the verb has no partisan target. */
function targetEnd(ctx: RuleContext, v: Match): number {
  const toks = ctx.tok.tokens;
  const e = electionLists(ctx.policy);
  const targets = ctx.match(CALL_TARGETS);
  const cands = ctx.match(e.candidates);
  const parties = ctx.match(e.parties);
  const verb = toks[v.first] as Token;
  const win = isWord(toks[v.last], WIN);
  const s = verb.sentence;
  for (let k = v.last + 1; k <= v.last + 3 && k < toks.length; k++) {
    const t = toks[k] as Token;
    if (t.sentence !== s) break;
    const c = startsAt(cands, k) ?? startsAt(parties, k);
    if (c) return c.last;
    if (t.kind === 'number' && t.norm.length <= 2 && !isDateNumber(toks, k) && (electionContext(ctx) || !isWord(verb, CHOOSE))) return k;
    const tg = startsAt(targets, k);
    if (tg) {
      const isStrong = tg.first === tg.last ? isWord(toks[tg.first], STRONG_TARGETS) : true;
      if (tg.first === tg.last && genericTarget(toks, tg.first)) continue;
      if (isStrong || (win && electionContext(ctx))) {
        // "nomor 2", "paslon 01": include the number
        const nx = toks[tg.last + 1];
        return nx && nx.kind === 'number' && nx.sentence === s ? tg.last + 1 : tg.last;
      }
    }
    if (isWord(t, HONORIFIC) && isCapitalized(toks[k + 1]) && toks[k + 1]?.sentence === s) return k + 1;
  }
  // "ayo kita menangkan bersama!" / "menangkan!" in an election post
  if (win && electionContext(ctx)) return v.last;
  return -1;
}

/** partisanship/campaign-call: a call to vote for (or against) a candidate, ticket, number or party. */
export const campaignCall: Rule = {
  meta: {
    id: 'partisanship/campaign-call',
    category: 'partisanship',
    severity: 'error',
    description: L(
      'Ajakan memilih atau memenangkan calon, nomor urut atau partai ("coblos nomor 2", "pilih Pak X", "menangkan paslon", "dukung di pemilu").',
      'A call to vote for or win a candidate, ballot number or party ("vote number 2", "choose Mr X", "win it for the ticket").',
    ),
    references: REFS,
    appliesTo: ['post'],
    lists: [CALL_VERBS, CALL_TARGETS],
    vocabulary: [STRONG_TARGETS_LIST, GENERIC_TARGET_BEFORE, GENERIC_TARGET_AFTER, WIN_VERBS, CHOOSE_VERBS, CANDIDATE_HONORIFICS, MONTHS_LIST, DATE_WORDS_LIST],
    examples: {
      valid: [
        'Jangan lupa datang ke TPS tanggal 14 Februari, gunakan hak pilih Anda dengan bijak',
        'KPU resmi menetapkan tiga pasangan calon presiden',
        'Pilih menu makan siang yuk',
        'Di bilik suara cukup coblos salah satu paslon, jangan lebih, supaya surat suaranya sah',
        'Kamu bebas mau pilih partai atau caleg, sesuai hati nurani masing-masing',
      ],
      invalid: ['Coblos nomor 2 ya gaes', 'pokoknya pilih Pak Budiman', 'yuk dukung di pemilu nanti'],
    },
  },
  prepare(policy) {
    const e = electionLists(policy);
    return [e.candidates, e.parties];
  },
  check(ctx) {
    const toks = ctx.tok.tokens;
    for (const v of ctx.match(CALL_VERBS)) {
      if (v.first > 0 && isWord(toks[v.first - 1], RIGHT)) continue; // "gunakan hak pilih Anda"
      const end = targetEnd(ctx, v);
      if (end < 0 || suppressed(ctx, v.first, end, SUPPRESS)) continue;
      const range: [number, number] = [toks[v.first]?.start as number, toks[end]?.end as number];
      const w = ctx.text.slice(range[0], range[1]);
      ctx.report({
        range,
        message: L(`"${w}" adalah ajakan memilih; ASN wajib netral.`, `"${w}" is a call to vote; civil servants must stay neutral.`),
        suggestions: [NEUTRAL],
      });
    }
  },
};

/** partisanship/campaign-team: joining or promoting a winning team. */
export const campaignTeam: Rule = {
  meta: {
    id: 'partisanship/campaign-team',
    category: 'partisanship',
    severity: 'error',
    description: L(
      'Menjadi atau mengajak bergabung dengan tim pemenangan, relawan paslon, atau menunjukkan keanggotaan partai.',
      'Joining or promoting a winning team or campaign volunteers, or showing party membership.',
    ),
    references: REFS,
    appliesTo: ['post', 'account'],
    lists: [TEAM, AFFILIATION],
    examples: { valid: ['Tim pemenangan paslon 01 mendaftarkan dana kampanye ke KPU'], invalid: ['Bangga jadi relawan pemenangan paslon 01'] },
  },
  check(ctx) {
    const toks = ctx.tok.tokens;
    const aff = ctx.match(AFFILIATION);
    for (const m of ctx.match(TEAM)) {
      const s = toks[m.first]?.sentence;
      if (!within(aff, m.first - 20, m.last + 20).some((a) => toks[a.first]?.sentence === s)) continue;
      if (suppressed(ctx, m.first, m.last, { ...SUPPRESS, news: true })) continue;
      const w = ctx.text.slice(m.range[0], m.range[1]);
      ctx.report({
        range: m.range,
        message: L(`Menunjukkan keterlibatan dalam "${w}" melanggar netralitas ASN.`, `Showing involvement in "${w}" breaches civil-service neutrality.`),
        suggestions: [NEUTRAL],
      });
    }
  },
};

/** partisanship/slogan: generic campaign slogans. */
export const slogan: Rule = listRule({
  meta: {
    id: 'partisanship/slogan',
    category: 'partisanship',
    severity: 'error',
    description: L(
      'Slogan kampanye ("ganti presiden", "salam dua jari", "capresku").',
      'Campaign slogans ("change the president", "two-finger salute", "my candidate").',
    ),
    references: REFS,
    appliesTo: ['post', 'account'],
    lists: [SLOGANS],
    examples: { valid: ['Pergantian gubernur dilakukan sesuai jadwal KPU'], invalid: ['Udah saatnya ganti gubernur', '#2019GantiPresiden'] },
  },
  suppress: { ...SUPPRESS, news: true },
  // "ASN dilarang foto bareng calon": a slogan inside a sentence about the neutrality rules is quoted, not used
  accept: (ctx, m) => !ruleSentences(ctx).has(ctx.tok.tokens[m.first]?.sentence),
  message: (_m, w) => L(`"${w}" adalah slogan kampanye; ASN wajib netral.`, `"${w}" is a campaign slogan; civil servants must stay neutral.`),
  suggestions: [NEUTRAL],
});

/** partisanship/election-file: candidates and parties of the policy's election file with support or praise, and its campaign hashtags. */
export const electionFile: Rule = {
  meta: {
    id: 'partisanship/election-file',
    category: 'partisanship',
    severity: 'error',
    description: L(
      'Dukungan atau pujian untuk calon/partai dari berkas pemilu organisasi, tagar kampanye, dan pujian partai yang diarahkan untuk meraih suara.',
      "Support or praise for candidates/parties from the organisation's election file, campaign hashtags, and party praise aimed at votes.",
    ),
    references: REFS,
    appliesTo: ['post', 'account'],
    lists: [PRAISE],
    examples: {
      valid: ['Debat capres malam ini disiarkan langsung di TV nasional'],
      invalid: ['Partai Bintang Sejahtera satu-satunya partai yang peduli rakyat kecil, yuk dukung di pemilu nanti'],
    },
  },
  prepare(policy) {
    const e = electionLists(policy);
    return [e.candidates, e.parties];
  },
  check(ctx) {
    const toks = ctx.tok.tokens;
    const e = electionLists(ctx.policy);
    // campaign hashtags from the election file, and hashtags carrying a candidate's name
    let ti = 0;
    for (const h of ctx.tok.hashtags) {
      while (ti < toks.length && (toks[ti] as Token).start < h.start) ti++;
      const body = compact(h.body);
      if (body.length === 0) continue;
      if (e.hashtags.has(body) || e.nameKeys.some((k) => body.includes(k))) {
        if (ti < toks.length && suppressed(ctx, ti, ti, SUPPRESS)) continue;
        const w = ctx.text.slice(h.start, h.end);
        ctx.report({ range: [h.start, h.end], message: L(`${w} adalah tagar kampanye.`, `${w} is a campaign hashtag.`), suggestions: [NEUTRAL] });
      }
    }
    // a party or candidate with praise, in a text that also calls for support
    const praise = ctx.match(PRAISE);
    if (praise.length === 0) return;
    const calls = toks.some((t) => isWord(t, CALL_WORDS));
    const named: Match[] = [...ctx.match(e.parties), ...ctx.match(e.candidates)];
    // "Partai <Name>" counts as a party even when the election file is empty
    for (let i = 0; i + 1 < toks.length; i++) {
      const t = toks[i] as Token;
      if (t.norm === 'partai' && isCapitalized(toks[i + 1]) && toks[i + 1]?.sentence === t.sentence) {
        let j = i + 1;
        while (j + 1 < toks.length && isCapitalized(toks[j + 1]) && toks[j + 1]?.sentence === t.sentence && j - i < 4) j++;
        named.push({ term: { pattern: 'partai' }, list: e.parties, first: i, last: j, range: [t.start, (toks[j] as Token).end] });
      }
    }
    for (const n of named) {
      const s = toks[n.first]?.sentence;
      const p = within(praise, n.first - 8, n.last + 8).find((x) => toks[x.first]?.sentence === s);
      if (!p || !(calls || p.term.pattern.includes('menang'))) continue;
      const first = Math.min(n.first, p.first);
      const last = Math.max(n.last, p.last);
      if (suppressed(ctx, first, last, { ...SUPPRESS, news: true })) continue;
      const range: [number, number] = [toks[first]?.start as number, toks[last]?.end as number];
      const w = ctx.text.slice(range[0], range[1]);
      ctx.report({
        range,
        message: L(`"${w}" memuji calon/partai untuk meraih suara.`, `"${w}" praises a candidate/party to win votes.`),
        suggestions: [NEUTRAL],
      });
    }
  },
};

const FRAME_WINDOW = 10;

/**
 * Sentences that explain the neutrality rules or refuse an act ("jangan like, komen, share postingan paslon"):
 * they are not the act. Computed once per field.
 */
function ruleSentences(ctx: RuleContext): Set<number | undefined> {
  return ctx.memo('partisanship.rules', () => {
    const toks = ctx.tok.tokens;
    const out = new Set<number | undefined>(ctx.match(NEUTRALITY_TALK).map((m) => toks[m.first]?.sentence));
    for (const a of ctx.match(SUPPORT_ACTS)) if (negatedBefore(ctx, a.first, 3)) out.add(toks[a.first]?.sentence);
    return out;
  });
}

/**
 * partisanship/support: the partisanship frame. A candidate, ticket, party,
 * ballot number or winning team (by role, or by name from the election file)
 * with support, a call, membership or one of the neutrality violations
 * N1-N15 (photo with, T-shirt, finger sign, attending a campaign, buzzer...)
 * in the same sentence. A candidate named in news, a neutral call to vote,
 * and an explanation of the rules stay clean.
 */
export const support: Rule = {
  meta: {
    id: 'partisanship/support',
    category: 'partisanship',
    severity: 'error',
    description: L(
      'Calon, paslon, partai, nomor urut atau tim pemenangan bersama dukungan, ajakan, keanggotaan atau perbuatan yang dilarang SKB Netralitas (N1-N15): "dukung caleg dapil 3", "foto bareng calon bupati", "kaos paslon", "salam dua jari", "hadir di deklarasi paslon", "KTA partai".',
      "A candidate, ticket, party, ballot number or winning team with support, a call, membership or an act forbidden by the neutrality decree (N1-N15): supporting a candidate, a photo with a candidate, the ticket's T-shirt, a finger sign, attending a declaration, a party card.",
    ),
    references: REFS,
    appliesTo: ['post', 'account'],
    lists: [CANDIDATE_REFS, SUPPORT_ACTS],
    vocabulary: [NEUTRALITY_TALK],
    examples: {
      valid: [
        'KPU menetapkan nomor urut paslon pilkada hari ini',
        'ASN dilarang foto bareng calon bupati dan memakai atribut partai',
        'Debat capres malam ini disiarkan langsung, tonton dan nilai sendiri',
      ],
      invalid: ['Bangga pakai kaos paslon nomor 1 hari ini', 'Foto bareng calon bupati kita tadi pagi, semoga terpilih'],
    },
  },
  prepare(policy) {
    const e = electionLists(policy);
    return [e.candidates, e.parties];
  },
  check(ctx) {
    const acts = ctx.match(SUPPORT_ACTS);
    if (acts.length === 0) return;
    const toks = ctx.tok.tokens;
    const e = electionLists(ctx.policy);
    const refs = [...ctx.match(CANDIDATE_REFS), ...ctx.match(e.candidates), ...ctx.match(e.parties)].sort((a, b) => a.first - b.first);
    if (refs.length === 0) return;
    const rules = ruleSentences(ctx);
    let lastEnd = -1;
    for (const a of acts) {
      const s = toks[a.first]?.sentence;
      if (rules.has(s)) continue;
      const r = within(refs, a.first - FRAME_WINDOW - 4, a.last + FRAME_WINDOW).find(
        (x) =>
          toks[x.first]?.sentence === s && (x.last < a.first || x.first > a.last) && (x.last < a.first ? a.first - x.last : x.first - a.last) <= FRAME_WINDOW,
      );
      if (!r) continue;
      const first = Math.min(r.first, a.first);
      const last = Math.max(r.last, a.last);
      if (first <= lastEnd) continue;
      if (suppressed(ctx, a.first, a.last, { meta: true, news: true }) || suppressed(ctx, first, last, { ...SUPPRESS, news: true })) continue;
      lastEnd = last;
      const range: [number, number] = [toks[first]?.start as number, toks[last]?.end as number];
      const w = ctx.text.slice(range[0], range[1]);
      ctx.report({
        range,
        message: L(
          `"${w}" menunjukkan dukungan kepada calon/partai; ASN wajib netral.`,
          `"${w}" shows support for a candidate/party; civil servants must stay neutral.`,
        ),
        suggestions: [NEUTRAL],
      });
    }
  },
};
