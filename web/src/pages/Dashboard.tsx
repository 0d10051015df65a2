// Dasbor unit (atasan; admin sees all units): the unit and its sub-units only, aggregate figures, charts, shared findings.

import { useState } from 'preact/hooks';
import { api, qs } from '../api';
import { ByCategoryChart, MonthlyByCategoryChart } from '../components/charts';
import { DateInput } from '../components/date-input';
import { Empty, ErrorBox, Loading, Page, SeverityBadge, Stat } from '../components/ui';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { href, navigate } from '../router';
import { useSession } from '../session';
import type { Dashboard, EmployeeRow, Unit } from '../types';

export function DashboardPage({ unitId }: { unitId: string }) {
  const { t, catLabel, fmtDate, fmtNum } = useI18n();
  const { user } = useSession();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const dash = useLoad(
    (signal) => api.get<Dashboard>(`/api/v1/units/${encodeURIComponent(unitId)}/dashboard${qs({ from, to })}`, { signal }),
    [unitId, from, to],
  );
  const employees = useLoad((signal) => api.get<EmployeeRow[]>(`/api/v1/units/${encodeURIComponent(unitId)}/employees`, { signal }), [unitId]);
  // Admins may look at any unit: offer the full list to pick from.
  const allUnits = useLoad(
    (signal) => (user?.role === 'admin' ? api.get<Unit[]>('/api/v1/admin/units', { signal }) : Promise.resolve([] as Unit[])),
    [user?.role],
  );
  const d = dash.data;
  const total = d ? Object.values(d.findingsByCategory).reduce((s, n) => s + (n ?? 0), 0) : 0;

  return (
    <Page title={d ? t('dash.title', { unit: d.unit.name }) : t('nav.dashboard')} intro={t('dash.intro')}>
      <div class="row filters card">
        {user?.role === 'admin' && (allUnits.data?.length ?? 0) > 0 && (
          <label>
            {t('dash.unit')}
            <select value={unitId} onChange={(e) => navigate(`/dasbor/${encodeURIComponent(e.currentTarget.value)}`)}>
              {allUnits.data?.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.code} · {u.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <DateInput label={t('dash.from')} value={from} onChange={setFrom} testId="dash-from" />
        <DateInput label={t('dash.to')} value={to} onChange={setTo} testId="dash-to" />
      </div>
      <ErrorBox error={dash.error} />
      {dash.loading && !d && <Loading />}
      {d && (
        <>
          {(d.unit.id !== user?.unitId || d.subunits.length > 0) && (
            <nav class="subunits" aria-label={t('dash.subunits')}>
              {d.unit.id !== user?.unitId && (
                <a href={href(`/dasbor/${encodeURIComponent(user?.unitId ?? '')}`)} class="button small">
                  ↑ {t('dash.myUnit')}
                </a>
              )}
              {d.subunits.length > 0 && <span class="muted">{t('dash.subunits')}:</span>}
              {d.subunits.map((u) => (
                <a key={u.id} href={href(`/dasbor/${encodeURIComponent(u.id)}`)} class="chip">
                  {u.name}
                </a>
              ))}
            </nav>
          )}
          <div class="stats" data-testid="dash-stats">
            <Stat label={t('dash.employees')} value={d.employees} />
            <Stat label={t('dash.accounts')} value={d.accountsRegistered} />
            <Stat label={t('dash.overdue')} value={d.selfChecksOverdue} tone={d.selfChecksOverdue > 0 ? 'warn' : 'ok'} />
            <Stat label={t('dash.findings')} value={total} />
          </div>
          <div class="two-col">
            <section class="card">
              <h2>{t('dash.overTime')}</h2>
              {d.findingsOverTime.length ? (
                <MonthlyByCategoryChart rows={d.findingsOverTime} label={t('dash.overTime')} testId="chart-time" />
              ) : (
                <Empty>{t('dash.noFindings')}</Empty>
              )}
            </section>
            <section class="card">
              <h2>{t('dash.byCategory')}</h2>
              {total ? (
                <ByCategoryChart counts={d.findingsByCategory} label={t('dash.byCategory')} testId="chart-category" />
              ) : (
                <Empty>{t('dash.noFindings')}</Empty>
              )}
            </section>
          </div>
          <section class="card">
            <h2>{t('dash.employeesTitle')}</h2>
            <p class="muted small">{t('dash.employeesHelp')}</p>
            <ErrorBox error={employees.error} />
            {employees.data && employees.data.length === 0 && <Empty>{t('dash.noEmployees')}</Empty>}
            {employees.data && employees.data.length > 0 && (
              <div class="table-wrap">
                <table data-testid="employees" class="stack">
                  <thead>
                    <tr>
                      <th scope="col">{t('dash.name')}</th>
                      <th scope="col">{t('dash.unit')}</th>
                      <th scope="col" class="num">
                        {t('dash.accounts')}
                      </th>
                      <th scope="col">{t('dash.selfCheck')}</th>
                      <th scope="col" class="num">
                        {t('dash.shared')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {employees.data.map((e) => (
                      <tr key={e.id}>
                        <td data-label={t('dash.name')}>
                          <a href={href(`/pegawai/${encodeURIComponent(e.id)}`)}>{e.name}</a>
                        </td>
                        <td data-label={t('dash.unit')}>{e.unitName}</td>
                        <td class="num" data-label={t('dash.accounts')}>
                          {fmtNum(e.accounts)}
                        </td>
                        <td data-label={t('dash.selfCheck')}>
                          {e.selfCheckOverdue ? <span class="badge sev-warning">{t('dash.isOverdue')}</span> : <span class="badge ok">{t('dash.onTime')}</span>}
                        </td>
                        <td class="num" data-label={t('dash.shared')}>
                          {fmtNum(e.sharedFindings)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
          <section class="card">
            <h2>{t('dash.sharedTitle')}</h2>
            <p class="muted small">{t('dash.sharedHelp')}</p>
            {d.sharedFindings.length === 0 ? (
              <Empty>{t('dash.noShared')}</Empty>
            ) : (
              <div class="table-wrap">
                <table class="stack" data-testid="shared-drafts">
                  <thead>
                    <tr>
                      <th scope="col">{t('log.at')}</th>
                      <th scope="col">{t('dash.name')}</th>
                      <th scope="col">{t('dash.findingsOfDraft')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {/* one row per shared draft with all its findings, not one row per finding (issue 8) */}
                    {groupByDraft(d.sharedFindings).map((g) => (
                      <tr key={g.draftId} data-testid="shared-draft">
                        <td data-label={t('log.at')}>{fmtDate(g.createdAt)}</td>
                        <td data-label={t('dash.name')}>
                          <a href={href(`/pegawai/${encodeURIComponent(g.userId)}`)}>{g.userName}</a>
                        </td>
                        <td data-label={t('dash.findingsOfDraft')}>
                          <ul class="plain-list">
                            {g.items.map((s) => (
                              <li key={`${s.category}-${s.excerpt}`}>
                                <SeverityBadge severity={s.severity} /> {catLabel(s.category)}: <q>{s.excerpt}</q>
                              </li>
                            ))}
                          </ul>
                        </td>
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

/** Shared findings grouped by draft, in the order the drafts first appear. */
export function groupByDraft<T extends { draftId: string; userId: string; userName: string; createdAt: string }>(
  rows: T[],
): Array<{ draftId: string; userId: string; userName: string; createdAt: string; items: T[] }> {
  const out = new Map<string, { draftId: string; userId: string; userName: string; createdAt: string; items: T[] }>();
  for (const r of rows) {
    let g = out.get(r.draftId);
    if (!g) out.set(r.draftId, (g = { draftId: r.draftId, userId: r.userId, userName: r.userName, createdAt: r.createdAt, items: [] }));
    g.items.push(r);
  }
  return [...out.values()];
}
