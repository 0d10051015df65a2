/**
 * `bijak` command-line entry: dispatches to one module per command in
 * ./commands/, each exporting `run(args, io): Promise<number>` (the exit code).
 * Exit codes: 0 ok, 1 an error-severity finding (check/audit), 2 bad usage.
 */
import type { Readable, Writable } from 'node:stream';

/** Streams a command reads and writes; tests pass their own. */
export interface CliIO {
  stdin: Readable & { isTTY?: boolean };
  stdout: Writable & { isTTY?: boolean; columns?: number };
  stderr: Writable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** A command module. */
export interface Command {
  summary: { id: string; en: string };
  run(args: string[], io: CliIO): Promise<number>;
}

/** Command name -> module file in ./commands/ (loaded lazily so `bijak check` starts fast). */
const COMMANDS: Record<string, () => Promise<{ command: Command }>> = Object.fromEntries(
  ['check', 'check-account', 'rules', 'audit', 'train', 'eval', 'serve', 'summarize', 'users', 'kb'].map((name) => [
    name,
    () => import(/* @vite-ignore */ `./commands/${name}.js`) as Promise<{ command: Command }>,
  ]),
);

async function usage(io: CliIO): Promise<void> {
  const lines = ['Pemakaian / usage: bijak <perintah> [opsi]', ''];
  for (const [name, load] of Object.entries(COMMANDS)) {
    try {
      const { command } = await load();
      lines.push(`  ${name.padEnd(14)} ${command.summary.id} / ${command.summary.en}`);
    } catch {
      // a command whose module is absent is simply not listed
    }
  }
  lines.push('', 'Opsi umum / common options: --policy FILE, --help');
  io.stderr.write(`${lines.join('\n')}\n`);
}

/** Runs the CLI with arguments (without node and script) and returns the exit code. */
export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    await usage(io);
    return name ? 0 : 2;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write('bijak 0.1.0\n');
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr.write(`bijak: perintah tidak dikenal / unknown command: ${name}\n`);
    await usage(io);
    return 2;
  }
  const { command } = await load();
  return command.run(rest, io);
}

// Run when executed directly (`npx tsx src/cli/main.ts ...`); bin/bijak.js imports main() instead.
if (process.argv[1] && import.meta.url === (await import('node:url')).pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });
}
