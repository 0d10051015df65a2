/**
 * The one input schema of the checker (part of the core contract, ./contract.ts): what the CLI (`bijak check`,
 * `--jsonl`), the server (`POST /api/v1/check`), the audit and the extension accept as a post or an account. Bounded
 * by {@link INPUT_LIMITS}; a bad record fails with the path of the bad field.
 */
import { z } from 'zod';
import { INPUT_LIMITS, POST_KINDS } from './contract.js';
import { type CheckInput, PLATFORMS } from './types.js';

const platform = z.enum(PLATFORMS);

/** Fields of a post input. */
export const postInputFields = {
  kind: z.enum(POST_KINDS).optional(),
  text: z.string().max(INPUT_LIMITS.text),
  platform: platform.optional(),
  author: z.string().max(INPUT_LIMITS.displayName).optional(),
};

/** Fields of an account input, without the `kind: "account"` marker. */
export const accountInputFields = {
  handle: z.string().min(1).max(INPUT_LIMITS.handle),
  displayName: z.string().max(INPUT_LIMITS.displayName).optional(),
  bio: z.string().max(INPUT_LIMITS.bio).optional(),
  platform: platform.optional(),
};

/** A post input; unknown fields (a dataset's `expect`, `note`) are dropped. HTTP bodies add `.strict()`. */
export const postInputSchema = z.object(postInputFields);
/** An account input (`kind: "account"`); unknown fields are dropped. */
export const accountInputSchema = z.object({ kind: z.literal('account'), ...accountInputFields });

/** Anything the checker accepts: an account when `kind` is "account", else a post. */
export const checkInputSchema = z.union([accountInputSchema, postInputSchema]);

/** Validates a record into a checker input; throws an Error whose message starts with the path of the bad field. */
export function parseCheckInput(data: unknown): CheckInput {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new Error('(root): expected an object');
  const schema = (data as { kind?: unknown }).kind === 'account' ? accountInputSchema : postInputSchema;
  const r = schema.safeParse(data);
  if (!r.success) {
    const i = r.error.issues[0];
    throw new Error(`${i?.path.join('.') || '(root)'}: ${i?.message}`);
  }
  return r.data as CheckInput;
}
