// Shapes of the HTTP API (docs/api.md). The finding type and category ids come from the core, so they cannot drift.
import type { Category, Finding, Localized, Severity } from '../../src/core/types';

export { CATEGORIES } from '../../src/core/types';
export type { Category, Finding, Localized, Severity };

export type Role = 'pegawai' | 'atasan' | 'humas' | 'admin';
export type Locale = 'id' | 'en';

export interface User {
  id: string;
  username: string;
  name: string;
  role: Role;
  unitId: string;
  unitName: string;
  locale: Locale;
  /** The user's organisation (issue 12 tenants). */
  orgId?: string;
  orgName?: string;
  /** May create organisations. */
  superAdmin?: boolean;
}

/** An organisation (GET /api/v1/organizations, super-admin). */
export interface Organization {
  id: string;
  code: string;
  name: string;
  createdAt: string;
  users?: number;
}

export interface Session {
  user: User;
  csrfToken: string;
}

export interface PlatformInfo {
  id: string;
  label: string;
  limit: number | null;
}

export interface Home {
  selfCheck: { dueAt: string; overdue: boolean; lastAt: string | null };
  accounts: number;
  drafts: number;
  sharedFindings: number;
}

export interface Settings {
  saveHistory: boolean;
  locale: Locale;
}

export interface Account {
  id: string;
  platform: string;
  handle: string;
  displayName: string;
  bio: string;
  findings: Finding[];
  createdAt: string;
  updatedAt: string;
}

export interface SelfCheck {
  id: string;
  accountId: string | null;
  twoFactor: boolean;
  passwordChanged: boolean;
  displayNameOk: boolean;
  postsReviewed: boolean;
  note: string;
  createdAt: string;
}

export interface Draft {
  id: string;
  text: string;
  platform: string;
  findings: Finding[];
  sharedWithSupervisor: boolean;
  createdAt: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  subjectUserId: string | null;
  detail: unknown;
  /** Names resolved by the server (issue 8); null when the user or unit no longer exists. */
  subjectName?: string | null;
  unitName?: string | null;
}

export interface Visibility {
  supervisorCanSee: string[];
  accessLog: AuditEntry[];
}

export interface Unit {
  id: string;
  code: string;
  name: string;
  parentId: string | null;
}

export interface SharedFinding {
  draftId: string;
  userId: string;
  userName: string;
  category: Category;
  severity: Severity;
  excerpt: string;
  createdAt: string;
}

export interface Dashboard {
  unit: Unit;
  subunits: Unit[];
  employees: number;
  accountsRegistered: number;
  selfChecksOverdue: number;
  findingsByCategory: Partial<Record<Category, number>>;
  findingsOverTime: Array<{ month: string; category: Category; count: number }>;
  sharedFindings: SharedFinding[];
}

export interface EmployeeRow {
  id: string;
  name: string;
  unitName: string;
  accounts: number;
  selfCheckOverdue: boolean;
  sharedFindings: number;
}

export interface AuditSummary {
  scanned: number;
  flagged: number;
  byCategory: Partial<Record<Category, number>>;
  byYear: Record<string, number>;
  byMonth: Record<string, Partial<Record<Category, number>>>;
}

export interface FlaggedPost {
  platform: string;
  kind?: string;
  id: string;
  /** Null where the export has no date (likes). */
  date: string | null;
  url: string | null;
  text: string;
  findings: Finding[];
}

export interface AuditReport {
  id: string;
  status: string;
  platform: string;
  createdAt: string;
  summary: AuditSummary | null;
  flagged?: FlaggedPost[];
  /** Beyond docs/api.md, sent by the server: sharing state, liked posts, truncation, archive notes. */
  shared?: boolean;
  error?: string | null;
  likes?: { scanned: number; flagged: FlaggedPost[] };
  truncated?: boolean;
  warnings?: Localized[];
  /** Flagged posts and likes stored for paging (issue 8). */
  storedPosts?: number;
  storedLikes?: number;
}

export interface EmployeeDetail {
  user: User;
  accounts: Account[];
  selfChecks: SelfCheck[];
  sharedDrafts: Draft[];
  sharedAudits: AuditSummary[];
}

export interface PolicyEnvelope {
  version: number;
  policy: PolicyData;
  updatedBy: string | null;
  updatedAt: string | null;
}

export interface PolicyVersion {
  version: number;
  updatedBy: string;
  updatedAt: string;
  summary: string;
}

/** The policy as edited in the UI (src/core/policy.ts is the schema the server validates against). */
export interface PolicyData {
  version: 1;
  organisation: { id: string; name: string };
  categories: Partial<Record<Category, { enabled?: boolean; severity?: Severity }>>;
  institution: { names: string[]; abbreviations: string[] };
  officialAccounts: Array<{ platform: string; handle: string; owner?: string }>;
  election: {
    name?: string;
    candidates: Array<{ name: string; aliases: string[]; number?: number; office?: string; region?: string }>;
    parties: Array<{ name: string; abbreviation?: string; number?: number }>;
    hashtags: string[];
    dates: Array<{ label: string; date: string }>;
  };
  extraTerms: Array<{ category: Category; pattern: string; severity?: Severity; note?: string }>;
  allow: string[];
  selfCheckIntervalDays: number;
  [key: string]: unknown;
}

export interface ImportResult {
  created: number;
  updated: number;
  errors: Array<{ line: number; message: string }>;
}
