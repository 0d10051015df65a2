// Thin fetch wrapper for /api/v1: JSON in and out, the CSRF header on every state-changing request,
// and one error class carrying the server's bilingual error body (docs/api.md "Conventions").
import type { Locale } from './types';

let csrfToken = '';

/** Remembers the double-submit token returned by login and /auth/me. */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

export function getCsrfToken(): string {
  return csrfToken;
}

export interface ErrorDetail {
  path?: string;
  message?: string;
  line?: number;
  [key: string]: unknown;
}

/** A failed API call: `code` is the contract's error code, `status` the HTTP status. */
export class ApiError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly messageEn: string,
    public readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message in the reader's language. */
  localized(locale: Locale): string {
    return locale === 'en' && this.messageEn ? this.messageEn : this.message;
  }
}

/** Listeners told when any call answers 401 (the session ended). */
const unauthenticatedListeners = new Set<() => void>();
export function onUnauthenticated(fn: () => void): () => void {
  unauthenticatedListeners.add(fn);
  return () => unauthenticatedListeners.delete(fn);
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Raw body (e.g. CSV text or FormData) instead of JSON. */
  raw?: BodyInit;
  contentType?: string;
  /** Do not notify the 401 listeners (used by the initial /auth/me probe). */
  quiet401?: boolean;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function request<T>(method: string, path: string, body?: unknown, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: BodyInit | undefined;
  if (opts.raw !== undefined) {
    payload = opts.raw;
    if (opts.contentType) headers['content-type'] = opts.contentType;
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers['content-type'] = 'application/json';
  }
  if (!SAFE.has(method) && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, { method, headers, body: payload, credentials: 'same-origin', signal: opts.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, 'network', 'Tidak dapat menghubungi server.', 'Cannot reach the server.');
  }
  const text = await res.text();
  let data: unknown = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  if (!res.ok) {
    const err = (data as { error?: { code?: string; message?: string; messageEn?: string; details?: ErrorDetail[] } } | null)?.error;
    if (res.status === 401 && !opts.quiet401) for (const fn of unauthenticatedListeners) fn();
    throw new ApiError(
      res.status,
      err?.code ?? `http_${res.status}`,
      err?.message ?? `Permintaan gagal (HTTP ${res.status}).`,
      err?.messageEn ?? `Request failed (HTTP ${res.status}).`,
      Array.isArray(err?.details) ? err.details : [],
    );
  }
  return data as T;
}

export const api = {
  get: <T>(path: string, opts?: RequestOptions) => request<T>('GET', path, undefined, opts),
  post: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('POST', path, body ?? {}, opts),
  put: <T>(path: string, body?: unknown, opts?: RequestOptions) => request<T>('PUT', path, body ?? {}, opts),
  del: <T>(path: string, opts?: RequestOptions) => request<T>('DELETE', path, undefined, opts),
};

/** Builds a query string from the defined values. */
export function qs(params: Record<string, string | number | undefined | null>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}
