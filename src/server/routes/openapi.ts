/** GET /api/v1/openapi.json: OpenAPI 3.1, generated from the routes' zod schemas. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type RouteSpec, route, routeRegistry } from '../route.js';

function jsonSchema(s: z.ZodType): unknown {
  try {
    const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
    return rest;
  } catch {
    return {};
  }
}

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message', 'messageEn'],
      properties: {
        code: {
          type: 'string',
          enum: [
            'validation_error',
            'unauthenticated',
            'forbidden',
            'not_found',
            'conflict',
            'history_disabled',
            'payload_too_large',
            'rate_limited',
            'internal',
          ],
        },
        message: { type: 'string', description: 'Indonesian' },
        messageEn: { type: 'string', description: 'English' },
        details: { type: 'array', items: {} },
      },
    },
  },
};

const findingSchema = {
  type: 'object',
  required: ['ruleId', 'category', 'severity', 'message', 'field', 'range', 'references', 'suggestions'],
  properties: {
    ruleId: { type: 'string' },
    category: { type: 'string' },
    severity: { type: 'string', enum: ['error', 'warning', 'info'] },
    message: { $ref: '#/components/schemas/Localized' },
    field: { type: 'string', enum: ['text', 'handle', 'displayName', 'bio'] },
    range: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2, description: '[start, end) in UTF-16 code units' },
    references: { type: 'array', items: { type: 'string' } },
    suggestions: { type: 'array', items: { $ref: '#/components/schemas/Localized' } },
    confidence: { type: 'number' },
  },
};

function paramsOf(spec: RouteSpec) {
  const out: unknown[] = [];
  for (const [where, schema] of [
    ['path', spec.params],
    ['query', spec.query],
  ] as const) {
    if (!schema) continue;
    const js = jsonSchema(schema) as { properties?: Record<string, unknown>; required?: string[] };
    for (const [name, s] of Object.entries(js.properties ?? {})) {
      out.push({ name, in: where, required: where === 'path' || (js.required ?? []).includes(name), schema: s });
    }
  }
  return out;
}

export function buildOpenApi() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routeRegistry) {
    const path = spec.fullUrl.replace(/:([A-Za-z]+)/g, '{$1}');
    const auth = spec.access === 'public' ? [] : [{ cookieSession: [] }];
    const op: Record<string, unknown> = {
      summary: spec.summary,
      tags: [spec.tag],
      security: auth,
      'x-bijak-access': spec.access === 'public' || spec.access === 'user' || spec.access === 'superadmin' ? spec.access : [...spec.access],
      parameters: paramsOf(spec),
      responses: {
        [String(spec.status ?? 200)]: { description: spec.response ?? 'OK', content: { 'application/json': { schema: {} } } },
        '4XX': { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
    if (spec.body) {
      op.requestBody = { required: true, content: { [spec.contentType ?? 'application/json']: { schema: jsonSchema(spec.body) } } };
    }
    if (spec.method !== 'GET' && spec.access !== 'public' && spec.csrf !== false) {
      (op.parameters as unknown[]).push({
        name: 'x-csrf-token',
        in: 'header',
        required: true,
        schema: { type: 'string' },
        description: 'csrfToken from login or /auth/me',
      });
    }
    paths[path] ??= {};
    paths[path][spec.method.toLowerCase()] = op;
  }
  paths['/healthz'] = {
    get: { summary: 'Health', tags: ['public'], security: [], responses: { '200': { description: '{status: "ok", db: "sqlite"|"postgres"}' } } },
  };
  return {
    openapi: '3.1.0',
    info: { title: 'Bijak API', version: '1.0.0', description: 'Bijak Bermedsos: checker and workspace API. Human summary: docs/api.md.' },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: { cookieSession: { type: 'apiKey', in: 'cookie', name: 'bijak_session' } },
      schemas: {
        Error: errorSchema,
        Localized: { type: 'object', required: ['id', 'en'], properties: { id: { type: 'string' }, en: { type: 'string' } } },
        Finding: findingSchema,
      },
    },
    paths,
  };
}

export async function openapiRoutes(app: FastifyInstance): Promise<void> {
  let doc: unknown = null;
  route(app, { method: 'GET', url: '/openapi.json', summary: 'This document', tag: 'public', access: 'public' }, () => {
    doc ??= buildOpenApi();
    return doc;
  });
}
