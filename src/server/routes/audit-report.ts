/**
 * Stored footprint-audit reports: one report (optionally without its posts), pages and counts of the flagged
 * posts, the CSV export, and sharing the summary with the supervisor.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { flaggedCsv } from '../../audit/index.js';
import type { AuditContext } from '../audit/context.js';
import { SAFE_NAME } from '../audit/options.js';
import { countRows, listItem, parseStored } from '../audit/reports.js';
import { allRows, groupInMemory, groupRows, groupsQuery, hasRows, pageInMemory, pageRows, postsQuery } from '../audit-rows.js';
import { ApiError } from '../errors.js';
import { idParams, route } from '../route.js';

/** `?flagged=none` answers the report without its posts (the web pages them with /posts); `all` (default) includes them. */
const reportQuery = z.object({ flagged: z.enum(['all', 'none']).default('all') }).strict();

export function auditReportRoutes(app: FastifyInstance, ctx: AuditContext): void {
  const db = app.db;

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/me/audits/:id',
      summary: 'One footprint audit with its flagged posts (?flagged=none: summary only; page the posts with /posts)',
      tag: 'audit',
      access: 'user',
      params: idParams,
      query: reportQuery,
    },
    async ({ params, user, query }) => {
      const row = await ctx.ownRow(params.id, user.id);
      const stored = parseStored(row.flagged_json);
      const inRows = Boolean(stored.inRows);
      const counts = {
        storedPosts: inRows ? await countRows(app, row.id, 'posts') : (stored.flagged ?? []).length,
        storedLikes: inRows ? (stored.likesFlagged ?? 0) : (stored.likes?.flagged ?? []).length,
      };
      const want = query.flagged === 'all';
      return {
        ...listItem(row),
        ...counts,
        flagged: want ? (inRows ? await allRows(db, row.id, 'posts') : (stored.flagged ?? [])) : [],
        likes: {
          scanned: stored.likes?.scanned ?? 0,
          flagged: want ? (inRows ? await allRows(db, row.id, 'likes') : (stored.likes?.flagged ?? [])) : [],
        },
        truncated: Boolean(stored.truncated),
        warnings: stored.warnings ?? [],
      };
    },
  );

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/me/audits/:id/posts',
      summary: 'A page of the flagged posts (?list, offset, limit ≤ 200, category, severity, from, to, q, sort=severity|newest|oldest)',
      tag: 'audit',
      access: 'user',
      params: idParams,
      query: postsQuery,
      response: '{total, offset, limit, items: FlaggedPost[]}',
    },
    async ({ params, user, query }) => {
      const row = await ctx.ownRow(params.id, user.id);
      const stored = parseStored(row.flagged_json);
      if (stored.inRows || (await hasRows(db, row.id))) return pageRows(db, row.id, query);
      return pageInMemory(query.list === 'likes' ? (stored.likes?.flagged ?? []) : (stored.flagged ?? []), query);
    },
  );

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/me/audits/:id/groups',
      summary: 'Flagged posts counted by year, month or category (?by; the filters of /posts)',
      tag: 'audit',
      access: 'user',
      params: idParams,
      query: groupsQuery,
      response: '[{key, count}] (years and months newest first, "unknown" for undated; categories most first)',
    },
    async ({ params, user, query }) => {
      const row = await ctx.ownRow(params.id, user.id);
      const stored = parseStored(row.flagged_json);
      if (stored.inRows || (await hasRows(db, row.id))) return groupRows(db, row.id, query);
      return groupInMemory(query.list === 'likes' ? (stored.likes?.flagged ?? []) : (stored.flagged ?? []), query);
    },
  );

  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/me/audits/:id/report.csv',
      summary: 'CSV of the flagged posts',
      tag: 'audit',
      access: 'user',
      params: idParams,
      response: 'text/csv',
    },
    async ({ params, user, reply }) => {
      const row = await ctx.ownRow(params.id, user.id);
      const stored = parseStored(row.flagged_json);
      const posts = stored.inRows
        ? [...(await allRows(db, row.id, 'posts')), ...(await allRows(db, row.id, 'likes'))]
        : [...(stored.flagged ?? []), ...(stored.likes?.flagged ?? [])];
      const csv = `\ufeff${[...flaggedCsv(posts)].join('')}`;
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="jejak-digital-${row.id.replace(SAFE_NAME, '')}.csv"`)
        .header('cache-control', 'private, no-store');
      return csv;
    },
  );

  route(
    app,
    {
      method: 'POST',
      url: '/api/v1/me/audits/:id/share',
      summary: 'Share (or stop sharing) the summary, not the posts, with the supervisor',
      tag: 'audit',
      access: 'user',
      params: idParams,
      body: z.object({ share: z.boolean() }).strict(),
    },
    async ({ params, user, body }) => {
      const row = await ctx.ownRow(params.id, user.id);
      if (row.status !== 'done' && body.share)
        throw new ApiError('conflict', 'Hanya audit yang selesai yang dapat dibagikan.', 'Only a finished audit can be shared.');
      await db
        .updateTable('audit_reports')
        .set({ shared: body.share ? 1 : 0 })
        .where('id', '=', row.id)
        .where('user_id', '=', user.id)
        .execute();
      await app.audit({ actor: user, action: body.share ? 'audit.share' : 'audit.unshare', subjectUserId: user.id, detail: { auditId: row.id } });
      return { ok: true, shared: body.share };
    },
  );
}
