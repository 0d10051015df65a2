/**
 * Wrong-finding reports from the browser extension. The extension sends one
 * only after the user ticked the consent box that shows the text; admins and
 * humas read them to tune the rules and terms.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CATEGORIES } from '../../core/index.js';
import { route } from '../route.js';

/** Longest text accepted (the extension checks up to 70,000 characters). */
export const MAX_REPORT_TEXT = 70_000;

const reportBody = z
  .object({
    text: z.string().min(1).max(MAX_REPORT_TEXT),
    site: z.string().min(1).max(40),
    ruleId: z.string().min(1).max(100),
    category: z.enum(CATEGORIES),
    range: z.tuple([z.number().int().min(0), z.number().int().min(0)]),
    note: z.string().max(2000).default(''),
  })
  .strict()
  .refine((b) => b.range[0] < b.range[1] && b.range[1] <= b.text.length, { message: 'range must be [start, end) inside text', path: ['range'] });

const listQuery = z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }).strict();

export async function findingReportRoutes(app: FastifyInstance): Promise<void> {
  route(
    app,
    {
      method: 'POST',
      url: '/feedback/findings',
      summary: 'Report a wrong finding (sent by the browser extension with the user’s consent)',
      tag: 'feedback',
      access: 'user',
      body: reportBody,
      status: 201,
      bodyLimit: 512 * 1024,
      response: '{id, createdAt}',
    },
    async ({ user, body }) => {
      const row = {
        id: randomUUID(),
        user_id: user.id,
        created_at: new Date().toISOString(),
        site: body.site,
        rule_id: body.ruleId,
        category: body.category,
        range_start: body.range[0],
        range_end: body.range[1],
        text: body.text,
        note: body.note,
      };
      await app.db.insertInto('finding_reports').values(row).execute();
      return { id: row.id, createdAt: row.created_at };
    },
  );

  route(
    app,
    {
      method: 'GET',
      url: '/admin/finding-reports',
      summary: 'Wrong-finding reports, newest first',
      tag: 'feedback',
      access: ['admin', 'humas'],
      query: listQuery,
      response: '[{id, createdAt, userName, site, ruleId, category, range, text, note}]',
    },
    async ({ query }) => {
      const rows = await app.db
        .selectFrom('finding_reports as r')
        .innerJoin('users as u', 'u.id', 'r.user_id')
        .select(['r.id', 'r.created_at', 'u.name', 'r.site', 'r.rule_id', 'r.category', 'r.range_start', 'r.range_end', 'r.text', 'r.note'])
        .orderBy('r.created_at', 'desc')
        .orderBy('r.id')
        .limit(query.limit)
        .execute();
      return rows.map((r) => ({
        id: r.id,
        createdAt: r.created_at,
        userName: r.name,
        site: r.site,
        ruleId: r.rule_id,
        category: r.category,
        range: [r.range_start, r.range_end],
        text: r.text,
        note: r.note,
      }));
    },
  );
}
