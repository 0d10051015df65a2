// PLACEHOLDER owned by the footprint-audit work (issue 5): will register the /api/v1/me/audits routes of docs/api.md.
import type { FastifyInstance } from 'fastify';

/** Registers the footprint-audit routes (not yet implemented). */
export async function auditRoutes(_app: FastifyInstance): Promise<void> {}
