// Beranda: the self-check reminder when overdue, counts, and the basic assumptions of the guideline.
import { api } from '../api';
import { ErrorBox, Loading, Page, Stat } from '../components/ui';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { href } from '../router';
import { useSession } from '../session';
import type { Home } from '../types';

export function HomePage() {
  const { t, fmtDate } = useI18n();
  const { user } = useSession();
  const home = useLoad((signal) => api.get<Home>('/api/v1/me/home', { signal }), []);
  const h = home.data;
  return (
    <Page title={t('home.title', { name: user?.name ?? '' })} intro={`${user?.unitName ?? ''}`}>
      <ErrorBox error={home.error} />
      {!h && home.loading && <Loading />}
      {h && (
        <>
          {h.selfCheck.overdue ? (
            <div class="alert warn" role="alert" data-testid="selfcheck-reminder">
              <p>
                <strong>{t('home.overdueTitle')}</strong> {t('home.overdue', { date: fmtDate(h.selfCheck.dueAt) })}
              </p>
              <a class="button primary" href={href('/akun?fokus=cek-mandiri')}>
                {t('home.doSelfCheck')}
              </a>
            </div>
          ) : (
            <div class="alert ok" data-testid="selfcheck-ok">
              <p>{t('home.nextSelfCheck', { date: fmtDate(h.selfCheck.dueAt) })}</p>
            </div>
          )}
          <div class="stats">
            <Stat label={t('home.accounts')} value={h.accounts} />
            <Stat label={t('home.drafts')} value={h.drafts} />
            <Stat label={t('home.sharedFindings')} value={h.sharedFindings} />
            <Stat label={t('home.lastSelfCheck')} value={h.selfCheck.lastAt ? fmtDate(h.selfCheck.lastAt) : t('common.never')} />
          </div>
        </>
      )}
      <div class="tiles">
        <a class="tile" href={href('/cek')}>
          <strong>{t('nav.check')}</strong>
          <span>{t('home.tileCheck')}</span>
        </a>
        <a class="tile" href={href('/akun')}>
          <strong>{t('nav.accounts')}</strong>
          <span>{t('home.tileAccounts')}</span>
        </a>
        <a class="tile" href={href('/jejak')}>
          <strong>{t('nav.audits')}</strong>
          <span>{t('home.tileAudits')}</span>
        </a>
        <a class="tile" href={href('/privasi')}>
          <strong>{t('nav.privacy')}</strong>
          <span>{t('home.tilePrivacy')}</span>
        </a>
      </div>
      <section class="card">
        <h2>{t('home.assumptionsTitle')}</h2>
        <ol>
          <li>{t('home.a1')}</li>
          <li>{t('home.a2')}</li>
          <li>{t('home.a3')}</li>
          <li>{t('home.a4')}</li>
          <li>{t('home.a5')}</li>
        </ol>
      </section>
    </Page>
  );
}
