/**
 * The organisation's policy as data: which categories are on and how severe,
 * institution names for the account-name rule, the official-account registry,
 * the election file, extra terms and allow-lists.
 *
 * Validated by a schema; a bad file fails with a message naming the field
 * (e.g. `categories.hoax.severity: expected one of error|warning|info`).
 */
import { z } from 'zod';
import { CATEGORIES, type Category, PLATFORMS, type Severity } from './types.js';

const severity = z.enum(['error', 'warning', 'info']);
const category = z.enum(CATEGORIES);
const platform = z.enum(PLATFORMS);

/** Schema of an organisation policy file (JSON or YAML). */
export const policySchema = z
  .object({
    version: z.literal(1),
    organisation: z.object({ id: z.string().min(1).max(100), name: z.string().min(1).max(300) }).strict(),
    categories: z.partialRecord(category, z.object({ enabled: z.boolean().default(true), severity: severity.optional() }).strict()).default({}),
    institution: z
      .object({
        /** Full names and phrases ("Kementerian Keuangan"). */
        names: z.array(z.string().min(2).max(200)).max(500).default([]),
        /** Abbreviations matched as whole words or known handle patterns ("DJP", "Kemenkeu"). */
        abbreviations: z.array(z.string().min(2).max(50)).max(500).default([]),
      })
      .strict()
      .default({ names: [], abbreviations: [] }),
    officialAccounts: z
      .array(
        z
          .object({
            platform: z.union([platform, z.literal('*')]),
            handle: z.string().min(1).max(100),
            owner: z.string().max(300).optional(),
          })
          .strict(),
      )
      .max(10000)
      .default([]),
    election: z
      .object({
        name: z.string().max(200).optional(),
        candidates: z
          .array(
            z
              .object({
                name: z.string().min(2).max(200),
                aliases: z.array(z.string().min(2).max(100)).max(50).default([]),
                number: z.number().int().min(0).max(999).optional(),
                office: z.string().max(100).optional(),
                region: z.string().max(100).optional(),
              })
              .strict(),
          )
          .max(5000)
          .default([]),
        parties: z
          .array(
            z
              .object({
                name: z.string().min(2).max(200),
                abbreviation: z.string().min(2).max(30).optional(),
                number: z.number().int().min(0).max(999).optional(),
              })
              .strict(),
          )
          .max(500)
          .default([]),
        hashtags: z.array(z.string().min(2).max(100)).max(5000).default([]),
        dates: z
          .array(z.object({ label: z.string().min(1).max(200), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict())
          .max(100)
          .default([]),
      })
      .strict()
      .default({ candidates: [], parties: [], hashtags: [], dates: [] }),
    extraTerms: z
      .array(
        z
          .object({
            category,
            pattern: z.string().min(2).max(200),
            severity: severity.optional(),
            note: z.string().max(500).optional(),
          })
          .strict(),
      )
      .max(10000)
      .default([]),
    /** Phrases never flagged (compared case-insensitively with the flagged words). */
    allow: z.array(z.string().min(1).max(200)).max(10000).default([]),
    /** Days between periodic account self-checks (used by the workspace). */
    selfCheckIntervalDays: z.number().int().min(1).max(3650).default(90),
  })
  .strict();

/** A validated policy, defaults filled in. */
export type Policy = z.output<typeof policySchema>;
/** What a policy file may contain before defaults. */
export type PolicyInput = z.input<typeof policySchema>;

/** A policy file failed validation; `issues` name each bad field. */
export class PolicyError extends Error {
  constructor(public readonly issues: Array<{ path: string; message: string }>) {
    super(`Kebijakan tidak valid / invalid policy: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'PolicyError';
  }
}

/** Validates a parsed policy object; throws {@link PolicyError} naming the bad fields. */
export function parsePolicy(data: unknown): Policy {
  const r = policySchema.safeParse(data);
  if (!r.success) {
    throw new PolicyError(r.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })));
  }
  return r.data;
}

/** Default severity of each category (policy.md). */
export const DEFAULT_SEVERITY: Readonly<Record<Category, Severity>> = {
  hoax: 'warning',
  partisanship: 'error',
  confidential: 'error',
  'personal-data': 'error',
  'account-name': 'error',
  'hate-speech': 'error',
  abusive: 'warning',
  harassment: 'error',
  pornography: 'error',
  radicalism: 'error',
  extravagance: 'warning',
  defamation: 'warning',
};

/** Whether a category is switched on by the policy. */
export function categoryEnabled(policy: Policy, c: Category): boolean {
  return policy.categories[c]?.enabled ?? true;
}

/** The configured severity of a category, or undefined to keep the rule's own. */
export function categorySeverity(policy: Policy, c: Category): Severity | undefined {
  return policy.categories[c]?.severity;
}
