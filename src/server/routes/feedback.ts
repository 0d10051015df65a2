/**
 * Feedback on findings (issue 8), docs/api.md "Feedback":
 * - a writer dismisses a finding with a reason (`POST /me/dismissals`); humas/admin see the counts per rule;
 * - "Laporkan salah deteksi": a writer reports a wrong finding with a comment and, only with consent, the text
 *   (`POST /me/finding-reports`);
 * - humas/admin review the queue and turn a report into an allow-list entry (a new policy version) or a labelled case
 *   in one click; labelled cases export as JSON lines in the bijak-posts format (../shared/datasets/bijak-posts).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CATEGORIES, type Category, parsePolicy } from '../../core/index.js';
import type { Role } from '../../db/types.js';
import { ApiError, notFound } from '../errors.js';
import { idParams, route } from '../route.js';
import { DISMISS_REASONS, MAX_TEXT, platform } from '../schemas.js';

const reviewers: readonly Role[] = ['humas', 'admin'];
const category = z.enum(CATEGORIES);
const severity = z.enum(['error', 'warning', 'info']);
const localized = z.object({ id: z.string().max(2000), en: z.string().max(2000) }).strict();

/** The reported finding: the fields that identify it (the rest of the finding shape is accepted and dropped). */
const reportedFinding = z.object({
  ruleId: z.string().min(1).max(100),
  category,
  severity,
  field: z.enum(['text', 'handle', 'displayName', 'bio']).default('text'),
  range: z.tuple([z.number().int().min(0), z.number().int().min(0)]).refine(([s, e]) => s < e, 'start < end'),
  message: localized.optional(),
});

export const dismissalBody = z
  .object({
    ruleId: z.string().min(1).max(100),
    category,
    severity,
    reasonCode: z.enum(DISMISS_REASONS),
    reason: z.string().max(500).optional(),
    platform: platform.optional(),
  })
  .strict();

export const findingReportBody = z
  .object({
    source: z.enum(['check', 'audit', 'extension']),
    platform: platform.optional(),
    /** The text; stored only when `consent` is true. */
    text: z.string().max(MAX_TEXT).optional(),
    consent: z.boolean(),
    finding: reportedFinding,
    comment: z.string().max(2000).default(''),
  })
  .strict()
  .refine((b) => !b.text || b.finding.range[1] <= b.text.length, { message: 'finding.range is outside the text', path: ['finding', 'range'] });

const reportQuery = z.object({ status: z.enum(['open', 'allowed', 'labelled', 'rejected', 'all']).default('open') }).strict();
const allowBody = z.object({ phrase: z.string().trim().min(1).max(200).optional() }).strict();
const labelBody = z.object({ expect: z.array(category).max(12).default([]), note: z.string().max(500).optional() }).strict();
const rejectBody = z.object({ note: z.string().max(500).optional() }).strict();

interface ReportRow {
  id: string;
  user_id: string | null;
  reporter_name: string;
  unit_id: string;
  source: string;
  platform: string | null;
  text: string | null;
  finding_json: string;
  comment: string;
  status: string;
  expect_json: string | null;
  resolution: string;
  resolved_by_name: string | null;
  resolved_at: string | null;
  created_at: string;
}

function parse<T>(s: string | null, fallback: T): T {
  if (!s) return fallback;
  try {
    return JSON.parse(s) as T;
  } catch {
    return fallback;
  }
}

function serialize(r: ReportRow, unitName?: string) {
  const finding = parse<z.output<typeof reportedFinding>>(r.finding_json, null as never);
  return {
    id: r.id,
    reporterName: r.reporter_name,
    unitId: r.unit_id,
    unitName: unitName ?? null,
    source: r.source,
    platform: r.platform,
    text: r.text,
    excerpt: r.text && finding ? r.text.slice(finding.range[0], finding.range[1]) : null,
    finding,
    comment: r.comment,
    status: r.status,
    expect: parse<Category[] | null>(r.expect_json, null),
    resolution: r.resolution,
    resolvedBy: r.resolved_by_name,
    resolvedAt: r.resolved_at,
    createdAt: r.created_at,
  };
}

/**
 * One labelled case as a bijak-posts line: `{id, kind: "post", platform, text, expect, note}`. The id is prefixed
 * `fb-` so it never collides with the dataset's writer ids.
 */
export function bijakPostsLine(r: Pick<ReportRow, 'id' | 'platform' | 'text' | 'expect_json' | 'resolution' | 'comment' | 'finding_json'>): string {
  const f = parse<{ ruleId?: string; category?: string } | null>(r.finding_json, null);
  const expect = parse<string[]>(r.expect_json, []);
  const why = r.resolution || r.comment;
  const note = `reported wrong finding ${f?.ruleId ?? '?'} (${f?.category ?? '?'})${why ? `: ${why}` : ''}`;
  return JSON.stringify({ id: `fb-${r.id}`, kind: 'post', platform: r.platform ?? 'other', text: r.text ?? '', expect, note });
}

/** Registers the feedback routes (under /api/v1). */
export async function feedbackRoutes(app: FastifyInstance): Promise<void> {
  const db = app.db;

  route(
    app,
    {
      method: 'POST',
      url: '/me/dismissals',
      summary: 'Dismiss a finding with a reason (counted per rule for humas; the text is not stored)',
      tag: 'feedback',
      access: 'user',
      body: dismissalBody,
      response: '{id}',
    },
    async ({ user, body }) => {
      const id = randomUUID();
      await db
        .insertInto('finding_dismissals')
        .values({
          id,
          user_id: user.id,
          unit_id: user.unitId,
          rule_id: body.ruleId,
          category: body.category,
          severity: body.severity,
          reason_code: body.reasonCode,
          reason: body.reason?.trim() ?? '',
          platform: body.platform ?? null,
          created_at: new Date().toISOString(),
        })
        .execute();
      return { id };
    },
  );

  route(
    app,
    {
      method: 'POST',
      url: '/me/finding-reports',
      summary: 'Report a wrong finding ("Laporkan salah deteksi"); the text is kept only with consent',
      tag: 'feedback',
      access: 'user',
      body: findingReportBody,
      response: 'FindingReport',
      rateLimit: { max: 60, timeWindow: 60_000 },
    },
    async ({ user, body }) => {
      const row: ReportRow = {
        id: randomUUID(),
        user_id: user.id,
        reporter_name: user.name,
        unit_id: user.unitId,
        source: body.source,
        platform: body.platform ?? null,
        text: body.consent && body.text ? body.text : null,
        finding_json: JSON.stringify(body.finding),
        comment: body.comment.trim(),
        status: 'open',
        expect_json: null,
        resolution: '',
        resolved_by_name: null,
        resolved_at: null,
        created_at: new Date().toISOString(),
      };
      await db.insertInto('finding_reports').values(row).execute();
      return serialize(row, user.unitName);
    },
  );

  route(
    app,
    {
      method: 'GET',
      url: '/feedback/reports',
      summary: 'The queue of reported wrong findings (?status=open|allowed|labelled|rejected|all), newest first',
      tag: 'feedback',
      access: reviewers,
      query: reportQuery,
      response: 'FindingReport[]',
    },
    async ({ query }) => {
      let q = db
        .selectFrom('finding_reports')
        .leftJoin('units', 'units.id', 'finding_reports.unit_id')
        .selectAll('finding_reports')
        .select('units.name as unit_name');
      if (query.status !== 'all') q = q.where('finding_reports.status', '=', query.status);
      const rows = await q.orderBy('finding_reports.created_at', 'desc').limit(500).execute();
      return rows.map((r) => serialize(r, r.unit_name ?? undefined));
    },
  );

  route(
    app,
    {
      method: 'GET',
      url: '/feedback/dismissals',
      summary: 'Dismissed findings counted per rule, most dismissed first, with the latest reasons',
      tag: 'feedback',
      access: reviewers,
      response: '[{ruleId, category, count, byReason, recentReasons}]',
    },
    async () => {
      const counts = await db
        .selectFrom('finding_dismissals')
        .select(['rule_id', 'category', 'reason_code', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy(['rule_id', 'category', 'reason_code'])
        .execute();
      const byRule = new Map<string, { ruleId: string; category: string; count: number; byReason: Record<string, number>; recentReasons: string[] }>();
      for (const c of counts) {
        let e = byRule.get(c.rule_id);
        if (!e) byRule.set(c.rule_id, (e = { ruleId: c.rule_id, category: c.category, count: 0, byReason: {}, recentReasons: [] }));
        e.count += Number(c.n);
        e.byReason[c.reason_code] = (e.byReason[c.reason_code] ?? 0) + Number(c.n);
      }
      const recent = await db
        .selectFrom('finding_dismissals')
        .select(['rule_id', 'reason'])
        .where('reason', '!=', '')
        .orderBy('created_at', 'desc')
        .limit(500)
        .execute();
      for (const r of recent) {
        const e = byRule.get(r.rule_id);
        if (e && e.recentReasons.length < 5) e.recentReasons.push(r.reason);
      }
      return [...byRule.values()].sort((a, b) => b.count - a.count || a.ruleId.localeCompare(b.ruleId));
    },
  );

  async function openReport(id: string): Promise<ReportRow> {
    const row = await db.selectFrom('finding_reports').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('Laporan tidak ditemukan.', 'Report not found.');
    if (row.status !== 'open') throw new ApiError('conflict', 'Laporan ini sudah ditangani.', 'This report has already been handled.');
    return row;
  }

  async function resolve(id: string, set: Partial<ReportRow>, by: string): Promise<void> {
    // only an open report changes: two reviewers clicking at once cannot both resolve it
    const r = await db
      .updateTable('finding_reports')
      .set({ ...set, resolved_by_name: by, resolved_at: new Date().toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'open')
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new ApiError('conflict', 'Laporan ini sudah ditangani.', 'This report has already been handled.');
  }

  route(
    app,
    {
      method: 'POST',
      url: '/feedback/reports/:id/allow',
      summary: 'Turn a report into an allow-list entry: saves a new policy version with the phrase (default: the flagged words)',
      tag: 'feedback',
      access: reviewers,
      params: idParams,
      body: allowBody,
      response: '{report, policyVersion, phrase}',
    },
    async ({ params, body, user }) => {
      const row = await openReport(params.id);
      const finding = parse<{ range: [number, number] } | null>(row.finding_json, null);
      const phrase = (body.phrase ?? (row.text && finding ? row.text.slice(finding.range[0], finding.range[1]) : '')).trim();
      if (!phrase)
        throw new ApiError(
          'validation_error',
          'Teks tidak disertakan pelapor; tuliskan frasa yang dikecualikan.',
          'The reporter did not include the text; give the phrase to allow.',
          [{ path: 'body.phrase', message: 'required when the report has no text' }],
        );
      if (phrase.length > 200) throw new ApiError('validation_error', 'Frasa terlalu panjang (maks. 200).', 'Phrase too long (max 200).');
      const at = new Date().toISOString();
      const version = await db.transaction().execute(async (trx) => {
        const latest = await trx.selectFrom('policy_versions').select(['version', 'policy_json']).orderBy('version', 'desc').limit(1).executeTakeFirst();
        const current = latest ? parsePolicy(JSON.parse(latest.policy_json)) : (await app.getPolicy()).policy;
        const allow = current.allow.some((a) => a.toLowerCase() === phrase.toLowerCase()) ? current.allow : [...current.allow, phrase];
        const next = parsePolicy({ ...current, allow });
        const v = (latest ? Number(latest.version) : 0) + 1;
        await trx
          .insertInto('policy_versions')
          .values({
            version: v,
            policy_json: JSON.stringify(next),
            updated_by: user.id,
            updated_by_name: user.name,
            updated_at: at,
            summary: `Pengecualian dari laporan salah deteksi / allow-list entry from a wrong-finding report: "${phrase}"`,
          })
          .execute();
        await trx
          .updateTable('finding_reports')
          .set({ status: 'allowed', resolution: `allow: ${phrase}`, resolved_by_name: user.name, resolved_at: at })
          .where('id', '=', row.id)
          .where('status', '=', 'open')
          .execute();
        return v;
      });
      app.policyStore.invalidate();
      await app.audit({ actor: user, action: 'policy_update', detail: { version, changed: ['allow'], fromReport: row.id } });
      const updated = await db.selectFrom('finding_reports').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
      return { report: serialize(updated), policyVersion: version, phrase };
    },
  );

  route(
    app,
    {
      method: 'POST',
      url: '/feedback/reports/:id/label',
      summary: 'Turn a report into a labelled case (expect: the categories the text really has; [] = clean)',
      tag: 'feedback',
      access: reviewers,
      params: idParams,
      body: labelBody,
      response: 'FindingReport',
    },
    async ({ params, body, user }) => {
      const row = await openReport(params.id);
      if (!row.text)
        throw new ApiError(
          'conflict',
          'Tanpa teks (pelapor tidak memberi izin) laporan ini tidak dapat menjadi kasus berlabel.',
          'Without the text (the reporter did not consent) this report cannot become a labelled case.',
        );
      await resolve(row.id, { status: 'labelled', expect_json: JSON.stringify([...new Set(body.expect)]), resolution: body.note?.trim() ?? '' }, user.name);
      return serialize(await db.selectFrom('finding_reports').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow());
    },
  );

  route(
    app,
    {
      method: 'POST',
      url: '/feedback/reports/:id/reject',
      summary: 'Close a report as not a wrong finding',
      tag: 'feedback',
      access: reviewers,
      params: idParams,
      body: rejectBody,
      response: 'FindingReport',
    },
    async ({ params, body, user }) => {
      const row = await openReport(params.id);
      await resolve(row.id, { status: 'rejected', resolution: body.note?.trim() ?? '' }, user.name);
      return serialize(await db.selectFrom('finding_reports').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow());
    },
  );

  route(
    app,
    {
      method: 'GET',
      url: '/feedback/cases.jsonl',
      summary: 'Labelled cases as JSON lines in the bijak-posts format ({id, kind, platform, text, expect, note})',
      tag: 'feedback',
      access: reviewers,
      response: 'application/x-ndjson',
    },
    async ({ reply }) => {
      const rows = await db.selectFrom('finding_reports').selectAll().where('status', '=', 'labelled').orderBy('created_at').execute();
      reply
        .header('content-type', 'application/x-ndjson; charset=utf-8')
        .header('content-disposition', 'attachment; filename="bijak-feedback-cases.jsonl"')
        .header('cache-control', 'private, no-store');
      return rows
        .filter((r) => r.text)
        .map((r) => `${bijakPostsLine(r)}\n`)
        .join('');
    },
  );
}
