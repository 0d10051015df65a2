/**
 * `bijak users reset-password NAME [--password P]` (issue 8): sets a new password for a user of the workspace database
 * (DATA_DIR / DATABASE_URL, as `bijak serve`), e.g. a demo login whose password was printed once and lost. Without
 * --password a random one is generated and printed. The user's sessions are ended; the change is in the audit log.
 */

import { parse, UsageError, withUsage } from '../common.js';
import type { CliIO, Command } from '../main.js';

const USAGE = `Pemakaian / usage:
  bijak users reset-password NAMA_PENGGUNA [--password SANDI]
    setel ulang sandi (acak bila tanpa --password) / reset the password (random without --password)
  Basis data seperti bijak serve / database as for bijak serve: DATA_DIR (./data) atau / or DATABASE_URL`;

export const command: Command = {
  summary: { id: 'kelola pengguna ruang kerja (setel ulang sandi)', en: 'manage workspace users (reset a password)' },
  run: (args, io: CliIO) =>
    withUsage(io, USAGE, async () => {
      const { values, positionals } = parse(args, { password: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } });
      if (values.help) {
        io.stdout.write(`${USAGE}\n`);
        return 0;
      }
      const [sub, username, ...rest] = positionals;
      if (sub !== 'reset-password' || !username || rest.length > 0) throw new UsageError('perintah / command: reset-password NAMA_PENGGUNA');
      if (values.password !== undefined && (values.password.length < 8 || values.password.length > 200))
        throw new UsageError('--password: 8 sampai 200 karakter / 8 to 200 characters');
      const { configFromEnv } = await import('../../server/config.js');
      const { initDatabase } = await import('../../db/index.js');
      const { hashPassword, randomPassword } = await import('../../server/auth.js');
      const config = configFromEnv(io.env);
      const database = await initDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, pgSchema: config.pgSchema });
      try {
        const user = await database.db.selectFrom('users').select(['id', 'name']).where('username', '=', username).executeTakeFirst();
        if (!user) {
          io.stderr.write(`bijak users: pengguna tidak ditemukan / no such user: ${username}\n`);
          return 1;
        }
        const password = values.password ?? randomPassword();
        const hash = await hashPassword(password);
        const at = new Date().toISOString();
        await database.db.transaction().execute(async (trx) => {
          await trx.updateTable('users').set({ password_hash: hash, updated_at: at }).where('id', '=', user.id).execute();
          await trx.deleteFrom('sessions').where('user_id', '=', user.id).execute();
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
