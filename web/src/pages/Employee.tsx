// One employee as their supervisor may see them. Every opening of this page is written to the audit log the employee reads.
import { api } from '../api';
import { ByCategoryChart } from '../components/charts';
import { FindingList, Highlighted } from '../components/findings';
import { Empty, ErrorBox, Loading, Page } from '../components/ui';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import type { EmployeeDetail, Finding } from '../types';

export function EmployeePage({ id }: { id: string }) {
  const { t, fmtDate, fmtDateTime, fmtNum } = useI18n();
  const emp = useLoad((signal) => api.get<EmployeeDetail>(`/api/v1/employees/${encodeURIComponent(id)}`, { signal }), [id]);
  const e = emp.data;
  return (
    <Page title={e ? e.user.name : t('employee.title')}>
      <p class="alert info" role="note">
        {t('employee.logged')}
      </p>
      <p>
        <button type="button" class="small" onClick={() => history.back()}>
          ← {t('common.back')}
        </button>
      </p>
      <ErrorBox error={emp.error} />
      {emp.loading && !e && <Loading />}
      {e && (
        <>
          <p class="muted">
            {e.user.unitName} · {t(`role.${e.user.role}`)} · @{e.user.username}
          </p>
          <section class="card">
            <h2>{t('employee.accounts')}</h2>
            {e.accounts.length === 0 ? (
              <Empty>{t('accounts.none')}</Empty>
            ) : (
              <ul class="accounts">
                {e.accounts.map((a) => (
                  <li key={a.id} class="account">
                    <div class="account-head">
                      <span class="badge plain">{a.platform}</span>
                      <strong>
                        @<Highlighted text={a.handle} findings={a.findings} field="handle" />
                      </strong>
                      <span>{a.displayName}</span>
                      {a.findings.length === 0 && <span class="badge ok">{t('accounts.ok')}</span>}
                    </div>
                    {a.findings.length > 0 && (
                      <FindingList
                        findings={a.findings}
                        source={(f: Finding) => (f.field === 'displayName' ? a.displayName : f.field === 'bio' ? a.bio : a.handle)}
                      />
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section class="card">
            <h2>{t('employee.selfChecks')}</h2>
            {e.selfChecks.length === 0 ? (
              <Empty>{t('selfcheck.noHistory')}</Empty>
            ) : (
              <ul class="plain-list">
                {e.selfChecks.map((s) => (
                  <li key={s.id}>
                    {fmtDateTime(s.createdAt)}: {[s.twoFactor, s.passwordChanged, s.displayNameOk, s.postsReviewed].filter(Boolean).length}/4{' '}
                    {t('employee.itemsOk')}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section class="card">
            <h2>{t('employee.sharedDrafts')}</h2>
            {e.sharedDrafts.length === 0 ? (
              <Empty>{t('dash.noShared')}</Empty>
            ) : (
              <ul class="drafts">
                {e.sharedDrafts.map((d) => (
                  <li key={d.id}>
                    <p class="muted small">
                      {fmtDate(d.createdAt)} · {d.platform}
                    </p>
                    <p class="draft-text">
                      <Highlighted text={d.text} findings={d.findings} />
                    </p>
                    <FindingList findings={d.findings} source={d.text} />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section class="card">
            <h2>{t('employee.sharedAudits')}</h2>
            {e.sharedAudits.length === 0 ? (
              <Empty>{t('employee.noAudits')}</Empty>
            ) : (
              e.sharedAudits.map((s, i) => (
                <div key={i} class="audit-summary">
                  <p>{t('audits.progress', { scanned: fmtNum(s.scanned), flagged: fmtNum(s.flagged) })}</p>
                  <ByCategoryChart counts={s.byCategory} label={t('audits.byCategory')} />
                </div>
              ))
            )}
          </section>
        </>
      )}
    </Page>
  );
}
