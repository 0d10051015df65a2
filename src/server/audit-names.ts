/**
 * Names for audit-log entries (issue 8): the subject's name and the unit's name, so the access log and the admin log
 * read as sentences ("Budi Santoso melihat rincian Siti Rahmawati, Kanwil DJP Jakarta Selatan") instead of ids.
 * A deleted user or unit keeps its id (the log is append-only and outlives them).
 */
import type { Kysely } from 'kysely';
import type { AuditLogRow, Database } from '../db/types.js';
import * as S from './serialize.js';

export async function namedEntries(db: Kysely<Database>, rows: AuditLogRow[]) {
  const entries = rows.map(S.auditEntry);
  const userIds = [...new Set(entries.flatMap((e) => (e.subjectUserId ? [e.subjectUserId] : [])))];
  const unitIds = [...new Set(entries.flatMap((e) => (typeof e.detail.unitId === 'string' ? [e.detail.unitId] : [])))];
  const users = userIds.length ? await db.selectFrom('users').select(['id', 'name']).where('id', 'in', userIds).execute() : [];
  const units = unitIds.length ? await db.selectFrom('units').select(['id', 'name']).where('id', 'in', unitIds).execute() : [];
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return entries.map((e) => ({
    ...e,
    subjectName: e.subjectUserId ? (userName.get(e.subjectUserId) ?? null) : null,
    unitName:
      typeof e.detail.unitId === 'string' ? (unitName.get(e.detail.unitId) ?? (typeof e.detail.unitName === 'string' ? e.detail.unitName : null)) : null,
  }));
}
