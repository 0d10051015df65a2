/**
 * Helpers shared by the CLI commands: argument parsing with clear usage
 * errors, policy loading, reading stdin with a size bound.
 */
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { DEFAULT_POLICY, type Policy, PolicyError } from '../core/index.js';
import { loadPolicyFile } from '../host/checker.js';
import type { CliIO } from './main.js';

/** Thrown for bad usage; the command prints it and exits 2. */
export class UsageError extends Error {}

/** Parses arguments; unknown options become a {@link UsageError}. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T, allowPositionals = true) {
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

/** Loads --policy FILE or the default policy; a bad file is a usage error naming the field. */
export function policyFrom(path: string | undefined): Policy {
  if (!path) return DEFAULT_POLICY;
  try {
    return loadPolicyFile(path);
  } catch (e) {
    if (e instanceof PolicyError) throw new UsageError(`${path}: ${e.message}`);
    throw new UsageError(`tidak dapat membaca kebijakan / cannot read policy ${path}: ${(e as Error).message}`);
  }
}

/** Largest input read from stdin for a single check. */
export const MAX_STDIN_BYTES = 10 * 1024 * 1024;

/** Reads all of stdin (bounded). */
export async function readAll(stream: NodeJS.ReadableStream, max = MAX_STDIN_BYTES): Promise<string> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    n += b.length;
    if (n > max) throw new UsageError(`masukan terlalu besar / input larger than ${max} bytes`);
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Runs a command body, mapping usage errors to exit code 2 with a message. */
export async function withUsage(io: CliIO, usage: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`bijak: ${e.message}\n\n${usage}\n`);
      return 2;
    }
    throw e;
  }
}
