/**
 * The knowledge-base entry: one clarified claim (a hoax as it circulates, in
 * one or more wordings) with the verdict and the clarification. Our file
 * format is JSON lines, one entry per line, validated by {@link kbEntrySchema}.
 *
 * Pure: parsing works on strings; reading files is the host's job.
 */
import { z } from 'zod';

/** Verdicts of fact-checkers, in our vocabulary (Indonesian first). */
export const VERDICTS = ['hoaks', 'salah', 'menyesatkan', 'tidak-terbukti', 'sebagian-benar', 'satire', 'benar'] as const;
/** A verdict. */
export type Verdict = (typeof VERDICTS)[number];

/** Verdicts that make a match a problem (spreading the claim spreads a falsehood). */
export const FALSE_VERDICTS: ReadonlySet<Verdict> = new Set<Verdict>(['hoaks', 'salah', 'menyesatkan', 'tidak-terbukti']);

/** Indonesian labels of the verdicts (shown in findings and on the page). */
export const VERDICT_LABELS: Record<Verdict, { id: string; en: string }> = {
  hoaks: { id: 'hoaks', en: 'hoax' },
  salah: { id: 'salah', en: 'false' },
  menyesatkan: { id: 'menyesatkan', en: 'misleading' },
  'tidak-terbukti': { id: 'tidak terbukti', en: 'unproven' },
  'sebagian-benar': { id: 'sebagian benar', en: 'partly true' },
  satire: { id: 'satire', en: 'satire' },
  benar: { id: 'benar', en: 'true' },
};

/** Bounds of one entry (KB files and uploads are untrusted input). */
export const KB_LIMITS = {
  claims: 20,
  claimChars: 1000,
  summaryChars: 4000,
  nameChars: 300,
  urlChars: 2000,
  topics: 20,
  topicChars: 60,
  idChars: 120,
} as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'tanggal harus YYYY-MM-DD / date must be YYYY-MM-DD');
const httpUrl = z
  .string()
  .max(KB_LIMITS.urlChars)
  .refine((s) => s === '' || /^https?:\/\/[^\s]+$/i.test(s), 'URL harus http(s) / URL must be http(s)');

/** One entry of the knowledge base. */
export const kbEntrySchema = z
  .object({
    /** Stable id (our own, or derived from the source: a GFD id, a URL hash). */
    id: z
      .string()
      .min(1)
      .max(KB_LIMITS.idChars)
      .regex(/^[A-Za-z0-9._:-]+$/, 'id: huruf, angka, . _ : - / letters, digits, . _ : -'),
    /** The claim as it circulates; several wordings allowed. */
    claims: z.array(z.string().trim().min(8).max(KB_LIMITS.claimChars)).min(1).max(KB_LIMITS.claims),
    verdict: z.enum(VERDICTS),
    /** The clarification, in Indonesian. */
    summary: z.string().trim().min(1).max(KB_LIMITS.summaryChars),
    /** Who clarified it and where (URL may be empty when not verified). */
    source: z.object({ name: z.string().trim().min(1).max(KB_LIMITS.nameChars), url: httpUrl.default('') }).strict(),
    /** Who published the clarification when not the source itself (e.g. the fact-checker carrying a ministry's statement). */
    publisher: z.string().max(KB_LIMITS.nameChars).optional(),
    /** Date of the clarification. */
    date: isoDate.optional(),
    topics: z.array(z.string().trim().min(1).max(KB_LIMITS.topicChars)).max(KB_LIMITS.topics).default([]),
    /** After this date the entry is no longer matched. */
    expires: isoDate.optional(),
    /** Set on the project's sample entries, which an agency replaces with its own imports. */
    sample: z.boolean().optional(),
  })
  .strict();

/** A validated entry. */
export type KbEntry = z.infer<typeof kbEntrySchema>;
/** An entry before validation (defaults not applied). */
export type KbEntryInput = z.input<typeof kbEntrySchema>;

/** A problem with one record of a KB file. */
export interface KbLineError {
  /** 1-based line (or record) number. */
  line: number;
  message: string;
}

/** Thrown when a KB file cannot be used; `errors` names each bad line and field. */
export class KbFormatError extends Error {
  constructor(
    readonly errors: KbLineError[],
    name = 'KB',
  ) {
    super(
      `${name}: ${errors.length} kesalahan / errors; ${errors
        .slice(0, 5)
        .map((e) => `baris/line ${e.line}: ${e.message}`)
        .join('; ')}`,
    );
  }
}

/** Validates one record; returns the entry or the first problem, naming the field. */
export function validateEntry(rec: unknown): { entry: KbEntry } | { error: string } {
  const r = kbEntrySchema.safeParse(rec);
  if (r.success) return { entry: r.data };
  const i = r.error.issues[0];
  return { error: `${i?.path.join('.') || '(root)'}: ${i?.message}` };
}

/** Largest KB file (bytes of text) the parsers accept. */
export const MAX_KB_CHARS = 256 * 1024 * 1024;
/** Most entries in one KB. */
export const MAX_KB_ENTRIES = 500_000;

/**
 * Parses our JSON-lines format strictly: every line must be a valid entry
 * with a unique id, or a {@link KbFormatError} lists the bad lines.
 */
export function parseKbJsonl(text: string, name = 'KB'): KbEntry[] {
  if (text.length > MAX_KB_CHARS) throw new KbFormatError([{ line: 0, message: `lebih dari / more than ${MAX_KB_CHARS} karakter` }], name);
  const out: KbEntry[] = [];
  const errors: KbLineError[] = [];
  const ids = new Set<string>();
  let lineNo = 0;
  for (const raw of text.split('\n')) {
    lineNo++;
    const line = raw.trim();
    if (line === '') continue;
    if (out.length >= MAX_KB_ENTRIES) {
      errors.push({ line: lineNo, message: `lebih dari / more than ${MAX_KB_ENTRIES} entri` });
      break;
    }
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (e) {
      errors.push({ line: lineNo, message: `JSON tidak valid / invalid JSON: ${(e as Error).message}` });
      continue;
    }
    const v = validateEntry(rec);
    if ('error' in v) errors.push({ line: lineNo, message: v.error });
    else if (ids.has(v.entry.id)) errors.push({ line: lineNo, message: `id ganda / duplicate id ${v.entry.id}` });
    else {
      ids.add(v.entry.id);
      out.push(v.entry);
    }
    if (errors.length >= 50) break;
  }
  if (errors.length > 0) throw new KbFormatError(errors, name);
  return out;
}

/** Serialises entries to our JSON-lines format (one entry per line, stable key order). */
export function toKbJsonl(entries: Iterable<KbEntry>): string {
  let s = '';
  for (const e of entries) {
    const o: Record<string, unknown> = { id: e.id, claims: e.claims, verdict: e.verdict, summary: e.summary, source: e.source };
    if (e.publisher) o.publisher = e.publisher;
    if (e.date) o.date = e.date;
    o.topics = e.topics;
    if (e.expires) o.expires = e.expires;
    if (e.sample) o.sample = true;
    s += `${JSON.stringify(o)}\n`;
  }
  return s;
}
