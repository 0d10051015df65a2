/**
 * `bijak users reset-password NAME [--password P] [--org CODE]` (issue 8): sets a new password for a user of the
 * workspace database (DATA_DIR / DATABASE_URL, as `bijak serve`), e.g. a demo login whose password was printed once and
 * lost. Without --password a random one is generated and printed. The user's sessions are ended; the change is in the
 * audit log.
 * `bijak users super-admin NAME [--revoke] [--org CODE]` (issue 12): lets a user create organisations (or stops it).
 * A username may exist in several organisations: --org names the organisation's code then.
 */

import { parse, UsageError, withUsage } from '../common.js';
import type { CliIO, Command } from '../main.js';

const USAGE = `Pemakaian / usage:
  bijak users reset-password NAMA_PENGGUNA [--password SANDI] [--org KODE]
    setel ulang sandi (acak bila tanpa --password) / reset the password (random without --password)
  bijak users super-admin NAMA_PENGGUNA [--revoke] [--org KODE]
    izinkan (atau cabut) pembuatan organisasi / allow (or revoke) creating organisations
  --org: kode organisasi bila nama pengguna ada di beberapa organisasi / organisation code when the username is in several
  Basis data seperti bijak serve / database as for bijak serve: DATA_DIR (./data) atau / or DATABASE_URL`;

export const command: Command = {
  summary: { id: 'kelola pengguna ruang kerja (setel ulang sandi, super-admin)', en: 'manage workspace users (reset a password, super-admin)' },
  run: (args, io: CliIO) =>
    withUsage(io, USAGE, async () => {
      const { values, positionals } = parse(args, {
        password: { type: 'string' },
        org: { type: 'string' },
        revoke: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      });
      if (values.help) {
        io.stdout.write(`${USAGE}\n`);
        return 0;
      }
      const [sub, username, ...rest] = positionals;
      if ((sub !== 'reset-password' && sub !== 'super-admin') || !username || rest.length > 0)
        throw new UsageError('perintah / command: reset-password NAMA_PENGGUNA | super-admin NAMA_PENGGUNA');
      if (values.password !== undefined && (values.password.length < 8 || values.password.length > 200))
        throw new UsageError('--password: 8 sampai 200 karakter / 8 to 200 characters');
      const { configFromEnv } = await import('../../server/config.js');
      const { initDatabase, tenantDb } = await import('../../db/index.js');
      const { loginCandidates } = await import('../../server/system-queries.js');
      const { hashPassword, randomPassword } = await import('../../server/auth.js');
      const { authChannel } = await import('../../server/session-cache.js');
      const { sql } = await import('kysely');
      const config = configFromEnv(io.env);
      const database = await initDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgSchema: config.pgSchema });
      try {
        const found = await loginCandidates(database.db, username, values.org);
        if (found.length === 0) {
          io.stderr.write(`bijak users: pengguna tidak ditemukan / no such user: ${username}${values.org ? ` (--org ${values.org})` : ''}\n`);
          return 1;
        }
        if (found.length > 1) {
          io.stderr.write(`bijak users: ${username} ada di beberapa organisasi; sebutkan --org KODE / is in several organisations; give --org CODE\n`);
          return 1;
        }
        // every write below lands in the user's own organisation (src/db/tenant.ts)
        const db = tenantDb(database.db, found[0].org_id);
        const user = await db.selectFrom('users').select(['id', 'name']).where('id', '=', found[0].id).executeTakeFirstOrThrow();
        const at = new Date().toISOString();
        if (sub === 'super-admin') {
          const flag = values.revoke ? 0 : 1;
          await db.transaction().execute(async (trx) => {
            await trx.updateTable('users').set({ super_admin: flag, updated_at: at }).where('id', '=', user.id).execute();
            // running servers forget the user's cached sessions when this commits (src/server/session-cache.ts)
            if (database.dialect === 'postgres') await sql`SELECT pg_notify(${authChannel(config.pgSchema)}, ${user.id})`.execute(trx);
            await trx
              .insertInto('audit_log')
              .values({
                at,
                actor_id: null,
                actor_name: 'bijak users (CLI)',
                action: 'admin_update_user',
                subject_user_id: user.id,
                detail_json: JSON.stringify({ superAdmin: flag === 1, via: 'cli' }),
              })
              .execute();
          });
          io.stdout.write(
            flag ? `${username} kini super-admin / is now a super-admin.\n` : `${username} bukan lagi super-admin / is no longer a super-admin.\n`,
          );
          return 0;
        }
        const password = values.password ?? randomPassword();
        const hash = await hashPassword(password);
        await db.transaction().execute(async (trx) => {
          await trx.updateTable('users').set({ password_hash: hash, updated_at: at }).where('id', '=', user.id).execute();
          await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
          if (database.dialect === 'postgres') await sql`SELECT pg_notify(${authChannel(config.pgSchema)}, ${user.id})`.execute(trx);
          await trx
            .insertInto('audit_log')
            .values({
              at,
              actor_id: null,
              actor_name: 'bijak users (CLI)',
              action: 'admin_update_user',
              subject_user_id: user.id,
              detail_json: JSON.stringify({ passwordChanged: true, via: 'cli' }),
            })
            .execute();
        });
        io.stdout.write(
          values.password === undefined
            ? `Sandi baru / new password for ${username} (${user.name}): ${password}\n`
            : `Sandi ${username} diubah / password of ${username} changed.\n`,
        );
        return 0;
      } finally {
        await database.close();
      }
    }),
};
