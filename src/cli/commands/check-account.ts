import { parse, policyFrom, UsageError, withUsage } from '../common.js';
import type { Command } from '../main.js';
import { checkAndPrint } from './check.js';

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
      return checkAndPrint(
        { kind: 'account', handle: values.handle, displayName: values.name, bio: values.bio, platform: values.platform },
        policy,
        values.format,
        io,
      );
    }),
};
