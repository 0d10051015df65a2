/**
 * Writes docs/rules.md from the built-in rules' metadata and term lists.
 * Run: npx tsx scripts/gen-rules-doc.ts   (tests/core/docs.test.ts fails when the file is stale)
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILTIN_RULES } from '../src/core/index.js';
import { renderRulesMarkdown } from '../src/core/rules/docs.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const file = resolve(root, 'docs/rules.md');
writeFileSync(file, renderRulesMarkdown(BUILTIN_RULES));
console.log(`wrote ${file}`);
