// Admin: the append-only audit log, filterable by user, paged with `before`.
import { useState } from 'preact/hooks';
import { api, qs } from '../api';
import { Empty, ErrorBox, Loading, Page } from '../components/ui';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { entrySentence } from '../log-text';
import type { AuditEntry, User } from '../types';

const PAGE = 50;

/** A short readable form of an entry's free-form detail. */
export function detailText(detail: unknown): string {
  if (detail === null || detail === undefined || detail === '') return '';
  if (typeof detail === 'string') return detail;
  if (typeof detail === 'object')
    return (
      Object.entries(detail as Record<string, unknown>)
        // ids are for machines: the sentence names the people and units (issue 8)
        .filter(([k]) => k !== 'id' && !/Id$/.test(k) && k !== 'unitName')
        .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
        .join(', ')
    );
  return String(detail);
}

export function AuditLogPage() {
  const i18n = useI18n();
  const { t, fmtDateTime } = i18n;
  const users = useLoad((signal) => api.get<User[]>('/api/v1/admin/users', { signal }), []);
  const [userId, setUserId] = useState('');
  const [before, setBefore] = useState<string[]>([]);
  const cursor = before[before.length - 1];
  const log = useLoad((signal) => api.get<AuditEntry[]>(`/api/v1/admin/audit-log${qs({ userId, limit: PAGE, before: cursor })}`, { signal }), [userId, cursor]);
  const entries = log.data ?? [];
  return (
    <Page title={t('log.title')} intro={t('log.intro')}>
      <div class="row filters card">
        <label>
          {t('log.user')}
          <select
            value={userId}
            onChange={(e) => {
              setUserId(e.currentTarget.value);
              setBefore([]);
            }}
          >
            <option value="">{t('common.all')}</option>
            {(users.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.username})
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorBox error={log.error} />
      {log.loading && !log.data && <Loading />}
      {log.data && entries.length === 0 && <Empty>{t('log.none')}</Empty>}
      {entries.length > 0 && (
        <div class="table-wrap card">
          <table data-testid="audit-log">
            <thead>
              <tr>
                <th scope="col">{t('log.at')}</th>
                <th scope="col">{t('log.actor')}</th>
                <th scope="col">{t('log.action')}</th>
                <th scope="col">{t('log.subject')}</th>
                <th scope="col">{t('log.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{fmtDateTime(e.at)}</td>
                  <td>{e.actorName}</td>
                  <td data-testid="log-sentence">{entrySentence(e, i18n)}</td>
                  <td>{e.subjectName ?? (e.subjectUserId ? (users.data?.find((u) => u.id === e.subjectUserId)?.name ?? '—') : '')}</td>
                  <td class="detail">{detailText(e.detail)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div class="row">
        <button type="button" disabled={before.length === 0} onClick={() => setBefore(before.slice(0, -1))}>
          ← {t('log.newer')}
        </button>
        <button type="button" disabled={entries.length < PAGE} onClick={() => setBefore([...before, entries[entries.length - 1].id])}>
          {t('log.older')} →
        </button>
      </div>
    </Page>
  );
}
