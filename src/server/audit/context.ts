/** What the audit route modules share: the resolved settings, the queue, and the owner's row lookup. */
import type { FastifyInstance } from 'fastify';
import type { AuditSettings } from './options.js';
import type { AuditQueue } from './queue.js';
import { ownRow } from './reports.js';

export interface AuditContext {
  settings: AuditSettings;
  queue: AuditQueue;
  /** The user's own report row (404 otherwise); marks a long-interrupted row failed. */
  ownRow(id: string, userId: string): ReturnType<typeof ownRow>;
}

export function auditContext(app: FastifyInstance, settings: AuditSettings, queue: AuditQueue): AuditContext {
  return { settings, queue, ownRow: (id, userId) => ownRow(app, id, userId, (x) => queue.isActive(x)) };
}
