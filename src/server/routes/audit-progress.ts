/** Progress of a footprint audit as server-sent events: progress, then done or error. */
import type { FastifyInstance } from 'fastify';
import type { AuditContext } from '../audit/context.js';
import type { JobListener } from '../audit/queue.js';
import { parseJson } from '../audit/reports.js';
import { idParams, route } from '../route.js';

export function auditProgressRoutes(app: FastifyInstance, ctx: AuditContext): void {
  route(
    app,
    {
      method: 'GET',
      url: '/api/v1/me/audits/:id/events',
      summary: 'Progress of an audit (text/event-stream: progress, then done or error)',
      tag: 'audit',
      access: 'user',
      params: idParams,
      response: 'text/event-stream',
      rateLimit: false,
    },
    async ({ params, user, reply, req }) => {
      let row = await ctx.ownRow(params.id, user.id);
      const job = await ctx.queue.watch(params.id);
      // finished while we looked (the row is written before the job leaves the queue): answer from the stored row
      if (!job && (row.status === 'queued' || row.status === 'running')) row = await ctx.ownRow(params.id, user.id);
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-store, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-content-type-options': 'nosniff',
      });
      const send = (event: string, data: unknown) => raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      raw.write('retry: 3000\n\n');
      if (!job) {
        if (row.status === 'done') send('done', { summary: parseJson(row.summary_json, null) });
        else if (row.status === 'error') {
          const [message, messageEn] = (row.error ?? '').split(' / ');
          send('error', { message: message || 'Audit gagal.', messageEn: messageEn ?? 'The audit failed.' });
        } else send('error', { message: 'Audit tidak berjalan di server ini.', messageEn: 'The audit is not running on this server.' });
        raw.end();
        return;
      }
      const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), 15_000);
      const listener: JobListener = (event, data) => {
        send(event, data);
        if (event === 'done' || event === 'error') close();
      };
      let unsubscribe = () => {};
      const close = () => {
        clearInterval(keepAlive);
        unsubscribe();
        if (!raw.writableEnded) raw.end();
      };
      unsubscribe = job.subscribe(listener);
      req.raw.on('close', close);
      send('progress', job.progress);
    },
  );
}
