/**
 * `bijak rules`: every rule with its category, severity, sources and
 * examples, generated from the rule metadata and term lists (the same text
 * as docs/rules.md). `--format json` lists the metadata as data.
 */
import { renderRulesMarkdown } from '../../core/rules/docs.js';
import { getChecker } from '../../host/checker.js';
import { parse, policyFrom, UsageError, withUsage } from '../common.js';
import type { Command } from '../main.js';

const USAGE = 'Pemakaian / usage: bijak rules [--format markdown|json] [--policy FILE]';

export const command: Command = {
  summary: { id: 'daftar aturan beserta sumber dan contoh', en: 'list the rules with sources and examples' },
  run: (args, io) =>
    withUsage(io, USAGE, async () => {
      const { values } = parse(
        args,
        { format: { type: 'string', default: 'markdown' }, policy: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
        false,
      );
      if (values.help) {
        io.stdout.write(`${USAGE}\n`);
        return 0;
      }
      const checker = getChecker(policyFrom(values.policy));
      if (values.format === 'json') {
        const meta = checker.rules.map((r) => ({
          id: r.meta.id,
          category: r.meta.category,
          severity: r.meta.severity,
          description: r.meta.description,
          references: r.meta.references,
          appliesTo: r.meta.appliesTo,
          lists: (r.meta.lists ?? []).map((l) => ({ id: l.id, sources: l.sources, terms: l.terms.length })),
          examples: r.meta.examples,
        }));
        io.stdout.write(`${JSON.stringify(meta, null, 2)}\n`);
        return 0;
      }
      if (values.format !== 'markdown') throw new UsageError(`--format harus markdown atau json / must be markdown or json`);
      io.stdout.write(renderRulesMarkdown(checker.rules));
      return 0;
    }),
};
