/**
 * Demo organisation, seeded on the first start of an empty database (no
 * users), so a newcomer sees the product working at once. Disable with
 * BIJAK_DEMO=0. Passwords are random and returned once (printed by `bijak
 * serve`), or all equal to BIJAK_DEMO_PASSWORD when set.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DEFAULT_ORG_ID, tenantDb } from '../db/tenant.js';
import type { Database, Role } from '../db/types.js';
import { getChecker } from '../host/checker.js';
import { type Argon2Params, hashPassword, randomPassword } from './auth.js';
import { seedLibraryDemo } from './library-seed.js';

export interface DemoLogin {
  username: string;
  password: string;
  role: Role;
  unit: string;
}

const DAY = 86_400_000;

/** Name and code the default organisation gets when the demo is seeded into it. */
export const DEMO_ORG = { code: 'kemenkeu', name: 'Kementerian Keuangan' };

/**
 * Seeds the demo into the default organisation when it has no users; returns the logins created, or null.
 * `root` is the unscoped database; the demo is written through a database scoped to DEFAULT_ORG_ID.
 */
export async function seedDemo(root: Kysely<Database>, opts: { password?: string; argon2?: Argon2Params; now?: number } = {}): Promise<DemoLogin[] | null> {
  const db = tenantDb(root, DEFAULT_ORG_ID);
  const any = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (any) return null;
  const now = opts.now ?? Date.now();
  const iso = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString();

  const units: Array<{ id: string; code: string; name: string; parent: string | null }> = [
    { id: randomUUID(), code: 'KEMENKEU', name: 'Kementerian Keuangan', parent: null },
    { id: randomUUID(), code: 'DJP', name: 'Direktorat Jenderal Pajak', parent: 'KEMENKEU' },
    { id: randomUUID(), code: 'KANWIL-DJP-JAKSEL', name: 'Kanwil DJP Jakarta Selatan', parent: 'DJP' },
    { id: randomUUID(), code: 'DJBC', name: 'Direktorat Jenderal Bea dan Cukai', parent: 'KEMENKEU' },
  ];
  const unitId = (code: string) => units.find((u) => u.code === code)!.id;
  const people: Array<{ username: string; name: string; role: Role; unit: string; createdDaysAgo: number }> = [
    { username: 'admin', name: 'Admin Bijak', role: 'admin', unit: 'KEMENKEU', createdDaysAgo: 400 },
    { username: 'humas', name: 'Humas Kemenkeu', role: 'humas', unit: 'KEMENKEU', createdDaysAgo: 400 },
    { username: 'humas2', name: 'Rina Wulandari', role: 'humas', unit: 'KEMENKEU', createdDaysAgo: 380 },
    { username: 'atasan', name: 'Budi Santoso', role: 'atasan', unit: 'DJP', createdDaysAgo: 400 },
    { username: 'pegawai', name: 'Siti Rahmawati', role: 'pegawai', unit: 'KANWIL-DJP-JAKSEL', createdDaysAgo: 300 },
    { username: 'pegawai2', name: 'Agus Pratama', role: 'pegawai', unit: 'DJBC', createdDaysAgo: 200 },
  ];
  const logins: DemoLogin[] = [];
  const users: Array<{ id: string; username: string }> = [];
  const hashes = await Promise.all(
    people.map(async (p) => {
      const password = opts.password ?? randomPassword();
      logins.push({ username: p.username, password, role: p.role, unit: units.find((u) => u.code === p.unit)!.name });
      return hashPassword(password, opts.argon2);
    }),
  );
  // logins were pushed in completion order; restore the listed order
  logins.sort((a, b) => people.findIndex((p) => p.username === a.username) - people.findIndex((p) => p.username === b.username));
  const hashBy = new Map(people.map((p, i) => [p.username, hashes[i]]));

  const checker = getChecker();
  const userId = (username: string) => users.find((u) => u.username === username)!.id;

  await db.transaction().execute(async (trx) => {
    // re-check inside the transaction: another node may have seeded meanwhile
    if (await trx.selectFrom('users').select('id').limit(1).executeTakeFirst()) return;
    await trx.updateTable('organizations').set(DEMO_ORG).where('id', '=', DEFAULT_ORG_ID).execute();
    for (const u of units) {
      const existing = await trx.selectFrom('units').select('id').where('code', '=', u.code).executeTakeFirst();
      if (existing) u.id = existing.id;
      else
        await trx
          .insertInto('units')
          .values({ id: u.id, code: u.code, name: u.name, parent_id: u.parent ? unitId(u.parent) : null, created_at: iso(400) })
          .execute();
    }
    for (const p of people) {
      const id = randomUUID();
      users.push({ id, username: p.username });
      await trx
        .insertInto('users')
        .values({
          id,
          username: p.username,
          name: p.name,
          role: p.role,
          unit_id: unitId(p.unit),
          password_hash: hashBy.get(p.username)!,
          // the demo admin may also create organisations (docs/deploy.md "Tenants")
          super_admin: p.role === 'admin' ? 1 : 0,
          created_at: iso(p.createdDaysAgo),
          updated_at: iso(p.createdDaysAgo),
        })
        .execute();
      await trx
        .insertInto('user_settings')
        .values({ user_id: id, save_history: p.username === 'pegawai' ? 1 : 0, locale: 'id', updated_at: iso(p.createdDaysAgo) })
        .execute();
    }
    const accounts = [
      {
        user: 'pegawai',
        platform: 'instagram',
        handle: 'siti.rahma',
        displayName: 'Siti Rahmawati',
        bio: 'Ibu dua anak. Suka masak dan lari pagi.',
        daysAgo: 120,
      },
      {
        user: 'pegawai',
        platform: 'x',
        handle: 'siti_pajak_jaksel',
        displayName: 'Siti | Pajak Jaksel',
        bio: 'Pegawai Kanwil DJP Jakarta Selatan',
        daysAgo: 100,
      },
      { user: 'pegawai2', platform: 'tiktok', handle: 'aguspratama', displayName: 'Agus Pratama', bio: 'Pecinta kopi', daysAgo: 60 },
    ];
    for (const a of accounts) {
      const findings = checker.check({ kind: 'account', handle: a.handle, displayName: a.displayName, bio: a.bio, platform: a.platform as never });
      await trx
        .insertInto('social_accounts')
        .values({
          id: randomUUID(),
          user_id: userId(a.user),
          platform: a.platform,
          handle: a.handle,
          display_name: a.displayName,
          bio: a.bio,
          findings_json: JSON.stringify(findings),
          created_at: iso(a.daysAgo),
          updated_at: iso(a.daysAgo),
        })
        .execute();
    }
    const drafts = [
      { user: 'pegawai', text: 'Alhamdulillah, layanan pelaporan SPT Tahunan kini bisa lewat DJP Online. Yuk lapor sebelum 31 Maret!', shared: 0, daysAgo: 40 },
      { user: 'pegawai', text: 'SEBARKAN!!! Info dari orang dalam, tarif pajak naik bulan depan sebelum dihapus', shared: 1, daysAgo: 75 },
      { user: 'pegawai', text: 'Ayo coblos no. 2 biar Indonesia maju! #menangkan02', shared: 1, daysAgo: 20 },
      { user: 'pegawai2', text: 'Dinas rasa liburan, makasih APBN 😎 hotel bintang lima', shared: 1, daysAgo: 10 },
    ];
    for (const d of drafts) {
      const findings = checker.check({ text: d.text });
      await trx
        .insertInto('drafts')
        .values({
          id: randomUUID(),
          user_id: userId(d.user),
          text: d.text,
          platform: 'x',
          findings_json: JSON.stringify(findings),
          shared: d.shared,
          created_at: iso(d.daysAgo),
        })
        .execute();
    }
    // pegawai checked 30 days ago (on time); pegawai2 last checked 120 days ago (overdue at the default 90 days)
    for (const [user, daysAgo] of [
      ['pegawai', 30],
      ['pegawai2', 120],
    ] as const) {
      await trx
        .insertInto('self_checks')
        .values({
          id: randomUUID(),
          user_id: userId(user),
          account_id: null,
          two_factor: 1,
          password_changed: user === 'pegawai' ? 1 : 0,
          display_name_ok: 1,
          posts_reviewed: 1,
          note: '',
          created_at: iso(daysAgo),
        })
        .execute();
    }
    const unitOf = (username: string) => unitId(people.find((p) => p.username === username)!.unit);
    await seedLibraryDemo(trx, { checker, userId, unitId, unitOf, now });
  });
  return users.length ? logins : null;
}
