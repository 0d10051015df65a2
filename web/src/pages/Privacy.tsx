// What my supervisor can see of me, and the log of who looked at it.
import { api } from '../api';
import { Empty, ErrorBox, Loading, Page } from '../components/ui';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { entrySentence } from '../log-text';
import type { Visibility } from '../types';
import { detailText } from './AuditLog';

export function PrivacyPage() {
  const i18n = useI18n();
  const { t, fmtDateTime } = i18n;
  const vis = useLoad((signal) => api.get<Visibility>('/api/v1/me/visibility', { signal }), []);
  const v = vis.data;
  return (
    <Page title={t('privacy.title')} intro={t('privacy.intro')}>
      <ErrorBox error={vis.error} />
      {!v && vis.loading && <Loading />}
      {v && (
        <>
          <section class="card">
            <h2>{t('privacy.canSee')}</h2>
            {v.supervisorCanSee.length ? (
              <ul class="checklist-view">
                {v.supervisorCanSee.map((s) => (
                  <li key={s} lang="id">
                    {s}
                  </li>
                ))}
              </ul>
            ) : (
              <Empty>{t('privacy.nothing')}</Empty>
            )}
            <p class="muted small">{t('privacy.cannotSee')}</p>
          </section>
          <section class="card">
            <h2>{t('privacy.accessLog')}</h2>
            {v.accessLog.length === 0 ? (
              <Empty>{t('privacy.noAccess')}</Empty>
            ) : (
              <div class="table-wrap">
                <table data-testid="access-log">
                  <thead>
                    <tr>
                      <th scope="col">{t('log.at')}</th>
                      <th scope="col">{t('log.actor')}</th>
                      <th scope="col">{t('log.action')}</th>
                      <th scope="col">{t('log.detail')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {v.accessLog.map((e) => (
                      <tr key={e.id}>
                        <td>{fmtDateTime(e.at)}</td>
                        <td>{e.actorName}</td>
                        <td data-testid="access-sentence">{entrySentence(e, i18n)}</td>
                        <td>{detailText(e.detail)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </Page>
  );
}
