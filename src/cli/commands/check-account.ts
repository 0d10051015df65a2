/** `bijak check-account`: checks an account profile (handle, display name, bio). */
import type { AccountInput } from '../../core/index.js';
import { getChecker } from '../../host/checker.js';
import { parse, policyFrom, UsageError, withUsage } from '../common.js';
import { colorsFor, renderHuman } from '../format.js';
import type { Command } from '../main.js';
import { exitCodeFor, inputFromRecord } from './check.js';

const USAGE = `Pemakaian / usage:
  bijak check-account --handle H [--name "Nama Tampilan"] [--bio "bio"] [--platform P] [--policy FILE] [--format human|json]`;

export const command: Command = {
  summary: { id: 'periksa nama akun dan bio', en: 'check an account name and bio' },
  run: (args, io) =>
    withUsage(io, USAGE, async () => {
      const { values, positionals } = parse(
        args,
        {
          handle: { type: 'string' },
          name: { type: 'string' },
          bio: { type: 'string' },
          platform: { type: 'string' },
          policy: { type: 'string' },
          format: { type: 'string', default: 'human' },
          help: { type: 'boolean', short: 'h', default: false },
        },
        false,
      );
      if (values.help) {
        io.stdout.write(`${USAGE}\n`);
        return 0;
      }
      if (positionals.length) throw new UsageError(`argumen tak terduga / unexpected argument: ${positionals[0]}`);
      if (!values.handle) throw new UsageError('--handle wajib / is required');
      if (values.format !== 'human' && values.format !== 'json') throw new UsageError(`--format harus human atau json / must be human or json`);
      const policy = policyFrom(values.policy);
      let input: AccountInput;
      try {
        input = inputFromRecord({ kind: 'account', handle: values.handle, displayName: values.name, bio: values.bio, platform: values.platform })
          .input as AccountInput;
      } catch (e) {
        throw new UsageError((e as Error).message);
      }
      const findings = getChecker(policy).check(input);
      if (values.format === 'json') io.stdout.write(`${JSON.stringify({ input, findings }, null, 2)}\n`);
      else io.stdout.write(renderHuman(input, findings, colorsFor(io.stdout, io.env)));
      return exitCodeFor(findings);
    }),
};
