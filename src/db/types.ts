/**
 * Kysely table types of the Bijak database, shared by SQLite and PostgreSQL.
 *
 * Portable conventions (one set of migrations for both databases):
 * - ids are text (random UUIDs) except `audit_log.id` (an increasing integer) and `policy_versions.version`;
 * - times are ISO-8601 UTC text (`2026-01-31T09:00:00.000Z`), which sorts correctly as text;
 * - booleans are integers 0/1 (better-sqlite3 cannot bind JS booleans);
 * - JSON is text (`*_json` columns).
 */
import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/**
 * The organisation a tenant row belongs to (issue 12). Never written by route code: the tenant plugin
 * (src/db/tenant.ts) adds it to every insert and filters every read by it, so it is not insertable here.
 */
export type OrgColumn = ColumnType<string, never, never>;

/** An organisation (agency): the tenant. */
export interface OrganizationsTable {
  id: string;
  /** Short code typed at login when a username exists in several organisations. */
  code: string;
  name: string;
  created_at: string;
}

export type Role = 'pegawai' | 'atasan' | 'humas' | 'admin';
export const ROLES: readonly Role[] = ['pegawai', 'atasan', 'humas', 'admin'];

export interface UnitsTable {
  org_id: OrgColumn;
  id: string;
  code: string;
  name: string;
  parent_id: string | null;
  created_at: string;
}

export interface UsersTable {
  org_id: OrgColumn;
  id: string;
  username: string;
  name: string;
  role: Role;
  unit_id: string;
  password_hash: string;
  /** 0/1: may create organisations (a platform operator, on top of the role in their own organisation). */
  super_admin: ColumnType<number, number | undefined, number>;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  org_id: OrgColumn;
  /** SHA-256 (hex) of the session token; the token itself is only in the cookie. */
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface UserSettingsTable {
  org_id: OrgColumn;
  user_id: string;
  save_history: number;
  locale: 'id' | 'en';
  updated_at: string;
}

export interface SocialAccountsTable {
  org_id: OrgColumn;
  id: string;
  user_id: string;
  platform: string;
  handle: string;
  display_name: string;
  bio: string;
  findings_json: string;
  created_at: string;
  updated_at: string;
}

export interface SelfChecksTable {
  org_id: OrgColumn;
  id: string;
  user_id: string;
  account_id: string | null;
  two_factor: number;
  password_changed: number;
  display_name_ok: number;
  posts_reviewed: number;
  note: string;
  created_at: string;
}

export interface DraftsTable {
  org_id: OrgColumn;
  id: string;
  user_id: string;
  text: string;
  platform: string | null;
  findings_json: string;
  /** 1 when the employee shared it with their supervisor. */
  shared: number;
  created_at: string;
  /** Findings the writer dismissed, with reasons (issue 8): `[{ruleId, range, reasonCode, reason}]`. */
  dismissals_json: ColumnType<string, string | undefined, string>;
}

export interface PolicyVersionsTable {
  org_id: OrgColumn;
  version: number;
  policy_json: string;
  updated_by: string | null;
  updated_by_name: string;
  updated_at: string;
  summary: string;
}

/** Append-only: the code never updates or deletes rows; triggers reject it on both databases. */
export interface AuditLogTable {
  org_id: OrgColumn;
  id: Generated<number>;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  subject_user_id: string | null;
  detail_json: string;
}

/** Footprint-audit runs (owned by the audit routes, src/server/audit/ and routes/audit-*.ts). */
export interface AuditReportsTable {
  org_id: OrgColumn;
  id: string;
  user_id: string;
  status: string;
  platform: string | null;
  created_at: string;
  finished_at: string | null;
  summary_json: string | null;
  flagged_json: string | null;
  /** 0/1: the summary (not the posts) is shared with the supervisor. */
  shared: ColumnType<number, number | undefined, number>;
  error: string | null;
}

/** Failed-login counters per username+IP (shared by all app nodes). */
export interface LoginThrottleTable {
  key: string;
  failures: number;
  first_at: string;
  locked_until: string | null;
}

/** A finding dismissed by its writer with a reason (counted per rule for humas). */
export interface FindingDismissalsTable {
  org_id: OrgColumn;
  id: string;
  user_id: string;
  unit_id: string;
  rule_id: string;
  category: string;
  severity: string;
  reason_code: string;
  reason: string;
  platform: string | null;
  created_at: string;
}

/** A report of a wrong finding ("Laporkan salah deteksi"), reviewed by humas/admin. */
export interface FindingReportsTable {
  org_id: OrgColumn;
  id: string;
  user_id: string | null;
  reporter_name: string;
  unit_id: string;
  source: string;
  platform: string | null;
  /** The reported text, only with the reporter's consent (else null). */
  text: string | null;
  finding_json: string;
  comment: string;
  /** open | allowed | labelled | rejected */
  status: string;
  /** Categories of the labelled case (bijak-posts `expect`), when labelled. */
  expect_json: string | null;
  resolution: string;
  resolved_by_name: string | null;
  resolved_at: string | null;
  created_at: string;
}

/** One flagged post of an audit report (issue 8): paged, filtered and searched in SQL. */
export interface AuditFlaggedTable {
  org_id: OrgColumn;
  report_id: string;
  /** Order of the post in the report (the audit's severity-then-newest order). */
  seq: number;
  /** `posts` or `likes`. */
  list: string;
  /** `YYYY-MM-DD` of the post, null when undated. */
  day: string | null;
  /** ISO date-time of the post, null when undated. */
  date: string | null;
  /** 0 error, 1 warning, 2 info (the core contract's order) of the post's most severe finding. */
  severity_rank: number;
  /** Space-separated category ids with a space before and after (` hoax abusive `). */
  categories: string;
  /** The text lower-cased, for search. */
  search: string;
  /** The FlaggedPost as JSON. */
  post_json: string;
}

/** The fact-check knowledge base (issue 9; owned by src/server/routes/kb.ts). */
export interface KbEntriesTable {
  org_id: OrgColumn;
  id: string;
  /** The entry, validated by the core's kbEntrySchema. */
  entry_json: string;
  status: 'active' | 'retired';
  source_url: string;
  /** Increases with every write, so app nodes see a change by max(rev). */
  rev: number;
  created_at: string;
  updated_at: string;
  updated_by_name: string;
}

export interface Database {
  organizations: OrganizationsTable;
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  user_settings: UserSettingsTable;
  social_accounts: SocialAccountsTable;
  self_checks: SelfChecksTable;
  drafts: DraftsTable;
  policy_versions: PolicyVersionsTable;
  audit_log: AuditLogTable;
  audit_reports: AuditReportsTable;
  login_throttle: LoginThrottleTable;
  finding_dismissals: FindingDismissalsTable;
  finding_reports: FindingReportsTable;
  audit_flagged: AuditFlaggedTable;
  kb_entries: KbEntriesTable;
}

export type UnitRow = Omit<Selectable<UnitsTable>, 'org_id'>;
export type UserRow = Omit<Selectable<UsersTable>, 'org_id'>;
export type AccountRow = Omit<Selectable<SocialAccountsTable>, 'org_id'>;
export type SelfCheckRow = Omit<Selectable<SelfChecksTable>, 'org_id'>;
export type DraftRow = Omit<Selectable<DraftsTable>, 'org_id'>;
export type AuditLogRow = Omit<Selectable<AuditLogTable>, 'org_id'>;
export type NewAuditLog = Insertable<AuditLogTable>;
