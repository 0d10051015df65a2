/**
 * The one contract of the checker core, shared by the CLI, the server, the
 * footprint audit, the web workspace and the extension: the severity order,
 * what blocks publishing, the exit code of a check, the category labels and
 * the platforms. Pure data and functions (no zod, no I/O), so the web bundle
 * can import it; the input schema lives beside it in ./input.ts.
 */
import { CATEGORY_LABELS } from './categories.js';
import { CATEGORIES, type Category, type Finding, type Localized, PLATFORMS, type Platform, type Severity } from './types.js';

export { CATEGORIES, CATEGORY_LABELS, PLATFORMS };

/** The label of a category in a language (Indonesian by default); an unknown id is returned as is. */
export function categoryLabel(c: Category | string, locale: 'id' | 'en' = 'id'): string {
  const l: Localized | undefined = (CATEGORY_LABELS as Record<string, Localized>)[c];
  return l ? l[locale] : String(c);
}

/** Kinds of post input. */
export const POST_KINDS = ['post', 'comment', 'share', 'caption'] as const;

/** Size limits of checker input, the same for the CLI, the server, the web page and the extension. */
export const INPUT_LIMITS = {
  /** A post's text (UTF-16 code units). */
  text: 20_000,
  handle: 100,
  displayName: 200,
  bio: 2000,
} as const;

/** Platforms, their display names and their post length limits (null: none worth enforcing). */
export const PLATFORM_INFO: ReadonlyArray<{ id: Platform; label: string; limit: number | null }> = [
  { id: 'x', label: 'X (Twitter)', limit: 280 },
  { id: 'threads', label: 'Threads', limit: 500 },
  { id: 'instagram', label: 'Instagram', limit: 2200 },
  { id: 'tiktok', label: 'TikTok', limit: 2200 },
  { id: 'linkedin', label: 'LinkedIn', limit: 3000 },
  { id: 'facebook', label: 'Facebook', limit: 63206 },
  { id: 'whatsapp', label: 'WhatsApp', limit: null },
  { id: 'youtube', label: 'YouTube', limit: null },
  { id: 'other', label: 'Lainnya / other', limit: null },
];

/**
 * Platforms whose data exports the footprint audit reads (src/audit/readers). The audit upload form offers exactly
 * these; WhatsApp, YouTube and "other" have no export reader.
 */
export const AUDIT_PLATFORMS = ['x', 'instagram', 'facebook', 'threads', 'tiktok', 'linkedin'] as const satisfies readonly Platform[];
/** A platform whose export the audit reads. */
export type AuditPlatform = (typeof AUDIT_PLATFORMS)[number];

/** Severities, most severe first. */
export const SEVERITIES = ['error', 'warning', 'info'] as const satisfies readonly Severity[];

/** Rank of a severity: 0 for `error` (most severe), 2 for `info`. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Sort comparator: more severe first. */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITY_RANK[a] - SEVERITY_RANK[b];
}

/** The most severe severity of some findings (`info` when there are none). */
export function worstSeverity(findings: Iterable<Pick<Finding, 'severity'>>): Severity {
  let r = 2;
  for (const f of findings) r = Math.min(r, SEVERITY_RANK[f.severity]);
  return SEVERITIES[r] as Severity;
}

/**
 * Severities that block publishing: an `error` (a violation of the organisation's policy, at the severity the policy
 * gives its category) blocks copying in the web page and makes the CLI exit 1. Warnings and info never block; they ask
 * the writer to look again.
 */
export const BLOCKING_SEVERITIES: readonly Severity[] = ['error'];

/** True when a finding blocks publishing (see {@link BLOCKING_SEVERITIES}). */
export function blocks(f: Pick<Finding, 'severity'>): boolean {
  return BLOCKING_SEVERITIES.includes(f.severity);
}

/**
 * Exit code of a check (CLI, CI hooks): 1 when a finding is at or above `failOn` (default: the blocking severity,
 * `error`), else 0. 2 is reserved for bad usage.
 */
export function exitCodeFor(findings: Iterable<Pick<Finding, 'severity'>>, failOn: Severity = 'error'): 0 | 1 {
  for (const f of findings) if (SEVERITY_RANK[f.severity] <= SEVERITY_RANK[failOn]) return 1;
  return 0;
}
