/**
 * One way to declare a route: zod schemas for body, query and params (every
 * request is validated, failures become the one error format), the access rule
 * (public, optional, any user, or roles), CSRF for cookie sessions, and an
 * entry in the OpenAPI document generated from the same schemas.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteShorthandOptions } from 'fastify';
import { z } from 'zod';
import type { Role } from '../db/types.js';
import { ApiError, forbidden, unauthenticated, validationError } from './errors.js';
import type { SessionUser } from './types.js';

/** Who may call a route: anyone, any logged-in user, some roles, or a super-admin (organisations). */
export type Access = 'public' | 'user' | 'superadmin' | readonly Role[];

export interface RouteSpec {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  url: string;
  summary: string;
  tag: string;
  access: Access;
  body?: z.ZodType;
  query?: z.ZodType;
  params?: z.ZodType;
  /** Description of the success response for the OpenAPI document. */
  response?: string;
  /** Success status (default 200). */
  status?: number;
  bodyLimit?: number;
  /** Per-route rate-limit options (see @fastify/rate-limit), or false. */
  rateLimit?: Record<string, unknown> | false;
  /** Require the CSRF header for cookie sessions (default: for POST/PUT/DELETE). */
  csrf?: boolean;
  /** Request body is not JSON (e.g. text/csv). */
  contentType?: string;
  /**
   * Set the fixed security headers of API_SECURITY_HEADERS instead of running helmet per request (helmet
   * recomputes its CSP on every response: ~20% of a /check request, ~5% of a node's samples in the soak).
   * Default true: every route declared here answers JSON, CSV or an event stream, never a page; `false` keeps
   * helmet (the pages of the web app are served by @fastify/static with helmet's CSP).
   */
  staticSecurityHeaders?: boolean;
}

/** Security headers of JSON API responses (what helmet sets, with a CSP that allows nothing). */
export const API_SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'SAMEORIGIN',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteContext<B, Q, P> {
  req: FastifyRequest;
  reply: FastifyReply;
  body: B;
  query: Q;
  params: P;
  /** The logged-in user (throws 401 when there is none). */
  readonly user: SessionUser;
}

/** A declared route with its full path (prefix included). */
export interface RegisteredRoute extends RouteSpec {
  fullUrl: string;
}

/** Recorded routes, for the OpenAPI document. */
export const routeRegistry: RegisteredRoute[] = [];

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Throws unless the request carries the session's CSRF token (cookie sessions, state-changing methods). */
export function checkCsrf(req: FastifyRequest): void {
  if (SAFE.has(req.method) || req.authVia !== 'cookie' || !req.csrfToken) return;
  const h = req.headers['x-csrf-token'];
  const got = Array.isArray(h) ? h[0] : h;
  if (!got || !sameToken(got, req.csrfToken)) {
    throw new ApiError(
      'forbidden',
      'Token CSRF tidak ada atau salah. Muat ulang halaman lalu coba lagi.',
      'Missing or wrong CSRF token. Reload the page and try again.',
      [{ path: 'headers.x-csrf-token', message: 'required: the csrfToken returned by login or GET /api/v1/auth/me' }],
    );
  }
}

/** Enforces an access rule on a request (401 / 403). */
export function enforceAccess(req: FastifyRequest, access: Access): void {
  if (access === 'public') return;
  if (!req.user) throw unauthenticated();
  if (access === 'superadmin') {
    if (!req.user.superAdmin) throw forbidden('Hanya super-admin yang dapat mengelola organisasi.', 'Only a super-admin may manage organisations.');
    return;
  }
  if (access !== 'user' && !access.includes(req.user.role)) throw forbidden();
}

function parsePart<S extends z.ZodType | undefined>(schema: S, data: unknown, where: string): Out<S> {
  if (!schema) return undefined as Out<S>;
  const r = schema.safeParse(data ?? (where === 'body' ? undefined : {}));
  if (!r.success) throw validationError(r.error, where);
  return r.data as Out<S>;
}

/** Declares a route. */
export function route<B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, P extends z.ZodType | undefined = undefined>(
  app: FastifyInstance,
  spec: RouteSpec & { body?: B; query?: Q; params?: P },
  handler: (ctx: RouteContext<Out<B>, Out<Q>, Out<P>>) => Promise<unknown> | unknown,
): void {
  const entry: RegisteredRoute = { ...spec, fullUrl: `${app.prefix ?? ''}${spec.url}` };
  const at = routeRegistry.findIndex((r) => r.method === spec.method && r.fullUrl === entry.fullUrl);
  if (at >= 0) routeRegistry[at] = entry;
  else routeRegistry.push(entry);
  const csrf = spec.csrf ?? !SAFE.has(spec.method);
  const staticHeaders = spec.staticSecurityHeaders ?? true;
  const opts: RouteShorthandOptions = {};
  if (spec.bodyLimit) opts.bodyLimit = spec.bodyLimit;
  if (spec.rateLimit !== undefined) opts.config = { rateLimit: spec.rateLimit };
  app.route({
    method: spec.method,
    url: spec.url,
    ...opts,
    ...(staticHeaders ? { helmet: false } : {}),
    handler: async (req, reply) => {
      if (staticHeaders) reply.headers(API_SECURITY_HEADERS);
      enforceAccess(req, spec.access);
      if (csrf) checkCsrf(req);
      const params = parsePart(spec.params, req.params, 'params') as Out<P>;
      const query = parsePart(spec.query, req.query, 'query') as Out<Q>;
      const body = parsePart(spec.body, req.body, 'body') as Out<B>;
      const ctx: RouteContext<Out<B>, Out<Q>, Out<P>> = {
        req,
        reply,
        body,
        query,
        params,
        get user(): SessionUser {
          if (!req.user) throw unauthenticated();
          return req.user;
        },
      };
      const result = await handler(ctx);
      if (spec.status) reply.status(spec.status);
      return result;
    },
  });
}

/** Common param schema for `:id`. */
export const idParams = z.object({ id: z.string().min(1).max(100) }).strict();
