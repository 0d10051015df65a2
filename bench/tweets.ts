/**
 * The tweets the speed benchmarks check: the Tweet column of ../shared/datasets/ibrohim-budi-2019/re_dataset.csv,
 * read at run time (never copied into the repository). Undefined when ../shared is absent.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { sharedPath } from '../src/host/shared.js';

export function benchTweets(): string[] | undefined {
  const file = sharedPath('datasets', 'ibrohim-budi-2019', 're_dataset.csv');
  if (!file) return undefined;
  const raw = readFileSync(file);
  // the file is not clean UTF-8 everywhere: decode as UTF-8 and fall back to latin1 when replacement characters appear
  let csv = raw.toString('utf8');
  if (csv.includes('\uFFFD')) csv = raw.toString('latin1');
  const rows = parse(csv, { columns: true, skip_empty_lines: true, relax_quotes: true, relax_column_count: true }) as Array<{ Tweet: string }>;
  return rows.map((r) => r.Tweet).filter((t) => typeof t === 'string' && t.length > 0);
}
