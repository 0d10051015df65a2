/**
 * The organisation's fact-check KB in the database: reads, writes (with a
 * revision number per write) and the cached retrieval index of the active
 * entries. Each app node re-reads max(rev) at most every `ttlMs` and rebuilds
 * its index only when it changed, like the policy store.
 */
import type { Kysely } from 'kysely';
import { buildKbIndex, type KbEntry, type KbIndex, kbEntrySchema } from '../core/kb/index.js';
import { currentOrgId } from '../db/tenant.js';
import type { Database } from '../db/types.js';

/** A stored entry with its status. */
export interface StoredKbEntry {
  entry: KbEntry;
  status: 'active' | 'retired';
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

function rowToEntry(r: { entry_json: string; status: string; created_at: string; updated_at: string; updated_by_name: string }): StoredKbEntry | undefined {
  try {
    return {
      entry: kbEntrySchema.parse(JSON.parse(r.entry_json)),
      status: r.status === 'retired' ? 'retired' : 'active',
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      updatedBy: r.updated_by_name,
    };
  } catch {
    return undefined; // a row that no longer validates is skipped, never crashes the checker
  }
}

interface KbCache {
  cached: { rev: number; index: KbIndex | undefined; day: string } | null;
  checkedAt: number;
  inflight: Promise<KbIndex | undefined> | null;
}

/** The KB of the organisation in the request's context (every query goes through the tenant-scoped database). */
export class KbStore {
  private readonly orgs = new Map<string, KbCache>();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly ttlMs = 2000,
  ) {}

  private cache(): KbCache {
    const org = currentOrgId();
    if (!org) throw new Error('KbStore: no organisation in context');
    let c = this.orgs.get(org);
    if (!c) this.orgs.set(org, (c = { cached: null, checkedAt: 0, inflight: null }));
    return c;
  }

  /** The index of the active entries (undefined when the KB is empty), cached per organisation, revision and day (expiry). */
  async index(): Promise<KbIndex | undefined> {
    const c = this.cache();
    const day = new Date().toISOString().slice(0, 10);
    if (c.cached && c.cached.day === day && Date.now() - c.checkedAt < this.ttlMs) return c.cached.index;
    if (!c.inflight) {
      c.inflight = this.load(c, day).finally(() => {
        c.inflight = null;
      });
    }
    return c.inflight;
  }

  /** Forgets the cache of the organisation in context (after a change on this node). */
  invalidate(): void {
    this.cache().cached = null;
  }

  private async load(c: KbCache, day: string): Promise<KbIndex | undefined> {
    const rev = await this.revision();
    if (c.cached && c.cached.rev === rev && c.cached.day === day) {
      c.checkedAt = Date.now();
      return c.cached.index;
    }
    const rows = await this.db
      .selectFrom('kb_entries')
      .select(['entry_json', 'status', 'created_at', 'updated_at', 'updated_by_name'])
      .where('status', '=', 'active')
      .execute();
    const entries = rows
      .map(rowToEntry)
      .filter((e): e is StoredKbEntry => !!e)
      .map((e) => e.entry);
    const index = entries.length ? buildKbIndex(entries, { asOf: day }) : undefined;
    c.cached = { rev, index, day };
    c.checkedAt = Date.now();
    return index;
  }

  /** The highest revision (0 when empty). */
  async revision(db: Kysely<Database> = this.db): Promise<number> {
    const r = await db
      .selectFrom('kb_entries')
      .select((eb) => eb.fn.max('rev').as('v'))
      .executeTakeFirst();
    return r?.v == null ? 0 : Number(r.v);
  }

  /** Every stored entry (both statuses). */
  async all(db: Kysely<Database> = this.db): Promise<StoredKbEntry[]> {
    const rows = await db
      .selectFrom('kb_entries')
      .select(['entry_json', 'status', 'created_at', 'updated_at', 'updated_by_name'])
      .orderBy('updated_at', 'desc')
      .execute();
    return rows.map(rowToEntry).filter((e): e is StoredKbEntry => !!e);
  }

  /** One entry. */
  async get(id: string, db: Kysely<Database> = this.db): Promise<StoredKbEntry | undefined> {
    const r = await db
      .selectFrom('kb_entries')
      .select(['entry_json', 'status', 'created_at', 'updated_at', 'updated_by_name'])
      .where('id', '=', id)
      .executeTakeFirst();
    return r ? rowToEntry(r) : undefined;
  }

  /**
   * Writes entries (insert or update) in one transaction, each with the next
   * revision. `status` is kept for existing rows unless given.
   */
  async write(entries: KbEntry[], by: string, status?: 'active' | 'retired'): Promise<void> {
    if (entries.length === 0 && !status) return;
    await this.db.transaction().execute(async (trx) => {
      let rev = await this.revision(trx);
      const now = new Date().toISOString();
      for (const e of entries) {
        rev++;
        const exists = await trx.selectFrom('kb_entries').select('id').where('id', '=', e.id).executeTakeFirst();
        if (exists) {
          await trx
            .updateTable('kb_entries')
            .set({ entry_json: JSON.stringify(e), source_url: e.source.url, rev, updated_at: now, updated_by_name: by, ...(status ? { status } : {}) })
            .where('id', '=', e.id)
            .execute();
        } else {
          await trx
            .insertInto('kb_entries')
            .values({
              id: e.id,
              entry_json: JSON.stringify(e),
              status: status ?? 'active',
              source_url: e.source.url,
              rev,
              created_at: now,
              updated_at: now,
              updated_by_name: by,
            })
            .execute();
        }
      }
    });
    this.invalidate();
  }

  /** Sets the status of one entry; false when it does not exist. */
  async setStatus(id: string, status: 'active' | 'retired', by: string): Promise<boolean> {
    let found = false;
    await this.db.transaction().execute(async (trx) => {
      const rev = (await this.revision(trx)) + 1;
      const r = await trx
        .updateTable('kb_entries')
        .set({ status, rev, updated_at: new Date().toISOString(), updated_by_name: by })
        .where('id', '=', id)
        .executeTakeFirst();
      found = Number(r.numUpdatedRows) > 0;
    });
    this.invalidate();
    return found;
  }
}
