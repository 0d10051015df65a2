/**
 * confidential: unreleased policy and internal meeting results, classified
 * documents, internal memo numbers with their subject, and identifiable
 * taxpayers' tax facts (UU KUP 34).
 */
import {
  A1_CONTEXT,
  CLASSIFICATION,
  DISCLOSURE_ACTS,
  DOCUMENT_WORDS,
  ENTITY_PREFIXES,
  LEAK_OBJECTS,
  MEMO_PREFIXES as MEMO_PREFIXES_LIST,
  MEMO_SUBJECT,
  OFFICIAL_CHANNELS,
  STRONG_MARKERS,
  TAX_FACTS,
  TAXPAYER_HONORIFICS,
  TAXPAYER_WORDS,
  WEAK_MARKERS,
  WORK_CONTEXT,
} from '../data/confidential.js';
import { refs } from '../data/references.js';
import type { Rule, RuleContext } from '../engine.js';
import type { Token } from '../normalize/tokenize.js';
import type { Match } from '../terms.js';
import { negatedBefore, suppressed } from './context.js';
import { findInSpan, isCapitalized, isWord, L, listWords, spanRange, within, wordSet } from './util.js';

const REFS = refs('SE16', 'SE137', 'KIP17', 'KUP34');
const A1_WORDS = listWords(A1_CONTEXT);
const SIFAT = wordSet(['sifat']);
const KEEP = L(
  'Tunggu pengumuman resmi; setelah terbit, bagikan tautan rilis resminya.',
  'Wait for the official announcement; once published, share the official release link.',
);
const SUPPRESS = { window: 5, news: false } as const;

/** Memo prefixes that are internal (nota dinas, surat, keputusan, undangan); PMK/SE/PER are published regulations. */
const MEMO_PREFIXES = new Set(MEMO_PREFIXES_LIST.terms.map((t) => t.pattern));

/** A memo number in the text, found by a linear scan: `ND-123/PJ.04/2024`. */
export function findMemoNumbers(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  // every memo number has "-" then "/": most texts have neither, and one native search rules them out
  if (text.indexOf('/') < 0 || text.indexOf('-') < 0) return out;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    const isUpper = c >= 65 && c <= 90;
    const prev = i > 0 ? text.charCodeAt(i - 1) : 32;
    const prevAlnum = (prev >= 65 && prev <= 90) || (prev >= 97 && prev <= 122) || (prev >= 48 && prev <= 57);
    if (!isUpper || prevAlnum) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && j - i < 4 && text.charCodeAt(j) >= 65 && text.charCodeAt(j) <= 90) j++;
    const prefix = text.slice(i, j);
    if (!MEMO_PREFIXES.has(prefix) || text[j] !== '-') {
      i = j > i ? j : i + 1;
      continue;
    }
    let k = j + 1;
    const digitsStart = k;
    while (k < n && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57 && k - digitsStart < 8) k++;
    if (k === digitsStart || text[k] !== '/') {
      i = k;
      continue;
    }
    // the rest: letters, digits, dots, slashes, hyphens, e.g. "/PJ.04/2024", "/MK.1/2024"
    let e = k;
    while (e < n && e - k < 40) {
      const d = text.charCodeAt(e);
      const ok = (d >= 65 && d <= 90) || (d >= 97 && d <= 122) || (d >= 48 && d <= 57) || d === 46 || d === 47 || d === 45;
      if (!ok) break;
      e++;
    }
    while (e > k && (text[e - 1] === '.' || text[e - 1] === '/' || text[e - 1] === '-')) e--;
    if (e - k >= 3) out.push([i, e]);
    i = e;
  }
  return out;
}

const SUBJECT = listWords(MEMO_SUBJECT);

function workContext(ctx: RuleContext): boolean {
  return ctx.memo('confidential.work', () => ctx.match(WORK_CONTEXT).length > 0 || ctx.match(STRONG_MARKERS).length > 0);
}

/** confidential/markers: classified documents, drafts, meeting results, leaks in a work context. */
export const markers: Rule = {
  meta: {
    id: 'confidential/markers',
    category: 'confidential',
    severity: 'error',
    description: L(
      'Informasi yang belum diumumkan atau bersifat rahasia: "SIFAT: RAHASIA", draft PMK, hasil rapim, "bocoran", "belum diumumkan", "jangan bilang siapa-siapa" dalam konteks pekerjaan. "Rahasia sukses ..." dan peraturan yang sudah terbit tidak ditandai.',
      'Unannounced or classified information: "CLASSIFIED", draft regulations, leadership-meeting results, "leak", "not yet announced", "do not tell anyone" in a work context. "The secret of success" and published regulations are not flagged.',
    ),
    references: REFS,
    appliesTo: ['post'],
    lists: [STRONG_MARKERS, WEAK_MARKERS, WORK_CONTEXT],
    vocabulary: [A1_CONTEXT],
    examples: {
      valid: [
        'Rahasia sukses lari pagi: konsisten dan tidur cukup',
        'PMK 81/2024 sudah bisa diunduh di jdih.kemenkeu.go.id',
        'Aku lagi naksir dia, jangan bilang siapa-siapa ya',
      ],
      invalid: [
        'Bocoran nih: draft PMK baru, tarif PPN naik. Belum diumumkan ya, jangan disebar dulu',
        'Hasil rapim tadi pagi: anggaran dipotong 40%. Jangan bilang siapa-siapa',
      ],
    },
  },
  check(ctx) {
    const toks = ctx.tok.tokens;
    const strong = ctx.match(STRONG_MARKERS);
    for (const m of strong) {
      if (suppressed(ctx, m.first, m.last, SUPPRESS)) continue;
      const w = ctx.text.slice(m.range[0], m.range[1]);
      ctx.report({
        range: m.range,
        message: L(
          `"${w}" menandakan informasi internal yang belum boleh dipublikasikan.`,
          `"${w}" marks internal information that must not be published yet.`,
        ),
        suggestions: [KEEP],
      });
    }
    // a document stamp in capitals: "RAHASIA", "SANGAT RAHASIA"
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i] as Token;
      if (t.raw !== 'RAHASIA' || isWord(toks[i - 1], SIFAT)) continue;
      const first = toks[i - 1]?.raw === 'SANGAT' ? i - 1 : i;
      if (!workContext(ctx) || suppressed(ctx, first, i, SUPPRESS)) continue;
      ctx.report({
        range: spanRange(toks, first, i),
        message: L('Dokumen berklasifikasi rahasia tidak boleh diunggah.', 'Classified documents must not be posted.'),
        suggestions: [KEEP],
      });
    }
    const weak = ctx.match(WEAK_MARKERS);
    if (weak.length === 0 || !(workContext(ctx) || weak.length >= 2)) return;
    for (const m of weak) {
      if (suppressed(ctx, m.first, m.last, SUPPRESS)) continue;
      // "A1" needs "info"/"valid" nearby; otherwise it is a paper size or a grade
      if (m.term.pattern === 'a1' && !isWord(toks[m.first - 1], A1_WORDS)) continue;
      const w = ctx.text.slice(m.range[0], m.range[1]);
      ctx.report({
        range: m.range,
        message: L(
          `"${w}": informasi pekerjaan yang belum diumumkan resmi tidak boleh dibagikan.`,
          `"${w}": work information not officially announced must not be shared.`,
        ),
        suggestions: [KEEP],
      });
    }
  },
};

/** confidential/memo-number: an internal memo or letter number with its subject or a secrecy marker. */
export const memoNumber: Rule = {
  meta: {
    id: 'confidential/memo-number',
    category: 'confidential',
    severity: 'error',
    description: L(
      'Nomor nota dinas/surat internal (ND-…, S-…, KEP-…) bersama isi atau perihalnya. Nomor peraturan yang sudah terbit (PMK, SE, PER) tidak ditandai.',
      'An internal memo or letter number (ND-…, S-…, KEP-…) with its subject. Published regulation numbers (PMK, SE, PER) are not flagged.',
    ),
    references: REFS,
    appliesTo: ['post'],
    vocabulary: [MEMO_PREFIXES_LIST, MEMO_SUBJECT],
    examples: { valid: ['Sosialisasi SE-16/MK.01/2018 tentang bijak bermedsos'], invalid: ['Nomor ND-123/PJ.04/2024 tentang rencana pemeriksaan'] },
  },
  check(ctx) {
    const memos = findMemoNumbers(ctx.text);
    if (memos.length === 0) return;
    const toks = ctx.tok.tokens;
    const secret = ctx.match(STRONG_MARKERS).length > 0 || ctx.match(WEAK_MARKERS).length > 0 || toks.some((t) => t.raw === 'RAHASIA');
    let ti = 0;
    for (const [s, e] of memos) {
      while (ti < toks.length && (toks[ti] as Token).end <= e) ti++;
      // the subject follows within four words ("tentang rencana pemeriksaan")
      let subject = false;
      for (let k = ti; k < ti + 4 && k < toks.length; k++) if (isWord(toks[k], SUBJECT)) subject = true;
      if (!subject && !secret) continue;
      let first = ti;
      while (first > 0 && (toks[first - 1] as Token).end > s) first--;
      if (first < toks.length && suppressed(ctx, first, first, SUPPRESS)) continue;
      ctx.report({
        range: [s, e],
        message: L(
          `Nomor surat internal "${ctx.text.slice(s, e)}" beserta isinya termasuk informasi yang dikecualikan.`,
          `Internal letter number "${ctx.text.slice(s, e)}" with its content is exempt information.`,
        ),
        suggestions: [
          L(
            'Jangan unggah surat atau nota dinas internal; rujuk rilis resmi bila sudah ada.',
            'Do not post internal letters or memos; refer to the official release if there is one.',
          ),
        ],
      });
    }
  },
};

const ENTITY_PREFIX = new Set(ENTITY_PREFIXES.terms.map((t) => t.pattern));
const ATAS = wordSet(['atas']);
const NAMA = wordSet(['nama']);
const HONORIFIC = listWords(TAXPAYER_HONORIFICS);
const TAXPAYER = listWords(TAXPAYER_WORDS);

/** Identifiable taxpayers: "PT Maju Jaya", "atas nama Budi Santoso", "Pak Budi", or an NPWP-formatted number. */
function entities(ctx: RuleContext): Array<[number, number]> {
  const toks = ctx.tok.tokens;
  const out: Array<[number, number]> = [];
  const capRun = (from: number, s: number) => {
    let j = from;
    while (j + 1 < toks.length && isCapitalized(toks[j + 1]) && toks[j + 1]?.sentence === s && j - from < 4) j++;
    return j;
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Token;
    if (t.kind !== 'word') continue;
    const next = toks[i + 1];
    if (ENTITY_PREFIX.has(t.raw) && isCapitalized(next) && next?.sentence === t.sentence) {
      const j = capRun(i + 1, t.sentence);
      out.push([i, j]);
      i = j;
    } else if (isWord(t, ATAS) && isWord(next, NAMA) && isCapitalized(toks[i + 2]) && toks[i + 2]?.sentence === t.sentence) {
      const j = capRun(i + 2, t.sentence);
      out.push([i, j]);
      i = j;
    } else if (isWord(t, HONORIFIC) && isCapitalized(next) && next?.sentence === t.sentence) {
      // "Pak Budi" is a taxpayer only next to a taxpayer word or a tax fact; checked by the caller's fact test
      const j = capRun(i + 1, t.sentence);
      out.push([i, j]);
      i = j;
    }
  }
  return out;
}

/** confidential/taxpayer-facts: an identifiable taxpayer with tax facts (turnover, tax return, audit, arrears). */
export const taxpayerFacts: Rule = {
  meta: {
    id: 'confidential/taxpayer-facts',
    category: 'confidential',
    severity: 'error',
    description: L(
      'Wajib pajak yang dapat dikenali (nama perusahaan, "atas nama", NPWP) bersama fakta perpajakannya (omzet, SPT, pemeriksaan, tunggakan): rahasia jabatan menurut UU KUP Pasal 34.',
      'An identifiable taxpayer (company name, "in the name of", tax ID) with tax facts (turnover, return, audit, arrears): secret under the Tax Procedures Act art. 34.',
    ),
    references: REFS,
    appliesTo: ['post'],
    lists: [TAX_FACTS],
    vocabulary: [ENTITY_PREFIXES, TAXPAYER_HONORIFICS, TAXPAYER_WORDS],
    examples: {
      valid: ['Wajib pajak diimbau melaporkan SPT Tahunan sebelum 31 Maret', 'PT Pos Indonesia membuka layanan pembayaran pajak di semua kantor'],
      invalid: ['Lagi periksa PT Maju Terus Jaya, omzetnya 80 M tapi SPT-nya cuma lapor 3 M'],
    },
  },
  check(ctx) {
    const facts = ctx.match(TAX_FACTS);
    if (facts.length === 0) return;
    const toks = ctx.tok.tokens;
    const ents = entities(ctx);
    for (const [a, b] of ents) {
      const s = toks[a]?.sentence;
      const near = (m: Match) => toks[m.first]?.sentence === s && (m.first > b ? m.first - b <= 12 : a - m.last <= 8) && !(m.first >= a && m.last <= b);
      const fs = within(facts, a - 10, b + 12).filter(near);
      if (fs.length === 0) continue;
      // a named person ("Pak Budi") needs a taxpayer word or two facts, so "Pak Budi lapor ke atasan" stays clean
      if (
        isWord(toks[a], HONORIFIC) &&
        fs.length < 2 &&
        findInSpan(toks, Math.max(0, a - 15), Math.min(toks.length - 1, b + 15), TAXPAYER).every((k) => toks[k]?.sentence !== s)
      )
        continue;
      if (suppressed(ctx, a, b, { ...SUPPRESS, news: true })) continue;
      const range = spanRange(toks, a, b);
      const w = ctx.text.slice(range[0], range[1]);
      ctx.report({
        range,
        message: L(
          `Data perpajakan "${w}" (${fs.map((f) => ctx.text.slice(f.range[0], f.range[1])).join(', ')}) adalah rahasia wajib pajak.`,
          `Tax data of "${w}" is taxpayer secrecy.`,
        ),
        suggestions: [
          L(
            'Jangan menyebut wajib pajak dan data perpajakannya; ceritakan secara umum tanpa identitas.',
            'Do not name a taxpayer with their tax data; speak in general terms without identities.',
          ),
        ],
      });
    }
  },
};

const DOCUMENT = listWords(DOCUMENT_WORDS);
/** Capitalised security classes of official documents (tata naskah dinas). */
const MARKINGS = new Set(['RAHASIA', 'TERBATAS', 'KONFIDENSIAL', 'CONFIDENTIAL']);
const LEAK_WINDOW = 8;

/** Classification markings: a listed marking phrase, or a capitalised class after a document word ("laporan TERBATAS"). */
function markings(ctx: RuleContext): Array<[number, number]> {
  const toks = ctx.tok.tokens;
  const out: Array<[number, number]> = ctx.match(CLASSIFICATION).map((m) => [m.first, m.last]);
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i] as Token;
    if (!MARKINGS.has(t.raw) || t.raw === 'RAHASIA') continue; // RAHASIA in capitals is the markers rule's
    for (let k = i - 1; k >= i - 3 && k >= 0; k--) {
      if ((toks[k] as Token).sentence !== t.sentence) break;
      if (isWord(toks[k], DOCUMENT)) {
        out.push([k, i]);
        break;
      }
    }
  }
  return out;
}

/**
 * confidential/disclosure: the leak frame. A work object (draft, memo,
 * minutes, internal meeting, audit or examination results, taxpayer data)
 * with an act of disclosure (leak, spill, share, send, photograph,
 * screenshot) in the same sentence, or a document with a classification
 * marking. A work object alone, or a disclosure verb alone, is never enough.
 */
export const disclosure: Rule = {
  meta: {
    id: 'confidential/disclosure',
    category: 'confidential',
    severity: 'error',
    description: L(
      'Membuka atau menyebarkan objek pekerjaan internal: rancangan, nota dinas, notulen atau hasil rapat internal, hasil audit/pemeriksaan, data wajib pajak, bersama tindakan "bocorin", "spill", "share", "kirim", "foto", "screenshot"; atau dokumen bertanda klasifikasi (RAHASIA, TERBATAS).',
      'Disclosing internal work objects (drafts, memos, minutes or internal meeting results, audit or examination results, taxpayer data) with an act such as leak, spill, share, send, photograph, screenshot; or a document with a classification marking.',
    ),
    references: REFS,
    appliesTo: ['post'],
    lists: [LEAK_OBJECTS, DISCLOSURE_ACTS, CLASSIFICATION],
    vocabulary: [DOCUMENT_WORDS, OFFICIAL_CHANNELS],
    examples: {
      valid: [
        'Jangan bagikan data wajib pajak di grup WhatsApp, sekalipun niatnya membantu',
        'Foto bersama peserta rapat koordinasi hari ini',
        'Hasil pemeriksaan kesehatan saya sudah keluar, alhamdulillah normal',
      ],
      invalid: ['Nih aku spill hasil rapim tadi pagi ya', 'Ss dokumen bertanda TERBATAS dari grup kantor'],
    },
  },
  check(ctx) {
    const toks = ctx.tok.tokens;
    const acts = ctx.match(DISCLOSURE_ACTS);
    // a sentence that refuses a disclosure ("jangan difoto") is a rule about markings, not a marked document
    const refusing = new Set(acts.filter((a) => negatedBefore(ctx, a.first, 3)).map((a) => toks[a.first]?.sentence));
    const channels = new Set(ctx.match(OFFICIAL_CHANNELS).map((c) => toks[c.first]?.sentence));
    const found: Array<[number, number]> = markings(ctx).filter(([a]) => !refusing.has(toks[a]?.sentence));
    const objects = ctx.match(LEAK_OBJECTS);
    if (objects.length > 0) {
      for (const o of objects) {
        const s = toks[o.first]?.sentence;
        const a = within(acts, o.first - LEAK_WINDOW - 2, o.last + LEAK_WINDOW).find(
          (x) =>
            toks[x.first]?.sentence === s && (x.last < o.first ? o.first - x.last : x.first - o.last) <= LEAK_WINDOW && (x.last < o.first || x.first > o.last),
        );
        if (!a || channels.has(s)) continue;
        // the act, negated or explained ("jangan bagikan data WP"), is refused, not done
        if (suppressed(ctx, a.first, a.last, { ...SUPPRESS, news: true }) || suppressed(ctx, o.first, o.last, { ...SUPPRESS, negation: false, news: true }))
          continue;
        found.push([Math.min(o.first, a.first), Math.max(o.last, a.last)]);
      }
    }
    let lastEnd = -1;
    for (const [first, last] of found.sort((x, y) => x[0] - y[0])) {
      if (first <= lastEnd) continue;
      if (suppressed(ctx, first, last, SUPPRESS)) continue;
      lastEnd = last;
      const range = spanRange(toks, first, last);
      const w = ctx.text.slice(range[0], range[1]);
      ctx.report({
        range,
        message: L(
          `"${w}": dokumen atau informasi internal pekerjaan tidak boleh dibuka ke publik.`,
          `"${w}": internal work documents or information must not be disclosed.`,
        ),
        suggestions: [KEEP],
      });
    }
  },
};
