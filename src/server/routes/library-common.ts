/**
 * Shared pieces of the official-content library (issue 11): platforms and their share intents, variant
 * checks (limits as each platform counts them, findings that block publishing), row -> API shapes.
 */
import type { Checker, Finding, Platform } from '../../core/index.js';
import { PLATFORM_LIMITS, platformLength, X_URL_WEIGHT } from '../../core/summarize/index.js';
import type { LibraryItemsTable, LibraryVariantsTable } from '../../db/library-schema.js';

/** Platforms an item can have a variant for. Instagram and TikTok have no web share intent: copy the text. */
export const LIBRARY_PLATFORMS = ['x', 'facebook', 'linkedin', 'whatsapp', 'threads', 'instagram', 'tiktok'] as const;
export type LibraryPlatform = (typeof LIBRARY_PLATFORMS)[number];

/** Limits of a variant (the short link is appended when shared). */
export const VARIANT_LIMITS: Record<LibraryPlatform, number> = {
  x: PLATFORM_LIMITS.x.limit,
  threads: PLATFORM_LIMITS.threads.limit,
  instagram: PLATFORM_LIMITS.instagram.limit,
  facebook: PLATFORM_LIMITS.facebook.limit,
  linkedin: PLATFORM_LIMITS.linkedin.limit,
  whatsapp: 65_536,
  tiktok: 2200,
};

/** Characters kept free for the appended short link: X counts any URL as 23; elsewhere a generous 80. */
export function linkReserve(platform: LibraryPlatform): number {
  return platform === 'x' ? X_URL_WEIGHT + 1 : 81;
}

/** Length of a variant as its platform counts it, plus the link to be appended. */
export function variantLength(platform: LibraryPlatform, text: string): number {
  return platformLength(text, platform === 'tiktok' ? 'instagram' : platform) + linkReserve(platform);
}

/** Where the share button goes: the platform's own compose/share page, or null (copy the text). */
export function intentUrl(platform: LibraryPlatform, text: string, url: string): string | null {
  const e = encodeURIComponent;
  switch (platform) {
    case 'x':
      return `https://x.com/intent/tweet?text=${e(text)}&url=${e(url)}`;
    case 'facebook':
      return `https://www.facebook.com/sharer/sharer.php?u=${e(url)}`;
    case 'linkedin':
      return `https://www.linkedin.com/sharing/share-offsite/?url=${e(url)}`;
    case 'whatsapp':
      return `https://wa.me/?text=${e(`${text}\n${url}`)}`;
    case 'threads':
      return `https://www.threads.net/intent/post?text=${e(`${text}\n${url}`)}`;
    default:
      return null;
  }
}

/** Findings that block publishing: errors and warnings (info never blocks). */
export function blocking(findings: Finding[]): Finding[] {
  return findings.filter((f) => f.severity !== 'info');
}

/** A stable fingerprint of a finding set (an override covers exactly the findings it was given for). */
export function fingerprint(findings: Finding[]): string {
  return blocking(findings)
    .map((f) => `${f.ruleId}@${f.range[0]}-${f.range[1]}`)
    .sort()
    .join('|');
}

export function checkVariant(checker: Checker, platform: LibraryPlatform, text: string): Finding[] {
  return checker.check({ kind: 'post', text, platform: platform as Platform });
}

function parse<T>(s: string | null, fallback: T): T {
  if (!s) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
}

export interface OverrideJson {
  reason: string;
  by: string | null;
  at: string | null;
}

export function variantOut(v: Omit<LibraryVariantsTable, 'org_id'>) {
  const findings = parse<Finding[]>(v.findings_json, []);
  const overridden = v.override_reason ? { reason: v.override_reason, by: v.override_by, at: v.override_at } : null;
  return {
    platform: v.platform as LibraryPlatform,
    text: v.text,
    findings,
    override: overridden,
    /** True when blocking findings remain and no override covers them. */
    blocked: blocking(findings).length > 0 && !overridden,
    length: variantLength(v.platform as LibraryPlatform, v.text),
    limit: VARIANT_LIMITS[v.platform as LibraryPlatform] ?? null,
  };
}

export function itemOut(r: Omit<LibraryItemsTable, 'org_id'>, variants: Array<Omit<LibraryVariantsTable, 'org_id'>>, names?: Map<string, string>) {
  return {
    id: r.id,
    title: r.title,
    body: r.body,
    link: r.link,
    imageUrl: r.image_url,
    tags: parse<string[]>(r.tags_json, []),
    targetUnitIds: parse<string[]>(r.target_units_json, []),
    validFrom: r.valid_from,
    validUntil: r.valid_until,
    status: r.status,
    origin: r.origin,
    createdBy: r.created_by,
    createdByName: names?.get(r.created_by) ?? null,
    submittedBy: r.submitted_by,
    reviewedBy: r.reviewed_by,
    reviewedByName: r.reviewed_by ? (names?.get(r.reviewed_by) ?? null) : null,
    reviewNote: r.review_note,
    publishedAt: r.published_at,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    variants: LIBRARY_PLATFORMS.flatMap((p) => variants.filter((v) => v.platform === p).map(variantOut)),
  };
}

/** Today as YYYY-MM-DD (UTC). */
export function today(now = Date.now()): string {
  return new Date(now).toISOString().slice(0, 10);
}

/** The redirect target of a short link: the item's URL with UTM parameters (never any other URL). */
export function utmUrl(link: string, platform: string, itemId: string): string {
  const u = new URL(link);
  u.searchParams.set('utm_source', platform);
  u.searchParams.set('utm_medium', 'social');
  u.searchParams.set('utm_campaign', `bijak-${itemId.slice(0, 8)}`);
  u.searchParams.set('utm_content', 'employee-share');
  return u.toString();
}
