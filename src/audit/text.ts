/**
 * Text helpers of the audit: byte chunks to text (UTF-8 with or without BOM,
 * UTF-16 with a BOM; anything else is a clear error), Meta's mojibake repair
 * and X's HTML-entity unescaping.
 */
import { AuditError } from './types.js';

function badEncoding(name: string, what: { id: string; en: string }): AuditError {
  return new AuditError(
    'bad_encoding',
    `Berkas "${name}" bukan teks UTF-8 yang sah (${what.id}). Unduh ulang ekspornya atau simpan berkas itu sebagai UTF-8.`,
    `File "${name}" is not valid UTF-8 text (${what.en}). Download the export again or save that file as UTF-8.`,
  );
}

/**
 * Decodes byte chunks to text chunks. A UTF-8 BOM is dropped; a UTF-16 BOM
 * (or the NUL pattern of BOM-less UTF-16) switches to UTF-16; invalid UTF-8
 * (e.g. a Latin-1 or Windows-1252 file) throws `bad_encoding` naming the file.
 */
export async function* decodeText(chunks: AsyncIterable<Buffer>, name: string): AsyncGenerator<string> {
  let decoder: TextDecoder | null = null;
  let label = 'utf-8';
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    if (!decoder) {
      const [a, b] = [chunk[0], chunk.length > 1 ? chunk[1] : -1];
      if (a === 0xff && b === 0xfe) label = 'utf-16le';
      else if (a === 0xfe && b === 0xff) label = 'utf-16be';
      else if (a !== 0 && b === 0) label = 'utf-16le';
      else if (a === 0 && b !== 0 && b !== -1) label = 'utf-16be';
      else if (a === 0) throw badEncoding(name, { id: 'berisi byte nol: berkas biner atau kosong', en: 'it holds NUL bytes: a binary or blank file' });
      decoder = new TextDecoder(label, { fatal: true });
    }
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw badEncoding(name, {
        id: label === 'utf-8' ? 'mungkin Latin-1/Windows-1252' : `urutan ${label} tidak sah`,
        en: label === 'utf-8' ? 'perhaps Latin-1/Windows-1252' : `invalid ${label} sequence`,
      });
    }
    if (text.length > 0) yield text;
  }
  if (decoder) {
    let tail: string;
    try {
      tail = decoder.decode();
    } catch {
      throw badEncoding(name, { id: 'berakhir di tengah karakter', en: 'it ends inside a character' });
    }
    if (tail.length > 0) yield tail;
  }
}

/**
 * Repairs Meta's mojibake: their exports write each UTF-8 byte as its own
 * `\u00XX` escape ("\u00c3\u00a9" for "é"). When every code point of `s` is
 * below 256 and some are 128 or above, reinterpret as Latin-1 bytes and decode
 * as UTF-8; keep `s` when that yields a replacement character (the string was
 * genuine Latin-1 text, not mojibake).
 */
export function repairMojibake(s: string): string {
  let high = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) return s;
    if (c >= 0x80) high = true;
  }
  if (!high) return s;
  const out = Buffer.from(s, 'latin1').toString('utf8');
  return out.includes('\ufffd') ? s : out;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'" };

/** Unescapes the HTML entities of X archive texts (&amp; &lt; &gt; and quotes), in one pass ("&amp;lt;" gives "&lt;"). */
export function unescapeHtml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(?:amp|lt|gt|quot|apos|#39);/g, (m) => ENTITIES[m]);
}
