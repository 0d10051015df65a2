/**
 * The one finding shape and the inputs of the checker core.
 *
 * Position convention (the only one in this project): `range` is
 * `[start, end)` in UTF-16 code units into the ORIGINAL string of the input
 * field named by `field`, so `input[field].slice(start, end)` is the flagged
 * words.
 */

/** The 12 category ids of ../shared/docs/policy.md. */
export const CATEGORIES = [
  'hoax',
  'partisanship',
  'confidential',
  'personal-data',
  'account-name',
  'hate-speech',
  'abusive',
  'harassment',
  'pornography',
  'radicalism',
  'extravagance',
  'defamation',
] as const;

/** A policy category id. */
export type Category = (typeof CATEGORIES)[number];

/** Severity of a finding; `error` makes the CLI exit 1. */
export type Severity = 'error' | 'warning' | 'info';

/** Platforms the product knows (limits, link formats). */
export const PLATFORMS = ['x', 'instagram', 'facebook', 'threads', 'tiktok', 'linkedin', 'whatsapp', 'youtube', 'other'] as const;
/** A platform id. */
export type Platform = (typeof PLATFORMS)[number];

/** Text in Indonesian (`id`, shown first) and English (`en`). */
export interface Localized {
  id: string;
  en: string;
}

/** A draft post, comment, caption or reshare. */
export interface PostInput {
  kind?: 'post' | 'comment' | 'share' | 'caption';
  text: string;
  platform?: Platform;
  /**
   * The writer's name, when known (the web workspace sends the signed-in user's): lets the checker tell the writer's
   * own data ("rekening a.n. Siti Rahmawati" written by Siti Rahmawati) from someone else's. Never stored.
   */
  author?: string;
}

/** A social-media account profile. */
export interface AccountInput {
  kind: 'account';
  handle: string;
  displayName?: string;
  bio?: string;
  platform?: Platform;
}

/** Anything the checker accepts. */
export type CheckInput = PostInput | AccountInput;

/**
 * A suggestion: what to write or do instead, in both languages; where a rule can, with a `fix` (like an ESLint
 * suggestion) that replaces `range` of the finding's field (UTF-16 `[start, end)` into the original field value, the
 * one position convention) by `text`, so the web page and the extension can apply it. Applying a fix may change other
 * findings' ranges: apply one, then check again.
 */
export interface Suggestion extends Localized {
  fix?: { range: [number, number]; text: string };
}

/** The input field a finding points into. */
export type Field = 'text' | 'handle' | 'displayName' | 'bio';

/** One problem found in an input. The only finding type of the project. */
export interface Finding {
  /** Stable rule id, e.g. `abusive/profanity`. */
  ruleId: string;
  category: Category;
  severity: Severity;
  /** Why it was flagged. */
  message: Localized;
  /** Which input field `range` points into (`text` for posts). */
  field: Field;
  /** `[start, end)` in UTF-16 code units of the original field value. */
  range: [number, number];
  /** Guideline references, short names of policy.md (e.g. `SE-16/MK.01/2018`). */
  references: string[];
  /** What to write or do instead, where one fits (a {@link Suggestion} may carry a `fix`). */
  suggestions: Suggestion[];
  /** Probability in [0, 1] where a statistical model decided. */
  confidence?: number;
}

/** True when the input is an account profile. */
export function isAccount(input: CheckInput): input is AccountInput {
  return (input as AccountInput).kind === 'account';
}
