/**
 * Loading the labelled data sets from ../shared/datasets (CC BY-NC-SA 4.0:
 * read at run time, never copied into the repository).
 *
 * - ibrohim-budi-2019/re_dataset.csv: tweets with USER/URL placeholders, "RT",
 *   literal "\n" and "\xf0\x9f..." escapes, and lines that are not valid
 *   UTF-8 (those are decoded as Latin-1).
 * - netifier/train.csv: posts with newlines inside quoted fields and Kaskus
 *   [QUOTE] markup.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { sharedPath } from '../host/shared.js';

/** One labelled text. */
export interface Example {
  text: string;
  labels: Record<string, 0 | 1>;
}

/** Default data locations: the shared folder (../shared beside the checkout, or BIJAK_SHARED). */
export const DEFAULT_IBROHIM = sharedPath('datasets', 'ibrohim-budi-2019', 're_dataset.csv') ?? '../shared/datasets/ibrohim-budi-2019/re_dataset.csv';
export const DEFAULT_NETIFIER = sharedPath('datasets', 'netifier', 'train.csv') ?? '../shared/datasets/netifier/train.csv';

/** Decodes bytes line by line: UTF-8 where valid, Latin-1 otherwise. */
export function decodeDefensively(buf: Uint8Array): string {
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    return strict.decode(buf);
  } catch {
    // fall through to per-line decoding
  }
  const latin1 = new TextDecoder('latin1');
  const parts: string[] = [];
  let s = 0;
  for (let i = 0; i <= buf.length; i++) {
    if (i === buf.length || buf[i] === 0x0a) {
      const line = buf.subarray(s, i);
      let text: string;
      try {
        text = strict.decode(line);
      } catch {
        text = latin1.decode(line);
      }
      parts.push(text);
      s = i + 1;
    }
  }
  return parts.join('\n');
}

const HEX_RUN = /(?:\\x[0-9a-fA-F]{2})+/g;

/** Cleans one ibrohim tweet into the shape of a real post the checker sees. */
export function cleanTweet(raw: string): string {
  let t = raw.replace(HEX_RUN, (m) => {
    const bytes = new Uint8Array(m.length / 4);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(m.slice(i * 4 + 2, i * 4 + 4), 16);
    return ` ${new TextDecoder('utf-8').decode(bytes).replace(/\uFFFD/g, '')} `;
  });
  t = t.replace(/\\n/g, '\n').replace(/\\t/g, ' ');
  t = t
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
  t = t.replace(/(^|\s)RT(?=\s|:|$)/g, '$1');
  t = t.replace(/\bUSER\b/g, '@user').replace(/\bURL\b/g, 'http://url');
  t = t.replace(/^b['"]/, '').replace(/['"]\s*$/, '');
  return t.trim();
}

/** Cleans one netifier post: drops Kaskus [QUOTE=...] tags (keeps their text). */
export function cleanPost(raw: string): string {
  return raw
    .replace(/\[\/?QUOTE[^\]]*\]/gi, ' ')
    .replace(/\\n/g, '\n')
    .trim();
}

function bit(v: unknown, what: string): 0 | 1 {
  const s = String(v).trim();
  if (s === '1') return 1;
  if (s === '0') return 0;
  throw new Error(`${what}: expected 0 or 1, got ${JSON.stringify(s)}`);
}

/** Reads re_dataset.csv. Labels: hs, abusive, hs_individual, hs_group (lower-cased column names). */
export function loadIbrohim(path = DEFAULT_IBROHIM): Example[] {
  const text = decodeDefensively(readFileSync(path));
  const rows = parse(text, { columns: true, skip_empty_lines: true, relax_quotes: true, relax_column_count: true }) as Record<string, string>[];
  const out: Example[] = [];
  rows.forEach((r, i) => {
    if (r.Tweet === undefined || r.HS === undefined) throw new Error(`${path}: row ${i + 2} lacks Tweet/HS columns`);
    const text = cleanTweet(r.Tweet);
    if (!text) return;
    out.push({
      text,
      labels: {
        hs: bit(r.HS, `${path}: row ${i + 2} HS`),
        abusive: bit(r.Abusive, `${path}: row ${i + 2} Abusive`),
        hs_individual: bit(r.HS_Individual, `${path}: row ${i + 2} HS_Individual`),
        hs_group: bit(r.HS_Group, `${path}: row ${i + 2} HS_Group`),
      },
    });
  });
  return out;
}

/** Reads netifier train.csv. Labels: pornografi, sara, radikalisme, pencemaran_nama_baik. */
export function loadNetifier(path = DEFAULT_NETIFIER): Example[] {
  const text = decodeDefensively(readFileSync(path));
  const rows = parse(text, { columns: true, skip_empty_lines: true, relax_quotes: true }) as Record<string, string>[];
  const out: Example[] = [];
  rows.forEach((r, i) => {
    if (r.original_text === undefined) throw new Error(`${path}: row ${i + 2} lacks original_text`);
    const text = cleanPost(r.original_text);
    if (!text) return;
    const labels: Record<string, 0 | 1> = {};
    for (const k of NETIFIER_LABELS) labels[k] = bit(r[k], `${path}: row ${i + 2} ${k}`);
    out.push({ text, labels });
  });
  return out;
}

/** Netifier's label columns. */
export const NETIFIER_LABELS = ['pornografi', 'sara', 'radikalisme', 'pencemaran_nama_baik'] as const;

/** Default location of NusaX-Senti (train and valid splits of ten regional languages and Indonesian). */
export const DEFAULT_NUSAX = sharedPath('datasets', 'nusax') ?? '../shared/datasets/nusax';

/** One NusaX sentence with its language and sentiment label. */
export interface NusaxRow {
  language: string;
  text: string;
  label: string;
}

/** Reads `<language>/<split>.csv` of every language folder of NusaX-Senti. */
export function loadNusax(split: 'train' | 'valid', dir = DEFAULT_NUSAX): NusaxRow[] {
  const out: NusaxRow[] = [];
  for (const language of readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()) {
    const path = join(dir, language, `${split}.csv`);
    if (!existsSync(path)) continue;
    const rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
    rows.forEach((r, i) => {
      if (typeof r.text !== 'string') throw new Error(`${path}: row ${i + 2} lacks text`);
      out.push({ language, text: r.text, label: String(r.label ?? '') });
    });
  }
  if (out.length === 0) throw new Error(`${dir}: no ${split}.csv files`);
  return out;
}
