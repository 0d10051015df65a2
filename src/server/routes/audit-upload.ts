/** Upload of a platform export for a footprint audit: streamed to a temp folder with a size cap, then queued. */
import { randomUUID } from 'node:crypto';
import { createWriteStream, promises as fsp } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { AUDIT_PLATFORMS, type AuditPlatform, formatBytes } from '../../audit/index.js';
import type { AuditContext } from '../audit/context.js';
import { safeUploadName } from '../audit/options.js';
import { ApiError } from '../errors.js';
import { route } from '../route.js';

const platformField = z.enum(AUDIT_PLATFORMS);

export function auditUploadRoutes(app: FastifyInstance, ctx: AuditContext): void {
  const { maxUpload, uploadRoot } = ctx.settings;

  route(
    app,
    {
      method: 'POST',
      url: '/api/v1/me/audits',
      summary: `Upload a platform export (multipart: archive, platform?); ≤ ${formatBytes(maxUpload)}`,
      tag: 'audit',
      access: 'user',
      status: 202,
      contentType: 'multipart/form-data',
      response: '{id}; the audit runs in the background, the upload is deleted afterwards',
      rateLimit: { max: 30, timeWindow: 60_000 },
    },
    async ({ req, user }) => {
      if (!req.isMultipart())
        throw new ApiError('validation_error', 'Kirim multipart/form-data dengan berkas "archive".', 'Send multipart/form-data with a file field "archive".');
      if ((await ctx.queue.activeFor(user.id)) >= 2)
        throw new ApiError(
          'conflict',
          'Masih ada audit Anda yang berjalan; tunggu sampai selesai.',
          'Audits of yours are still running; wait for them to finish.',
        );
      const id = randomUUID();
      const dir = join(uploadRoot, id);
      await fsp.mkdir(dir, { mode: 0o700 });
      let file: string | null = null;
      let platform: AuditPlatform | undefined;
      try {
        for await (const part of req.parts()) {
          if (part.type === 'field') {
            if (part.fieldname === 'platform' && part.value !== '' && part.value !== undefined) {
              const p = platformField.safeParse(part.value);
              if (!p.success)
                throw new ApiError('validation_error', `Platform tidak dikenal: ${String(part.value)}`, `Unknown platform: ${String(part.value)}`, [
                  { path: 'body.platform', message: `one of ${AUDIT_PLATFORMS.join(', ')}` },
                ]);
              platform = p.data;
            }
            continue;
          }
          if (part.fieldname !== 'archive' || file) {
            part.file.resume();
            continue;
          }
          file = join(dir, safeUploadName(part.filename));
          await pipeline(part.file, createWriteStream(file, { mode: 0o600 }));
          if (part.file.truncated) throw new Error('too large');
        }
      } catch (e) {
        await fsp.rm(dir, { recursive: true, force: true });
        if (e instanceof ApiError) throw e;
        const code = (e as { code?: string })?.code;
        if (code === 'FST_REQ_FILE_TOO_LARGE' || (e as Error)?.message === 'too large')
          throw new ApiError('payload_too_large', `Arsip lebih besar dari ${formatBytes(maxUpload)}.`, `The archive is larger than ${formatBytes(maxUpload)}.`);
        if (code === 'FST_PARTS_LIMIT' || code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT')
          throw new ApiError('validation_error', 'Terlalu banyak bagian dalam unggahan.', 'Too many parts in the upload.');
        throw e;
      }
      if (!file) {
        await fsp.rm(dir, { recursive: true, force: true });
        throw new ApiError('validation_error', 'Berkas "archive" tidak ada.', 'The file field "archive" is missing.', [
          { path: 'body.archive', message: 'required' },
        ]);
      }
      await ctx.queue.enqueue({ id, orgId: user.orgId, userId: user.id, dir, file, platform });
      return { id };
    },
  );
}
