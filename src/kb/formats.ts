/**
 * KB importers: detect the format of a file's text and turn its records
 * into KB candidates (validated and merged by the core's mergeKb).
 *
 * Formats: our JSON lines; CSV with a header row; schema.org ClaimReview
 * JSON-LD (one object, a list, an @graph, or the
 * `<script type="application/ld+json">` blocks of a saved HTML page);
 * Google Fact Check Tools `claims:search` responses saved as JSON; RSS 2.0 and
 * Atom feeds (title -> claim, description -> summary); the Mafindo Yudistira
 * API's JSON list (title/content/fact/conclusion/source_link/tanggal fields).
 *
 * Everything is bounded: input size, records per file, field lengths (the
 * entry schema). A file that is not any of these formats throws a
 * {@link KbImportError} and nothing is merged.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import { DomUtils, parseDocument, parseFeed } from 'htmlparser2';
import { KB_LIMITS, type KbCandidate, type Verdict } from '../core/kb/index.js';

/** Largest file one import reads (bytes of text). */
export const MAX_IMPORT_CHARS = 20 * 1024 * 1024;
/** Most records taken from one file. */
export const MAX_IMPORT_RECORDS = 50_000;

/** The formats the importer knows. */
export const KB_FORMATS = ['jsonl', 'csv', 'claimreview', 'google-factcheck', 'html', 'rss', 'atom', 'yudistira'] as const;
/** A detected format. */
export type KbFormat = (typeof KB_FORMATS)[number];

/** A file that cannot be imported at all (wrong format, too large, unreadable); names the problem. */
export class KbImportError extends Error {}

/** Maps a fact-checker's rating label ("SALAH", "Hoaks", "False", "Missing context") to our verdict. */
export function verdictOf(label: string | undefined): Verdict | undefined {
  if (!label) return undefined;
  const s = label.toLowerCase();
  if (/hoaks|hoax|fake|palsu|fabricated/.test(s)) return 'hoaks';
  if (/sebagian|partly|partially|half|mixture|mixed/.test(s)) return 'sebagian-benar';
  if (/menyesatkan|misleading|missing context|konteks|disinformasi|misinformasi/.test(s)) return 'menyesatkan';
  if (/tidak terbukti|belum terbukti|unproven|unverified|unsupported/.test(s)) return 'tidak-terbukti';
  if (/satire|satir|parodi|parody/.test(s)) return 'satire';
  if (/salah|keliru|false|incorrect|wrong|bohong/.test(s)) return 'salah';
  if (/benar|true|correct|accurate|fakta/.test(s)) return 'benar';
  return undefined;
}

/** A stable id from a text (FNV-1a, base 36), for records without one. */
export function idFrom(prefix: string, text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  let h2 = 5381;
  for (let i = 0; i < text.length; i++) h2 = (Math.imul(h2, 33) ^ text.charCodeAt(i)) >>> 0;
  return `${prefix}-${(h >>> 0).toString(36)}${h2.toString(36)}`;
}

function clip(s: string | undefined, n: number): string {
  const t = (s ?? '').replace(/\s+/g, ' ').trim();
  return t.length <= n ? t : `${t.slice(0, n - 1).trimEnd()}…`;
}

function isoDate(v: unknown): string | undefined {
  if (typeof v !== 'string' && typeof v !== 'number') return undefined;
  const s = String(v).trim();
  if (/^\d{4}-\d{2}-\d{2}/.test(s)) return s.slice(0, 10);
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

function htmlText(html: string | undefined): string {
  if (!html) return '';
  if (!html.includes('<') && !html.includes('&')) return html;
  return DomUtils.textContent(parseDocument(html)).replace(/\s+/g, ' ').trim();
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
}

/** "[SALAH] Video ..." -> label "SALAH", rest "Video ..." (turnbackhoax and Komdigi titles). */
export function splitLabel(title: string): { label?: string; rest: string } {
  const m = /^\s*[[(]\s*([^\])]{2,40})\s*[\])]\s*[:\-–]?\s*/.exec(title);
  if (!m) return { rest: title.trim() };
  return { label: m[1], rest: title.slice(m[0].length).trim() };
}

/** Detects the format of a file's text (the name's extension is a hint only). */
export function detectFormat(text: string, name = ''): KbFormat {
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart();
  const lower = head.toLowerCase();
  if (head.startsWith('<')) {
    if (/<rss[\s>]|<rdf:rdf[\s>]/.test(lower)) return 'rss';
    if (/<feed[\s>]/.test(lower)) return 'atom';
    return 'html';
  }
  if (head.startsWith('{') || head.startsWith('[')) {
    // one JSON document, or JSON lines (several documents)
    let doc: unknown;
    try {
      doc = JSON.parse(text);
    } catch {
      const first = head.split('\n', 1)[0] as string;
      try {
        JSON.parse(first);
        return 'jsonl';
      } catch {
        throw new KbImportError(`${name || 'berkas'}: JSON tidak valid / invalid JSON`);
      }
    }
    return jsonFormat(doc, name);
  }
  if (/\.(csv|tsv)$/i.test(name) || /^[^\n]*(claim|klaim)[^\n]*[,;\t]/i.test(head)) return 'csv';
  throw new KbImportError(`${name || 'berkas'}: format tidak dikenali (JSONL, CSV, ClaimReview JSON-LD/HTML, RSS/Atom, Yudistira) / unknown format`);
}

function jsonFormat(doc: unknown, name: string): KbFormat {
  const o = doc as Record<string, unknown>;
  if (o && !Array.isArray(o) && Array.isArray(o.claims) && (o.claims as unknown[]).some((c) => c && typeof c === 'object' && 'claimReview' in c))
    return 'google-factcheck';
  if (o && !Array.isArray(o) && Array.isArray(o.claims) && typeof o.verdict === 'string') return 'jsonl'; // one entry of our own
  if (claimReviews(doc).length > 0) return 'claimreview';
  const list = Array.isArray(doc) ? doc : Array.isArray(o?.data) ? (o.data as unknown[]) : Array.isArray(o?.results) ? (o.results as unknown[]) : undefined;
  if (list?.some((r) => r && typeof r === 'object' && 'title' in r && ('fact' in r || 'conclusion' in r || 'source_link' in r || 'classification' in r)))
    return 'yudistira';
  if (list?.some((r) => r && typeof r === 'object' && 'claims' in r && 'verdict' in r)) return 'jsonl';
  throw new KbImportError(`${name || 'berkas'}: JSON dikenali tetapi bukan ClaimReview, Fact Check Tools, Yudistira atau format KB / JSON of an unknown shape`);
}

/** Every ClaimReview object in a JSON-LD value (object, list, @graph). */
function claimReviews(v: unknown, depth = 0, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (depth > 6 || !v || typeof v !== 'object' || out.length >= MAX_IMPORT_RECORDS) return out;
  if (Array.isArray(v)) {
    for (const x of v) claimReviews(x, depth + 1, out);
    return out;
  }
  const o = v as Record<string, unknown>;
  const t = o['@type'];
  if (t === 'ClaimReview' || (Array.isArray(t) && t.includes('ClaimReview'))) out.push(o);
  else if (Array.isArray(o['@graph'])) claimReviews(o['@graph'], depth + 1, out);
  return out;
}

function nameOf(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return nameOf(v[0]);
  if (v && typeof v === 'object') return str((v as Record<string, unknown>).name);
  return undefined;
}

function fromClaimReview(o: Record<string, unknown>, origin: string): KbCandidate {
  const rating = (o.reviewRating ?? {}) as Record<string, unknown>;
  let verdict = verdictOf(str(rating.alternateName) ?? str(rating.name));
  const value = Number(rating.ratingValue);
  const best = Number(rating.bestRating ?? 5);
  const worst = Number(rating.worstRating ?? 1);
  if (!verdict && Number.isFinite(value) && best > worst) verdict = (value - worst) / (best - worst) <= 0.25 ? 'salah' : undefined;
  const claim = str(o.claimReviewed) ?? '';
  const author = nameOf(o.author) ?? nameOf(o.publisher) ?? '';
  const url = str(o.url) ?? '';
  const summary = clip(htmlText(str(o.reviewBody) ?? str(o.description) ?? str(o.headline) ?? str(o.name)), KB_LIMITS.summaryChars);
  return {
    origin,
    record: {
      id: idFrom('cr', url || claim),
      claims: [clip(claim, KB_LIMITS.claimChars)],
      verdict: verdict ?? str(rating.alternateName) ?? '(tanpa penilaian / no rating)',
      summary: summary || `Dinilai "${str(rating.alternateName) ?? verdict}" oleh ${author}.`,
      source: { name: clip(author, KB_LIMITS.nameChars), url },
      ...(isoDate(o.datePublished) ? { date: isoDate(o.datePublished) } : {}),
      topics: [],
    },
  };
}

/** Candidates of a file's text in a format (detected when omitted); a file that cannot be read throws {@link KbImportError}. */
export function importText(text: string, name: string, format?: KbFormat): { format: KbFormat; candidates: KbCandidate[] } {
  if (text.length > MAX_IMPORT_CHARS) throw new KbImportError(`${name}: lebih besar dari / larger than ${MAX_IMPORT_CHARS} karakter`);
  const f = format ?? detectFormat(text, name);
  try {
    return importInner(text, name, f);
  } catch (e) {
    if (e instanceof KbImportError) throw e;
    throw new KbImportError(`${name} (${f}): ${(e as Error).message}`);
  }
}

function importInner(text: string, name: string, format: KbFormat): { format: KbFormat; candidates: KbCandidate[] } {
  if (text.length > MAX_IMPORT_CHARS) throw new KbImportError(`${name}: lebih besar dari / larger than ${MAX_IMPORT_CHARS} karakter`);
  const body = text.replace(/^\uFEFF/, '');
  const out: KbCandidate[] = [];
  const push = (c: KbCandidate) => {
    if (out.length >= MAX_IMPORT_RECORDS) throw new KbImportError(`${name}: lebih dari / more than ${MAX_IMPORT_RECORDS} record`);
    out.push(c);
  };
  switch (format) {
    case 'jsonl': {
      const trimmed = body.trimStart();
      // a JSON array of our entries is accepted too
      if (trimmed.startsWith('[')) {
        const arr = JSON.parse(trimmed) as unknown[];
        arr.forEach((r, i) => {
          push({ origin: `${name}#${i + 1}`, record: r });
        });
        break;
      }
      let n = 0;
      for (const line of body.split('\n')) {
        n++;
        if (!line.trim()) continue;
        try {
          push({ origin: `${name}:${n}`, record: JSON.parse(line) });
        } catch (e) {
          if (e instanceof KbImportError) throw e;
          push({ origin: `${name}:${n}`, record: null, error: `JSON tidak valid / invalid JSON: ${(e as Error).message}` });
        }
      }
      break;
    }
    case 'csv': {
      let rows: Record<string, string>[];
      try {
        rows = parseCsv(body, {
          columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
          skip_empty_lines: true,
          relax_column_count: true,
          delimiter: [',', ';', '\t'],
          max_record_size: 64 * 1024,
          to: MAX_IMPORT_RECORDS + 1,
        });
      } catch (e) {
        throw new KbImportError(`${name}: CSV tidak valid / invalid CSV: ${(e as Error).message}`);
      }
      const cols = rows.length ? Object.keys(rows[0] as object) : [];
      if (!cols.some((c) => c === 'claim' || c === 'klaim' || c === 'claims'))
        throw new KbImportError(`${name}: CSV tanpa kolom claim/klaim / CSV has no claim column (kolom: ${cols.join(', ')})`);
      rows.forEach((r, i) => {
        const claims = (r.claims ?? r.claim ?? r.klaim ?? '')
          .split('|')
          .map((s) => s.trim())
          .filter(Boolean);
        const verdictRaw = r.verdict ?? r.putusan ?? r.label ?? '';
        const rec: Record<string, unknown> = {
          id: r.id?.trim() || idFrom('csv', claims.join('|')),
          claims,
          verdict: verdictOf(verdictRaw) ?? verdictRaw,
          summary: r.summary ?? r.klarifikasi ?? r.ringkasan ?? '',
          source: { name: r.source ?? r.source_name ?? r.sumber ?? '', url: (r.url ?? r.source_url ?? '').trim() },
          topics: (r.topics ?? r.topik ?? '')
            .split(/[|;]/)
            .map((s) => s.trim())
            .filter(Boolean),
        };
        if (r.publisher) rec.publisher = r.publisher;
        const d = isoDate(r.date ?? r.tanggal);
        if (d) rec.date = d;
        const x = isoDate(r.expires ?? r.kedaluwarsa);
        if (x) rec.expires = x;
        push({ origin: `${name}:${i + 2}`, record: rec });
      });
      break;
    }
    case 'claimreview': {
      const reviews = claimReviews(JSON.parse(body));
      reviews.forEach((o, i) => {
        push(fromClaimReview(o, `${name}#${i + 1}`));
      });
      break;
    }
    case 'html': {
      const doc = parseDocument(body);
      const scripts = DomUtils.findAll((el) => el.name === 'script' && (el.attribs.type ?? '').toLowerCase().includes('ld+json'), doc.children);
      let k = 0;
      for (const s of scripts) {
        let data: unknown;
        try {
          data = JSON.parse(DomUtils.textContent(s));
        } catch {
          continue; // a broken block of another kind is not ours to judge
        }
        for (const o of claimReviews(data)) push(fromClaimReview(o, `${name}#${++k}`));
      }
      if (k === 0) throw new KbImportError(`${name}: tidak ada ClaimReview JSON-LD di halaman ini / no ClaimReview JSON-LD in this page`);
      break;
    }
    case 'google-factcheck': {
      const doc = JSON.parse(body) as { claims?: Array<Record<string, unknown>> };
      (doc.claims ?? []).forEach((c, i) => {
        const reviews = (Array.isArray(c.claimReview) ? c.claimReview : []) as Array<Record<string, unknown>>;
        const r = reviews[0] ?? {};
        const pub = (r.publisher ?? {}) as Record<string, unknown>;
        const label = str(r.textualRating);
        const url = str(r.url) ?? '';
        push({
          origin: `${name}#${i + 1}`,
          record: {
            id: idFrom('gfc', url || str(c.text) || ''),
            claims: [clip(str(c.text), KB_LIMITS.claimChars)],
            verdict: verdictOf(label) ?? label ?? '(tanpa penilaian / no rating)',
            summary: clip(str(r.title) ?? `Dinilai "${label}" oleh ${str(pub.name) ?? str(pub.site)}.`, KB_LIMITS.summaryChars),
            source: { name: clip(str(pub.name) ?? str(pub.site) ?? '', KB_LIMITS.nameChars), url },
            ...(str(c.claimant) ? { publisher: clip(`klaim oleh / claimed by ${str(c.claimant)}`, KB_LIMITS.nameChars) } : {}),
            ...(isoDate(r.reviewDate ?? c.claimDate) ? { date: isoDate(r.reviewDate ?? c.claimDate) } : {}),
            topics: [],
          },
        });
      });
      break;
    }
    case 'rss':
    case 'atom': {
      const feed = parseFeed(body, { xmlMode: true });
      if (!feed) throw new KbImportError(`${name}: bukan feed RSS/Atom yang valid / not a valid RSS or Atom feed`);
      const channel = clip(feed.title ?? name, KB_LIMITS.nameChars);
      feed.items.forEach((it, i) => {
        const { label, rest } = splitLabel(htmlText(it.title ?? ''));
        push({
          origin: `${name}#${i + 1}`,
          record: {
            id: idFrom('feed', it.link || it.id || rest),
            claims: [clip(rest, KB_LIMITS.claimChars)],
            verdict: verdictOf(label) ?? (label ? label : '(judul tanpa label penilaian / title has no rating label)'),
            summary: clip(htmlText(it.description), KB_LIMITS.summaryChars) || rest,
            source: { name: channel, url: it.link ?? '' },
            ...(it.pubDate ? { date: it.pubDate.toISOString().slice(0, 10) } : {}),
            topics: [],
          },
        });
      });
      break;
    }
    case 'yudistira': {
      const doc = JSON.parse(body) as unknown;
      const o = doc as Record<string, unknown>;
      const list = (Array.isArray(doc) ? doc : Array.isArray(o.data) ? o.data : o.results) as Array<Record<string, unknown>>;
      list.forEach((r, i) => {
        const { label, rest } = splitLabel(htmlText(str(r.title)));
        const lab = str(r.classification) ?? label;
        const summary = htmlText(str(r.conclusion) ?? str(r.fact) ?? str(r.content));
        const url = (str(r.source_link) ?? str(r.url) ?? '').trim();
        push({
          origin: `${name}#${i + 1}`,
          record: {
            id: str(r.id) ? `mafindo-${String(r.id).replace(/[^A-Za-z0-9._:-]/g, '')}` : idFrom('mafindo', url || rest),
            claims: [clip(rest, KB_LIMITS.claimChars)],
            verdict: verdictOf(lab) ?? verdictOf(label) ?? lab ?? '(tanpa penilaian / no rating)',
            summary: clip(summary, KB_LIMITS.summaryChars) || rest,
            source: {
              name: clip(str(r.authors) ? `Mafindo (${str(r.authors)})` : 'Mafindo (turnbackhoax.id)', KB_LIMITS.nameChars),
              url: /^https?:\/\//i.test(url) ? url : '',
            },
            ...(isoDate(r.tanggal ?? r.date) ? { date: isoDate(r.tanggal ?? r.date) } : {}),
            topics: [],
          },
        });
      });
      break;
    }
  }
  return { format, candidates: out };
}
