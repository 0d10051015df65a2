/**
 * The official-content library (issue 11, "Kita semua adalah humas"): humas writes items with
 * per-platform variants, every variant is checked, a finding blocks publishing until the text is fixed
 * or a humas user overrides it with a reason (written to the audit log); a second humas user reviews and
 * publishes; items are archived when done. Also POST /summarize ("APBN dalam satu unggahan").
 *
 * app.ts registers `libraryRoutes` and `libraryShareRoutes` (feed, sharing, the public short-link redirect
 * /s/:code, statistics) side by side; route modules do not import each other.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { KB_LIMITS, type KbEntry, VERDICT_LABELS } from '../../core/kb/index.js';
import { MAX_SUMMARY_INPUT, SUMMARY_PLATFORMS, summarize } from '../../core/summarize/index.js';
import type { LibraryItemsTable, LibraryVariantsTable } from '../../db/library-schema.js';
import { ApiError, forbidden, notFound } from '../errors.js';
import { idParams, route } from '../route.js';
import type { SessionUser } from '../types.js';
import { blocking, checkVariant, fingerprint, itemOut, LIBRARY_PLATFORMS, type LibraryPlatform, VARIANT_LIMITS, variantLength } from './library-common.js';

const HUMAS = ['humas', 'admin'] as const;
/** Longest text POST /summarize accepts: about 130 pages, summarised in well under a second (bench/summarize.ts). */
export const SERVER_SUMMARY_CHARS = Math.min(400_000, MAX_SUMMARY_INPUT);

const httpUrl = z
  .string()
  .max(2000)
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === 'https:' || u.protocol === 'http:') && !u.username && !u.password;
    } catch {
      return false;
    }
  }, 'must be an http(s) URL without credentials');
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const variantsSchema = z
  .partialRecord(z.enum(LIBRARY_PLATFORMS), z.string().trim().min(1).max(10_000))
  .refine((v) => Object.keys(v).length <= LIBRARY_PLATFORMS.length);

const itemBody = z
  .object({
    title: z.string().trim().min(3).max(200),
    body: z.string().trim().min(1).max(20_000),
    link: httpUrl,
    imageUrl: httpUrl.nullable().optional(),
    tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
    targetUnitIds: z.array(z.string().min(1).max(100)).max(200).default([]),
    validFrom: day.nullable().optional(),
    validUntil: day.nullable().optional(),
    variants: variantsSchema.default({}),
    origin: z.enum(['manual', 'summary', 'kb']).default('manual'),
  })
  .strict()
  .refine((b) => !b.validFrom || !b.validUntil || b.validFrom <= b.validUntil, { message: 'validFrom must not be after validUntil', path: ['validUntil'] });

/** A KB entry id (the KB allows longer ids than the library's own). */
const kbIdParams = z.object({ id: z.string().min(1).max(KB_LIMITS.idChars) }).strict();

/** Longest title and tag of an item (the bounds of itemBody). */
const MAX_TITLE = 200;
const MAX_TAG = 40;
const MAX_TAGS = 20;

function clip(s: string, max: number): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : `${t.slice(0, max - 1).trimEnd()}…`;
}

/**
 * A draft item prefilled from a fact-check clarification: "[HOAKS] <the claim>" as the title, the
 * clarification as the body, the clarification's URL as the link ('' when the entry has none: the item
 * cannot be submitted until humas adds one), the entry's topics as tags. Variants are left to humas.
 */
export function itemFromKb(entry: KbEntry) {
  const label = VERDICT_LABELS[entry.verdict].id.toUpperCase();
  const tags = [...new Set(entry.topics.map((t) => clip(t, MAX_TAG)).filter(Boolean))].slice(0, MAX_TAGS);
  return {
    title: clip(`[${label}] ${entry.claims[0]}`, MAX_TITLE),
    body: entry.summary.trim(),
    link: entry.source.url ?? '',
    tags,
  };
}

const listQuery = z.object({ status: z.enum(['draft', 'review', 'published', 'archived']).optional() }).strict();
const overrideParams = z.object({ id: z.string().min(1).max(100), platform: z.enum(LIBRARY_PLATFORMS) }).strict();
const overrideBody = z.object({ reason: z.string().trim().min(10).max(1000) }).strict();
const reviewBody = z.object({ approve: z.boolean(), note: z.string().trim().max(1000).default('') }).strict();
const summarizeBody = z
  .object({
    text: z.string().min(1).max(SERVER_SUMMARY_CHARS),
    platform: z.enum(SUMMARY_PLATFORMS).default('x'),
    link: httpUrl.optional(),
    maxParts: z.number().int().min(1).max(25).optional(),
  })
  .strict();

/** Registers the library's items, review and summary routes (under /api/v1; app.ts also registers library-share.ts). */
export async function libraryRoutes(app: FastifyInstance): Promise<void> {
  const db = app.db;

  async function loadItem(id: string) {
    const item = await db.selectFrom('library_items').selectAll().where('id', '=', id).executeTakeFirst();
    if (!item) throw notFound('Konten tidak ditemukan.', 'Item not found.');
    const variants = await db.selectFrom('library_variants').selectAll().where('item_id', '=', id).execute();
    return { item, variants };
  }

  async function names(ids: Array<string | null>): Promise<Map<string, string>> {
    const want = [...new Set(ids.filter((x): x is string => !!x))];
    if (!want.length) return new Map();
    const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', want).execute();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  async function out(id: string) {
    const { item, variants } = await loadItem(id);
    return itemOut(item, variants, await names([item.created_by, item.reviewed_by]));
  }

  /** Length problems of the variants, as validation details naming the field. */
  function lengthProblems(variants: Partial<Record<LibraryPlatform, string>>) {
    const problems: Array<{ path: string; message: string }> = [];
    for (const [p, text] of Object.entries(variants) as Array<[LibraryPlatform, string]>) {
      const len = variantLength(p, text);
      if (len > VARIANT_LIMITS[p])
        problems.push({
          path: `body.variants.${p}`,
          message: `${len} > ${VARIANT_LIMITS[p]}${p === 'x' ? ' (X counts every link as 23 characters; the short link is appended)' : ' (including the short link)'}`,
        });
    }
    if (problems.length)
      throw new ApiError(
        'validation_error',
        `Varian terlalu panjang untuk platformnya: ${problems.map((p) => p.path.split('.').pop()).join(', ')}.`,
        'A variant is longer than its platform allows.',
        problems,
      );
  }

  async function validUnits(ids: string[]) {
    if (!ids.length) return;
    const found = await db.selectFrom('units').select('id').where('id', 'in', ids).execute();
    const known = new Set(found.map((u) => u.id));
    const missing = ids.filter((i) => !known.has(i));
    if (missing.length)
      throw new ApiError(
        'validation_error',
        'Unit sasaran tidak dikenal.',
        'Unknown target unit.',
        missing.map((m) => ({ path: 'body.targetUnitIds', message: `unknown unit ${m}` })),
      );
  }

  /** Writes the variants: checks each text; a changed text loses its override. */
  async function writeVariants(itemId: string, variants: Partial<Record<LibraryPlatform, string>>, existing: Array<Omit<LibraryVariantsTable, 'org_id'>>) {
    const checker = await app.getChecker();
    const now = new Date().toISOString();
    const keep = new Set(Object.keys(variants));
    for (const v of existing)
      if (!keep.has(v.platform)) await db.deleteFrom('library_variants').where('item_id', '=', itemId).where('platform', '=', v.platform).execute();
    for (const [platform, text] of Object.entries(variants) as Array<[LibraryPlatform, string]>) {
      const old = existing.find((v) => v.platform === platform);
      if (old && old.text === text) continue;
      const findings = checkVariant(checker, platform, text);
      const row = { text, findings_json: JSON.stringify(findings), override_reason: null, override_by: null, override_at: null, updated_at: now };
      if (old) await db.updateTable('library_variants').set(row).where('item_id', '=', itemId).where('platform', '=', platform).execute();
      else
        await db
          .insertInto('library_variants')
          .values({ item_id: itemId, platform, ...row })
          .execute();
    }
  }

  /** Re-checks every variant with the active policy; returns the platforms still blocked. */
  async function recheck(itemId: string): Promise<LibraryPlatform[]> {
    const checker = await app.getChecker();
    const variants = await db.selectFrom('library_variants').selectAll().where('item_id', '=', itemId).execute();
    const blocked: LibraryPlatform[] = [];
    for (const v of variants) {
      const findings = checkVariant(checker, v.platform as LibraryPlatform, v.text);
      const prev = JSON.parse(v.findings_json) as typeof findings;
      let override = v.override_reason;
      if (fingerprint(findings) !== fingerprint(prev)) {
        // the policy changed what is found: an override given for other findings no longer applies
        override = null;
        await db
          .updateTable('library_variants')
          .set({ findings_json: JSON.stringify(findings), override_reason: null, override_by: null, override_at: null })
          .where('item_id', '=', itemId)
          .where('platform', '=', v.platform)
          .execute();
      }
      if (blocking(findings).length && !override) blocked.push(v.platform as LibraryPlatform);
    }
    return blocked;
  }

  function blockedError(platforms: LibraryPlatform[]) {
    return new ApiError(
      'conflict',
      `Varian ${platforms.join(', ')} masih memiliki temuan. Perbaiki teksnya atau beri alasan pengecualian.`,
      `Variant ${platforms.join(', ')} still has findings. Fix the text or override with a reason.`,
      platforms.map((p) => ({ path: `variants.${p}`, message: 'blocked by findings' })),
    );
  }

  function requireStatus(item: Omit<LibraryItemsTable, 'org_id'>, allowed: LibraryItemsTable['status'][]) {
    if (!allowed.includes(item.status))
      throw new ApiError('conflict', `Tidak dapat dilakukan pada konten berstatus ${item.status}.`, `Not possible while the item is ${item.status}.`, [
        { path: 'status', message: `is ${item.status}, needs ${allowed.join(' or ')}` },
      ]);
  }

  route(
    app,
    {
      method: 'GET',
      url: '/library/items',
      summary: 'Library items (humas, admin), newest first',
      tag: 'library',
      access: HUMAS,
      query: listQuery,
      response: 'LibraryItem[]',
    },
    async ({ query }) => {
      let q = db.selectFrom('library_items').selectAll().orderBy('updated_at', 'desc').limit(500);
      if (query.status) q = q.where('status', '=', query.status);
      const items = await q.execute();
      const ids = items.map((i) => i.id);
      const variants = ids.length ? await db.selectFrom('library_variants').selectAll().where('item_id', 'in', ids).execute() : [];
      const nm = await names(items.flatMap((i) => [i.created_by, i.reviewed_by]));
      return items.map((i) =>
        itemOut(
          i,
          variants.filter((v) => v.item_id === i.id),
          nm,
        ),
      );
    },
  );

  route(
    app,
    {
      method: 'POST',
      url: '/library/items',
      summary: 'Create a draft item; every variant is checked (findings returned per variant)',
      tag: 'library',
      access: HUMAS,
      body: itemBody,
      status: 201,
      response: 'LibraryItem',
    },
    async ({ user, body }) => {
      lengthProblems(body.variants);
      await validUnits(body.targetUnitIds);
      const id = randomUUID();
      const now = new Date().toISOString();
      await db
        .insertInto('library_items')
        .values({
          id,
          title: body.title,
          body: body.body,
          link: body.link,
          image_url: body.imageUrl ?? null,
          tags_json: JSON.stringify(body.tags),
          target_units_json: JSON.stringify(body.targetUnitIds),
          valid_from: body.validFrom ?? null,
          valid_until: body.validUntil ?? null,
          status: 'draft',
          origin: body.origin,
          created_by: user.id,
          submitted_by: null,
          reviewed_by: null,
          review_note: '',
          published_at: null,
          archived_at: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await writeVariants(id, body.variants, []);
      await app.audit({ actor: user, action: 'library.create', detail: { itemId: id, title: body.title } });
      return out(id);
    },
  );

  route(
    app,
    {
      method: 'POST',
      url: '/library/items/from-kb/:id',
      summary:
        'Create a draft item from a fact-check KB clarification (humas, admin): title from the verdict and claim, body = the clarification, link = its source URL, tags = its topics, origin "kb"',
      tag: 'library',
      access: HUMAS,
      params: kbIdParams,
      status: 201,
      response: 'LibraryItem',
    },
    async ({ user, params }) => {
      const stored = await app.kbStore.get(params.id);
      if (!stored) throw notFound('Entri KB tidak ditemukan.', 'KB entry not found.');
      const fill = itemFromKb(stored.entry);
      const id = randomUUID();
      const now = new Date().toISOString();
      await db
        .insertInto('library_items')
        .values({
          id,
          title: fill.title,
          body: fill.body,
          link: fill.link,
          image_url: null,
          tags_json: JSON.stringify(fill.tags),
          target_units_json: '[]',
          valid_from: null,
          valid_until: null,
          status: 'draft',
          origin: 'kb',
          created_by: user.id,
          submitted_by: null,
          reviewed_by: null,
          review_note: '',
          published_at: null,
          archived_at: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
      // the items table has no column for the source entry: the audit log records which clarification it came from
      await app.audit({ actor: user, action: 'library.create', detail: { itemId: id, title: fill.title, origin: 'kb', kbId: stored.entry.id } });
      return out(id);
    },
  );

  route(
    app,
    {
      method: 'GET',
      url: '/library/units',
      summary: 'Units an item can target (humas, admin)',
      tag: 'library',
      access: HUMAS,
      response: '[{id, code, name, parentId}]',
    },
    async () => {
      const rows = await db.selectFrom('units').select(['id', 'code', 'name', 'parent_id']).orderBy('code').execute();
      return rows.map((u) => ({ id: u.id, code: u.code, name: u.name, parentId: u.parent_id }));
    },
  );

  route(
    app,
    {
      method: 'GET',
      url: '/library/items/:id',
      summary: 'One library item with its variants and findings',
      tag: 'library',
      access: HUMAS,
      params: idParams,
      response: 'LibraryItem',
    },
    async ({ params }) => out(params.id),
  );

  route(
    app,
    {
      method: 'PUT',
      url: '/library/items/:id',
      summary: 'Edit a draft (an item in review goes back to draft); changed variants are re-checked and lose their override',
      tag: 'library',
      access: HUMAS,
      params: idParams,
      body: itemBody,
      response: 'LibraryItem',
    },
    async ({ user, params, body }) => {
      const { item, variants } = await loadItem(params.id);
      requireStatus(item, ['draft', 'review']);
      lengthProblems(body.variants);
      await validUnits(body.targetUnitIds);
      await db
        .updateTable('library_items')
        .set({
          title: body.title,
          body: body.body,
          link: body.link,
          image_url: body.imageUrl ?? null,
          tags_json: JSON.stringify(body.tags),
          target_units_json: JSON.stringify(body.targetUnitIds),
          valid_from: body.validFrom ?? null,
          valid_until: body.validUntil ?? null,
          status: 'draft',
          submitted_by: null,
          updated_at: new Date().toISOString(),
        })
        .where('id', '=', item.id)
        .execute();
      await writeVariants(item.id, body.variants, variants);
      await app.audit({ actor: user, action: 'library.update', detail: { itemId: item.id } });
      return out(item.id);
    },
  );

  route(
    app,
    {
      method: 'POST',
      url: '/library/items/:id/variants/:platform/override',
      summary: 'Allow a variant despite its findings, with a reason (written to the audit log)',
      tag: 'library',
      access: HUMAS,
      params: overrideParams,
      body: overrideBody,
      response: 'LibraryItem',
    },
    async ({ user, params, body }) => {
      const { item, variants } = await loadItem(params.id);
      requireStatus(item, ['draft', 'review']);
      const v = variants.find((x) => x.platform === params.platform);
      if (!v) throw notFound('Varian tidak ada.', 'No such variant.');
      const findings = JSON.parse(v.findings_json);
      if (!blocking(findings).length)
        throw new ApiError('conflict', 'Varian ini tidak memiliki temuan.', 'This variant has no findings to override.', [
          { path: 'platform', message: 'no findings' },
        ]);
      const now = new Date().toISOString();
      await db
        .updateTable('library_variants')
        .set({ override_reason: body.reason, override_by: user.id, override_at: now })
        .where('item_id', '=', item.id)
        .where('platform', '=', params.platform)
        .execute();
      await app.audit({
        actor: user,
        action: 'library.override',
        detail: { itemId: item.id, platform: params.platform, reason: body.reason, rules: blocking(findings).map((f) => f.ruleId) },
      });
      return out(item.id);
    },
  );

  route(
    app,
    {
      method: 'POST',
      url: '/library/items/:id/submit',
      summary: 'Send a draft for review by a second humas user (409 while a variant is blocked)',
      tag: 'library',
      access: HUMAS,
      params: idParams,
      response: 'LibraryItem',
    },
    async ({ user, params }) => {
      const { item, variants } = await loadItem(params.id);
      requireStatus(item, ['draft']);
      if (!item.link)
        throw new ApiError('conflict', 'Isi tautan sumber resmi sebelum mengirim.', 'Add the link to the official source before submitting.', [
          { path: 'link', message: 'empty' },
        ]);
      if (!variants.length)
        throw new ApiError('conflict', 'Tambahkan minimal satu varian platform.', 'Add at least one platform variant.', [
          { path: 'variants', message: 'empty' },
        ]);
      const blocked = await recheck(item.id);
      if (blocked.length) throw blockedError(blocked);
      await db
        .updateTable('library_items')
        .set({ status: 'review', submitted_by: user.id, updated_at: new Date().toISOString() })
        .where('id', '=', item.id)
        .execute();
      await app.audit({ actor: user, action: 'library.submit', detail: { itemId: item.id } });
      return out(item.id);
    },
  );

  route(
    app,
    {
      method: 'POST',
      url: '/library/items/:id/review',
      summary: 'Review by a second humas user: approve publishes, reject returns it to draft (the author cannot review)',
      tag: 'library',
      access: HUMAS,
      params: idParams,
      body: reviewBody,
      response: 'LibraryItem',
    },
    async ({ user, params, body }) => {
      const { item } = await loadItem(params.id);
      requireStatus(item, ['review']);
      if (user.id === item.created_by || user.id === item.submitted_by)
        throw forbidden('Peninjau harus humas lain, bukan penulis atau pengusul.', 'The reviewer must be another humas user, not the author or submitter.');
      const now = new Date().toISOString();
      if (!body.approve) {
        await db
          .updateTable('library_items')
          .set({ status: 'draft', reviewed_by: user.id, review_note: body.note, updated_at: now })
          .where('id', '=', item.id)
          .execute();
        await app.audit({ actor: user, action: 'library.reject', detail: { itemId: item.id, note: body.note } });
        return out(item.id);
      }
      const blocked = await recheck(item.id);
      if (blocked.length) throw blockedError(blocked);
      await db
        .updateTable('library_items')
        .set({ status: 'published', reviewed_by: user.id, review_note: body.note, published_at: now, updated_at: now })
        .where('id', '=', item.id)
        .execute();
      await app.audit({ actor: user, action: 'library.publish', detail: { itemId: item.id } });
      return out(item.id);
    },
  );

  route(
    app,
    {
      method: 'POST',
      url: '/library/items/:id/archive',
      summary: 'Archive an item (it leaves the feed; its short links keep redirecting)',
      tag: 'library',
      access: HUMAS,
      params: idParams,
      response: 'LibraryItem',
    },
    async ({ user, params }) => {
      const { item } = await loadItem(params.id);
      requireStatus(item, ['draft', 'review', 'published']);
      const now = new Date().toISOString();
      await db.updateTable('library_items').set({ status: 'archived', archived_at: now, updated_at: now }).where('id', '=', item.id).execute();
      await app.audit({ actor: user, action: 'library.archive', detail: { itemId: item.id } });
      return out(item.id);
    },
  );

  route(
    app,
    {
      method: 'POST',
      url: '/summarize',
      summary: '"APBN dalam satu unggahan": one post and a numbered thread taken from a long official text, each part checked',
      tag: 'library',
      access: 'user',
      body: summarizeBody,
      bodyLimit: 2 * 1024 * 1024,
      rateLimit: { max: 30, timeWindow: 60_000, keyGenerator: (req: { user: { id: string } | null; ip: string }) => `summarize:${req.user?.id ?? req.ip}` },
      response: '{post, thread: string[], findings: (Finding & {part})[], lengths, limit, platform, sentences}',
    },
    async ({ body }) => {
      const checker = await app.getChecker();
      return summarize(body.text, {
        platform: body.platform,
        link: body.link,
        maxParts: body.maxParts,
        check: (text) => checker.check({ text, platform: body.platform }),
      });
    },
  );
}

export type { SessionUser };
