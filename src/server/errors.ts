/**
 * The one error format of the API:
 * `{"error": {"code", "message" (Indonesian), "messageEn", "details"?}}`.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodError } from 'zod';

export type ErrorCode =
  | 'validation_error'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'history_disabled'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'rate_limited'
  | 'internal';

const STATUS: Record<ErrorCode, number> = {
  validation_error: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  history_disabled: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
};

const DEFAULT_MESSAGES: Record<ErrorCode, [string, string]> = {
  validation_error: ['Permintaan tidak valid.', 'Invalid request.'],
  unauthenticated: ['Silakan masuk terlebih dahulu.', 'Please log in first.'],
  forbidden: ['Anda tidak berwenang mengakses ini.', 'You are not allowed to access this.'],
  not_found: ['Tidak ditemukan.', 'Not found.'],
  conflict: ['Konflik dengan data yang ada.', 'Conflicts with existing data.'],
  history_disabled: [
    'Riwayat draf tidak aktif. Aktifkan "Simpan riwayat" di pengaturan atau bagikan draf ini ke atasan.',
    'Draft history is off. Turn on "Save history" in settings or share this draft with your supervisor.',
  ],
  payload_too_large: ['Isi permintaan terlalu besar.', 'Request body too large.'],
  unsupported_media_type: ['Jenis konten tidak didukung.', 'Unsupported content type.'],
  rate_limited: ['Terlalu banyak permintaan. Coba lagi nanti.', 'Too many requests. Try again later.'],
  internal: ['Terjadi kesalahan pada server.', 'Internal server error.'],
};

export interface ErrorDetail {
  path: string;
  message: string;
  line?: number;
}

/** An error the API reports in its one format. */
export class ApiError extends Error {
  readonly statusCode: number;
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly messageEn?: string,
    readonly details?: unknown[],
    readonly headers?: Record<string, string>,
  ) {
    super(message ?? DEFAULT_MESSAGES[code][0]);
    this.statusCode = STATUS[code];
  }

  body() {
    const [id, en] = DEFAULT_MESSAGES[this.code];
    return {
      error: {
        code: this.code,
        message: this.message || id,
        messageEn: this.messageEn ?? en,
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}

export const unauthenticated = () => new ApiError('unauthenticated');
export const forbidden = (id?: string, en?: string) => new ApiError('forbidden', id, en);
export const notFound = (id?: string, en?: string) => new ApiError('not_found', id, en);

interface Issue {
  code: string;
  path: PropertyKey[];
  message: string;
  errors?: Issue[][];
  keys?: string[];
}

/** Unknown keys named in an error, at most this many (a body may carry thousands). */
export const MAX_KEYS_SHOWN = 10;
/** A key longer than this is cut in the error message. */
const MAX_KEY_CHARS = 40;

/** "Unrecognized keys: "a", "b" (and 3 more)": each key once, bounded in count and length. */
export function unknownKeysMessage(keys: readonly string[]): string {
  const unique = [...new Set(keys)];
  const shown = unique.slice(0, MAX_KEYS_SHOWN).map((k) => JSON.stringify(k.length > MAX_KEY_CHARS ? `${k.slice(0, MAX_KEY_CHARS)}…` : k));
  const more = unique.length - shown.length;
  return `Unrecognized keys: ${shown.join(', ')}${more > 0 ? ` (and ${more} more)` : ''}`;
}

/** Issues as {path, message}; for a union, the branch that came closest. */
function flattenIssues(issues: Issue[], base: string[]): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  for (const i of issues) {
    const path = [...base, ...i.path.map(String)];
    if (i.code === 'invalid_union' && i.errors?.length) {
      const best = [...i.errors].sort((a, b) => a.length - b.length)[0];
      out.push(...flattenIssues(best, path));
    } else if (i.code === 'unrecognized_keys' && Array.isArray(i.keys)) out.push({ path: path.join('.'), message: unknownKeysMessage(i.keys) });
    else out.push({ path: path.join('.'), message: i.message.length > 300 ? `${i.message.slice(0, 300)}…` : i.message });
  }
  return out;
}

/** A 400 from a zod error; `where` prefixes paths (body, query, params). Each detail once, at most 50. */
export function validationError(err: ZodError, where: string): ApiError {
  const seen = new Set<string>();
  const details = flattenIssues(err.issues as Issue[], [where])
    .filter((d) => {
      const k = `${d.path}\u0000${d.message}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .slice(0, 50);
  const first = details[0];
  return new ApiError(
    'validation_error',
    `Permintaan tidak valid: ${first ? `${first.path}: ${first.message}` : where}`,
    `Invalid request: ${first ? `${first.path}: ${first.message}` : where}`,
    details,
  );
}

export function errorBody(code: ErrorCode) {
  return new ApiError(code).body();
}

/** Installs the error and not-found handlers that keep every failure in the one format. */
export function installErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | ApiError, req: FastifyRequest, reply: FastifyReply) => {
    let e: ApiError;
    if (err instanceof ApiError) e = err;
    else if (err.statusCode === 413 || err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') e = new ApiError('payload_too_large');
    else if (err.statusCode === 415 || err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') e = new ApiError('unsupported_media_type');
    else if (err.statusCode === 429) e = new ApiError('rate_limited');
    else if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.name === 'SyntaxError')
      e = new ApiError('validation_error', 'Isi permintaan bukan JSON yang valid.', 'Request body is not valid JSON.');
    else if (err.validation) e = new ApiError('validation_error', undefined, undefined, [{ path: '', message: err.message }]);
    else if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      const code: ErrorCode =
        err.statusCode === 404 ? 'not_found' : err.statusCode === 403 ? 'forbidden' : err.statusCode === 401 ? 'unauthenticated' : 'validation_error';
      e = new ApiError(code);
    } else {
      req.log.error({ err }, 'unhandled error');
      e = new ApiError('internal');
    }
    if (e.headers) reply.headers(e.headers);
    return reply.status(e.statusCode).send(e.body());
  });
}
