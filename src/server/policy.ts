/**
 * The organisation policy stored with versions. The active policy is the
 * latest version that validates (DEFAULT_POLICY when there is none); each app
 * node caches it and re-reads the latest version number at most every
 * `ttlMs`, so a change made on one node reaches the others within that time.
 */
import type { Kysely } from 'kysely';
import { DEFAULT_POLICY, type Policy, parsePolicy } from '../core/index.js';
import { currentOrgId } from '../db/tenant.js';
import type { Database } from '../db/types.js';

export interface ActivePolicy {
  version: number;
  policy: Policy;
  updatedBy: string | null;
  updatedAt: string | null;
}

export const DEFAULT_ACTIVE: ActivePolicy = { version: 0, policy: DEFAULT_POLICY, updatedBy: null, updatedAt: null };

interface PolicyCache {
  cached: ActivePolicy | null;
  checkedAt: number;
  inflight: Promise<ActivePolicy> | null;
}

/** The active policy of each organisation (the one in the request's context), cached per organisation. */
export class PolicyStore {
  private readonly orgs = new Map<string, PolicyCache>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly ttlMs = 2000,
  ) {}

  private cache(): PolicyCache {
    const org = currentOrgId();
    if (!org) throw new Error('PolicyStore: no organisation in context');
    let c = this.orgs.get(org);
    if (!c) this.orgs.set(org, (c = { cached: null, checkedAt: 0, inflight: null }));
    return c;
  }

  /** The active policy of the organisation in context (cached). */
  async active(): Promise<ActivePolicy> {
    const c = this.cache();
    if (c.cached && Date.now() - c.checkedAt < this.ttlMs) return c.cached;
    if (!c.inflight) {
      c.inflight = this.load(c).finally(() => {
        c.inflight = null;
      });
    }
    return c.inflight;
  }

  /** Forgets the cache of the organisation in context (after a change on this node). */
  invalidate(): void {
    this.cache().cached = null;
  }

  private async load(c: PolicyCache): Promise<ActivePolicy> {
    const latest = await this.db
      .selectFrom('policy_versions')
      .select((eb) => eb.fn.max('version').as('v'))
      .executeTakeFirst();
    const v = latest?.v == null ? 0 : Number(latest.v);
    if (c.cached && c.cached.version === v) {
      c.checkedAt = Date.now();
      return c.cached;
    }
    let active = DEFAULT_ACTIVE;
    // newest first; skip any stored version that no longer validates
    const rows = await this.db
      .selectFrom('policy_versions')
      .select(['version', 'policy_json', 'updated_by_name', 'updated_at'])
      .orderBy('version', 'desc')
      .limit(20)
      .execute();
    for (const r of rows) {
      try {
        active = { version: Number(r.version), policy: parsePolicy(JSON.parse(r.policy_json)), updatedBy: r.updated_by_name, updatedAt: r.updated_at };
        break;
      } catch {
        // invalid stored version: fall back to the one before
      }
    }
    c.cached = active;
    c.checkedAt = Date.now();
    return active;
  }
}

/** Top-level keys whose values differ between two policies. */
export function changedKeys(a: Policy, b: Policy): string[] {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => stableStringify((a as Record<string, unknown>)[k]) !== stableStringify((b as Record<string, unknown>)[k])).sort();
}

/** JSON with object keys sorted, so key order does not count as a change. */
export function stableStringify(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableStringify).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}
