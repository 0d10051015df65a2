// Audit-log entries as sentences in the reader's language, with the names of people and units (issue 8), instead of
// raw action ids and UUIDs.
import type { I18n } from './i18n';
import type { AuditEntry } from './types';

/** "Budi Santoso melihat rincian pegawai Siti Rahmawati (Kanwil DJP Jakarta Selatan)". */
export function entrySentence(e: AuditEntry, i18n: Pick<I18n, 'tx'>): string {
  const d = (e.detail ?? {}) as Record<string, unknown>;
  const vars: Record<string, string | number> = {
    actor: e.actorName,
    subject: e.subjectName ?? i18n.tx('log.someone', 'someone'),
    unit: e.unitName ?? (typeof d.code === 'string' ? d.code : i18n.tx('log.aUnit', 'a unit')),
    version: typeof d.version === 'number' ? d.version : '?',
    username: typeof d.username === 'string' ? d.username : '',
    n: Array.isArray(d.changed) ? d.changed.join(', ') : '',
  };
  const action = i18n.tx(`action.${e.action}`, e.action);
  return i18n.tx(`sentence.${e.action}`, `${e.actorName} ${action}`, vars);
}
