/** Report output: JSON (the full report) and CSV of the flagged posts. */
import { worstSeverity } from './pipeline.js';
import type { AuditReport, FlaggedPost } from './types.js';

/** The flagged words of a post ("kata1; kata2"). */
export function flaggedWords(p: FlaggedPost): string {
  const seen = new Set<string>();
  for (const f of p.findings) if (f.field === 'text') seen.add(p.text.slice(f.range[0], f.range[1]));
  return [...seen].join('; ');
}

/**
 * One CSV field: quoted when needed, and prefixed with "'" when it would start
 * a spreadsheet formula (=, +, -, @, tab, CR): post texts are untrusted.
 */
export function csvField(v: string): string {
  let s = v;
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_HEADER = ['platform', 'kind', 'id', 'date', 'url', 'severity', 'categories', 'flagged_words', 'rules', 'references', 'text'];

/** CSV of flagged posts (header row, CRLF line ends, UTF-8; callers may prepend a BOM for Excel). */
export function* flaggedCsv(posts: Iterable<FlaggedPost>): Generator<string> {
  yield `${CSV_HEADER.join(',')}\r\n`;
  for (const p of posts) {
    const cats = [...new Set(p.findings.map((f) => f.category))].join(' ');
    const rules = [...new Set(p.findings.map((f) => f.ruleId))].join(' ');
    const refs = [...new Set(p.findings.flatMap((f) => f.references))].join('; ');
    yield `${[p.platform, p.kind, p.id, p.date ?? '', p.url ?? '', worstSeverity(p.findings), cats, flaggedWords(p), rules, refs, p.text].map(csvField).join(',')}\r\n`;
  }
}

/** The whole CSV as one string (posts and, after them, likes). */
export function reportCsv(report: Pick<AuditReport, 'flagged'> & { likes?: { flagged: FlaggedPost[] } }): string {
  return [...flaggedCsv([...report.flagged, ...(report.likes?.flagged ?? [])])].join('');
}

/** The JSON report of the CLI: {scanned, flagged: [...], likes, summary, ...}. */
export function reportJson(report: AuditReport): string {
  return `${JSON.stringify(
    {
      scanned: report.scanned,
      flagged: report.flagged,
      likes: report.likes,
      summary: report.summary,
      platforms: report.platforms,
      skippedBeforeSince: report.skippedBeforeSince,
      truncated: report.truncated,
      warnings: report.warnings,
    },
    null,
    2,
  )}\n`;
}
