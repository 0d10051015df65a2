/**
 * The fact-check KB over HTTP: anyone logged in searches and reads entries;
 * humas and admin add, edit, retire/restore and import (a file's text in a
 * JSON body, format detected, with the added/merged/rejected report). The
 * checker of every other route matches the active entries (app.getChecker).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { decide, type KbEntry, kbEntrySchema, mergeKb, searchKb, VERDICTS } from '../../core/kb/index.js';
import { idFrom, importText, KB_FORMATS, type KbFormat, KbImportError, MAX_IMPORT_CHARS } from '../../kb/formats.js';
import { ApiError, notFound } from '../errors.js';
import { idParams, route } from '../route.js';

const WRITERS = ['humas', 'admin'] as const;

/** Largest import body (the file's text plus a little JSON). */
export const MAX_KB_IMPORT_BODY = 10 * 1024 * 1024;

const searchQuery = z
  .object({
    q: z.string().trim().min(2).max(2000),
    limit: z.coerce.number().int().min(1).max(50).default(10),
  })
  .strict();

const listQuery = z
  .object({
    status: z.enum(['active', 'retired', 'all']).default('active'),
    topic: z.string().max(60).optional(),
    verdict: z.enum(VERDICTS).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .strict();

/** An entry as sent by the page: the id may be omitted on create (derived from the claim). */
const entryBody = kbEntrySchema.extend({ id: kbEntrySchema.shape.id.optional() });

const importBody = z
  .object({
    name: z.string().trim().min(1).max(200),
    content: z.string().min(1).max(MAX_IMPORT_CHARS),
    format: z.enum(KB_FORMATS).optional(),
    /** Report only, store nothing. */
    dryRun: z.boolean().default(false),
  })
  .strict();

export async function kbRoutes(app: FastifyInstance): Promise<void> {
  const store = app.kbStore;

  route(
    app,
    {
      method: 'GET',
      url: '/kb/search',
      summary: 'Search the fact-check KB in plain words (best first, with the decision the checker would take)',
      tag: 'kb',
      access: 'user',
      query: searchQuery,
      response: '{ hits: [{ entry, status, score, decision: known|similar|none, claim }] }',
    },
    async ({ query }) => {
      const index = await store.index();
      if (!index) return { hits: [] };
      return {
        hits: searchKb(index, query.q, query.limit).map((h) => ({
          entry: h.entry,
          score: Math.round(h.score * 1000) / 1000,
          decision: decide(h, index),
          claim: h.claim,
        })),
      };
    },
  );

  route(
    app,
    {
      method: 'GET',
      url: '/kb/entries',
      summary: 'List KB entries (newest change first)',
      tag: 'kb',
      access: 'user',
      query: listQuery,
      response: '{ total, entries: [{ entry, status, createdAt, updatedAt, updatedBy }] }',
    },
    async ({ query }) => {
      let rows = await store.all();
      if (query.status !== 'all') rows = rows.filter((r) => r.status === query.status);
      if (query.topic) rows = rows.filter((r) => r.entry.topics.includes(query.topic as string));
      if (query.verdict) rows = rows.filter((r) => r.entry.verdict === query.verdict);
      return { total: rows.length, entries: rows.slice(query.offset, query.offset + query.limit) };
    },
  );

  route(app, { method: 'GET', url: '/kb/entries/:id', summary: 'One KB entry', tag: 'kb', access: 'user', params: idParams }, async ({ params }) => {
    const e = await store.get(params.id);
    if (!e) throw notFound('Entri KB tidak ditemukan.', 'KB entry not found.');
    return e;
  });

  route(
    app,
    { method: 'POST', url: '/kb/entries', summary: 'Add a KB entry (humas, admin)', tag: 'kb', access: WRITERS, body: entryBody, status: 201 },
    async ({ body, user }) => {
      const entry: KbEntry = { ...body, id: body.id ?? idFrom('kb', body.claims.join('|')) };
      if (await store.get(entry.id)) throw new ApiError('conflict', `Entri ${entry.id} sudah ada.`, `Entry ${entry.id} already exists.`);
      await store.write([entry], user.name, 'active');
      await app.audit({ actor: user, action: 'kb.add', detail: { id: entry.id } });
      return store.get(entry.id);
    },
  );

  route(
    app,
    { method: 'PUT', url: '/kb/entries/:id', summary: 'Edit a KB entry (humas, admin)', tag: 'kb', access: WRITERS, params: idParams, body: entryBody },
    async ({ params, body, user }) => {
      if (body.id && body.id !== params.id)
        throw new ApiError('validation_error', 'id di isi permintaan berbeda dengan alamat.', 'The id in the body differs from the URL.', [
          { path: 'body.id', message: 'must equal the :id of the URL' },
        ]);
      if (!(await store.get(params.id))) throw notFound('Entri KB tidak ditemukan.', 'KB entry not found.');
      await store.write([{ ...body, id: params.id }], user.name);
      await app.audit({ actor: user, action: 'kb.edit', detail: { id: params.id } });
      return store.get(params.id);
    },
  );

  for (const [verb, status] of [
    ['retire', 'retired'],
    ['restore', 'active'],
  ] as const) {
    route(
      app,
      {
        method: 'POST',
        url: `/kb/entries/:id/${verb}`,
        summary: verb === 'retire' ? 'Retire a KB entry: no longer matched (humas, admin)' : 'Restore a retired KB entry (humas, admin)',
        tag: 'kb',
        access: WRITERS,
        params: idParams,
      },
      async ({ params, user }) => {
        if (!(await store.setStatus(params.id, status, user.name))) throw notFound('Entri KB tidak ditemukan.', 'KB entry not found.');
        await app.audit({ actor: user, action: `kb.${verb}`, detail: { id: params.id } });
        return store.get(params.id);
      },
    );
  }

  route(
    app,
    {
      method: 'POST',
      url: '/kb/import',
      summary: `Import a file into the KB (humas, admin): JSONL, CSV, ClaimReview JSON-LD or HTML, Fact Check Tools JSON, RSS/Atom, Yudistira JSON; ≤ ${MAX_IMPORT_CHARS} characters`,
      tag: 'kb',
      access: WRITERS,
      body: importBody,
      bodyLimit: MAX_KB_IMPORT_BODY,
      response: '{ format, added, merged, rejected, items: [{ origin, status, id?, reason? }] }',
    },
    async ({ body, user }) => {
      let parsed: ReturnType<typeof importText>;
      try {
        parsed = importText(body.content, body.name, body.format as KbFormat | undefined);
      } catch (e) {
        if (e instanceof KbImportError)
          throw new ApiError('validation_error', `Berkas tidak dapat diimpor: ${e.message}`, `The file cannot be imported: ${e.message}`, [
            { path: 'body.content', message: e.message },
          ]);
        throw e;
      }
      const stored = await store.all();
      const { entries, report } = mergeKb(
        stored.map((s) => s.entry),
        parsed.candidates,
      );
      // only the entries the import added or changed are written; retired entries keep their status
      const touched = new Set(report.items.filter((i) => i.status !== 'rejected' && i.id).map((i) => i.id as string));
      const toWrite = entries.filter((e) => touched.has(e.id));
      if (!body.dryRun && toWrite.length > 0) {
        await store.write(toWrite, user.name);
        await app.audit({
          actor: user,
          action: 'kb.import',
          detail: { name: body.name, format: parsed.format, added: report.added, merged: report.merged, rejected: report.rejected },
        });
      }
      return { format: parsed.format, dryRun: body.dryRun, ...report, items: report.items.slice(0, 1000) };
    },
  );
}
