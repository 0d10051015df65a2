/**
 * A short-lived cache of resolved sessions (issue 12, speed): on PostgreSQL every request used to look its
 * session up in the database (a five-table join), the most frequent query of the server. A node now keeps a
 * resolved session for `sessionCacheMs` (default 5 s) and is told about every change that can end or alter
 * one by a PostgreSQL notification on the channel {@link authChannel} (LISTEN/NOTIFY: delivered to every
 * node listening on the database, after the writing transaction commits):
 *
 * - logout, password change, role or unit change, deletion of a user, the user's settings (locale), the CLI's
 *   reset-password and super-admin: the payload is the user id, and every node forgets that user's sessions;
 * - unit renames and deletions: the payload is `*`, every node forgets everything.
 *
 * Correctness does not rest on the time-to-live: a node caches only while its listening connection is up
 * (when it drops, the cache is emptied and every request reads the database until LISTEN is back), and a
 * lookup that started before a notification arrived is not cached (generation counter), so a session ended on
 * one node is refused by every other node as soon as the notification arrives (milliseconds). The TTL bounds
 * what is not notified (an organisation's name), a notification lost with a node that died between its commit
 * and its notify, and a listening connection that died without the node noticing yet (TCP keep-alive is on). SQLite (one node, possibly several worker processes on one file) does not cache.
 */
import pg from 'pg';
import type { SessionUser } from './types.js';

export interface CachedSession {
  user: SessionUser;
  csrfToken: string;
  /** Session expiry (ms since epoch). */
  expiresAt: number;
  /** When it was read from the database (ms since epoch, this node's clock). */
  at: number;
}

/** The notification channel of a deployment's schema (several deployments or test runs may share one database). */
export function authChannel(pgSchema: string | undefined): string {
  return `bijak_auth_${pgSchema ?? 'public'}`.slice(0, 63);
}

export class SessionCache {
  private readonly map = new Map<string, CachedSession>();
  private gen = 0;
  private live = false;

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 20_000,
  ) {}

  /** A cached session by token hash, or undefined (not cached, too old, expired, or the cache is not live). */
  get(tokenHash: string, now = Date.now()): CachedSession | undefined {
    if (!this.live) return undefined;
    const s = this.map.get(tokenHash);
    if (!s) return undefined;
    if (now - s.at >= this.ttlMs || s.expiresAt <= now) {
      this.map.delete(tokenHash);
      return undefined;
    }
    return s;
  }

  /** The generation to pass to {@link put} (taken before the database lookup). */
  generation(): number {
    return this.gen;
  }

  /** Caches a session read from the database, unless an invalidation arrived since `generation` was taken. */
  put(tokenHash: string, s: CachedSession, generation: number): void {
    if (!this.live || generation !== this.gen) return;
    if (this.map.size >= this.maxEntries) {
      // the oldest entry goes (Map keeps insertion order)
      const first = this.map.keys().next();
      if (!first.done) this.map.delete(first.value);
    }
    this.map.set(tokenHash, s);
  }

  /** Forgets the sessions of one user (`*`: of everyone). */
  forget(userId: string): void {
    this.gen++;
    if (userId === '*') {
      this.map.clear();
      return;
    }
    for (const [k, s] of this.map) if (s.user.id === userId) this.map.delete(k);
  }

  /** Whether invalidations from the other nodes are being heard (only then does the cache answer). */
  setLive(live: boolean): void {
    // either way, lookups that started before are not cached: they may predate a change this node did not hear
    this.forget('*');
    this.live = live;
  }

  get isLive(): boolean {
    return this.live;
  }

  get size(): number {
    return this.map.size;
  }
}

/**
 * Listens on {@link authChannel} with a connection of its own and feeds the notifications to the cache;
 * reconnects after a failure (the cache is off meanwhile). Returns a stop function.
 */
export function listenForAuthChanges(databaseUrl: string, pgSchema: string | undefined, cache: SessionCache): { stop(): Promise<void> } {
  const channel = authChannel(pgSchema);
  let client: pg.Client | null = null;
  let stopped = false;
  let retry: NodeJS.Timeout | null = null;

  const connect = async (): Promise<void> => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: databaseUrl, keepAlive: true });
    client = c;
    const down = () => {
      if (client !== c) return;
      client = null;
      cache.setLive(false);
      c.end().catch(() => {});
      if (!stopped) retry = setTimeout(() => void connect(), 1000);
    };
    c.on('error', down);
    c.on('end', down);
    c.on('notification', (n) => {
      if (n.channel === channel && n.payload) cache.forget(n.payload);
    });
    try {
      await c.connect();
      await c.query(`LISTEN "${channel.replace(/"/g, '""')}"`);
      if (client === c && !stopped) cache.setLive(true);
    } catch {
      down();
    }
  };
  void connect();
  return {
    async stop() {
      stopped = true;
      if (retry) clearTimeout(retry);
      cache.setLive(false);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
