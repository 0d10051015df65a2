/** Row -> API shape conversions and the self-check schedule. */
import type { Finding } from '../core/index.js';
import type { AccountRow, AuditLogRow, DraftRow, SelfCheckRow, UnitRow } from '../db/types.js';

const DAY = 86_400_000;
/** A new user's first self-check is due this many days after the account was created. */
export const FIRST_SELF_CHECK_DAYS = 7;

function parseJson<T>(s: string | null | undefined, fallback: T): T {
  if (!s) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
}

export function account(r: AccountRow) {
  return {
    id: r.id,
    platform: r.platform,
    handle: r.handle,
    displayName: r.display_name,
    bio: r.bio,
    findings: parseJson<Finding[]>(r.findings_json, []),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function selfCheck(r: SelfCheckRow) {
  return {
    id: r.id,
    accountId: r.account_id,
    twoFactor: Number(r.two_factor) === 1,
    passwordChanged: Number(r.password_changed) === 1,
    displayNameOk: Number(r.display_name_ok) === 1,
    postsReviewed: Number(r.posts_reviewed) === 1,
    note: r.note,
    createdAt: r.created_at,
  };
}

export function draft(r: DraftRow) {
  return {
    id: r.id,
    text: r.text,
    platform: r.platform,
    findings: parseJson<Finding[]>(r.findings_json, []),
    sharedWithSupervisor: Number(r.shared) === 1,
    createdAt: r.created_at,
    dismissals: parseJson<Array<{ ruleId: string; range: [number, number]; reasonCode: string; reason?: string }>>(r.dismissals_json, []),
  };
}

export function unit(r: UnitRow) {
  return { id: r.id, code: r.code, name: r.name, parentId: r.parent_id };
}

export function auditEntry(r: AuditLogRow) {
  return {
    id: String(r.id),
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    subjectUserId: r.subject_user_id,
    detail: parseJson<Record<string, unknown>>(r.detail_json, {}),
  };
}

export function findingsOf(json: string | null | undefined): Finding[] {
  return parseJson<Finding[]>(json, []);
}

export function jsonOf<T>(json: string | null | undefined, fallback: T): T {
  return parseJson<T>(json, fallback);
}

/** When the next periodic self-check is due. */
export function selfCheckStatus(lastAt: string | null, userCreatedAt: string, intervalDays: number, now = Date.now()) {
  const due = lastAt ? Date.parse(lastAt) + intervalDays * DAY : Date.parse(userCreatedAt) + Math.min(FIRST_SELF_CHECK_DAYS, intervalDays) * DAY;
  return { dueAt: new Date(due).toISOString(), overdue: now > due, lastAt };
}
