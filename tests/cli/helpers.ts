import { PassThrough, Readable } from 'node:stream';
import { type CliIO, main } from '../../src/cli/main.js';

/** Runs the CLI in-process with the given stdin text; returns exit code and captured output. */
export async function runCli(args: string[], stdin?: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => (stdout += d));
  err.on('data', (d) => (stderr += d));
  const input = stdin === undefined ? Object.assign(Readable.from([]), { isTTY: true }) : Readable.from([Buffer.from(stdin)]);
  const io: CliIO = { stdin: input, stdout: out, stderr: err, env: { NO_COLOR: '1', ...env } };
  const code = await main(args, io);
  return { code, stdout, stderr };
}
