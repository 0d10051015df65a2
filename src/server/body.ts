/**
 * Request body parsers with strict UTF-8: a body that is not valid UTF-8 is
 * refused with 400 naming the problem, instead of being decoded with U+FFFD
 * replacement characters (which would silently change what is checked or
 * stored). JSON keeps Fastify's own parser (prototype-poisoning protection).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ApiError } from './errors.js';

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** The body as text, or a 400 when it is not valid UTF-8. */
export function decodeUtf8(body: Buffer): string {
  try {
    return decoder.decode(body);
  } catch {
    throw new ApiError('validation_error', 'Isi permintaan bukan UTF-8 yang valid.', 'Request body is not valid UTF-8.', [
      { path: 'body', message: 'invalid UTF-8 byte sequence' },
    ]);
  }
}

/** Replaces the JSON parser and adds text/csv and text/plain parsers, all decoding UTF-8 strictly. */
export function installBodyParsers(app: FastifyInstance): void {
  const json = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req: FastifyRequest, body: Buffer, done) => {
    let text: string;
    try {
      text = decodeUtf8(body);
    } catch (e) {
      done(e as Error, undefined);
      return;
    }
    json(req, text, done);
  });
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'buffer' }, (_req, body: Buffer, done) => {
    try {
      done(null, decodeUtf8(body));
    } catch (e) {
      done(e as Error, undefined);
    }
  });
}
