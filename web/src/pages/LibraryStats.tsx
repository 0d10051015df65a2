// Statistics of the official content: humas/admin all units, a supervisor their unit subtree's totals, an employee
// their own figures. Never per person. Charts by day and platform, tables by item and unit, CSV export.
import { useState } from 'preact/hooks';
import { api, qs } from '../api';
import { FiguresChart } from '../components/library-charts';
import { Empty, ErrorBox, Loading, Page, Stat } from '../components/ui';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { type LibraryPlatform, type LibraryStats, PLATFORM_LABEL } from '../library-types';

export function LibraryStatsPage() {
  const { t, fmtDate } = useI18n();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const stats = useLoad((signal) => api.get<LibraryStats>(`/api/v1/library/stats${qs({ from, to })}`, { signal }), [from, to]);
  const s = stats.data;
  return (
    <Page
      title={t('lst.title')}
      intro={s ? t(`lst.intro.${s.scope}`) : undefined}
      actions={
        <a class="button" href={`/api/v1/library/stats.csv${qs({ from, to })}`} download data-testid="stats-csv">
          {t('lst.csv')}
        </a>
      }
    >
      <div class="row filters card">
        <label>
          {t('dash.from')}
          <input type="date" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label>
          {t('dash.to')}
          <input type="date" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        </label>
      </div>
      <ErrorBox error={stats.error} />
      {stats.loading && !s && <Loading />}
      {s && (
        <>
          <div class="stats" data-testid="lib-stats">
            <Stat label={t('lst.shares')} value={s.totals.shares} testId="stat-shares" />
            <Stat label={t('lst.clicks')} value={s.totals.clicks} testId="stat-clicks" />
            <Stat label={t('lst.uniques')} value={s.totals.uniques} />
          </div>
          {s.byDay.length === 0 ? (
            <Empty>{t('lst.empty')}</Empty>
          ) : (
            <div class="two-col">
              <section class="card">
                <h2>{t('lst.byDay')}</h2>
                <FiguresChart rows={s.byDay.map((d) => ({ ...d, label: fmtDate(`${d.day}T00:00:00Z`) }))} label={t('lst.byDay')} testId="chart-day" />
              </section>
              <section class="card">
                <h2>{t('lst.byPlatform')}</h2>
                <FiguresChart
                  rows={s.byPlatform.map((p) => ({ ...p, label: PLATFORM_LABEL[p.platform as LibraryPlatform] ?? p.platform }))}
                  label={t('lst.byPlatform')}
                  testId="chart-platform"
                />
              </section>
            </div>
          )}
          <FiguresTable title={t('lst.byItem')} head={t('lst.item')} rows={s.byItem.map((r) => ({ ...r, label: r.title }))} testId="table-items" />
          {s.scope !== 'own' && (
            <FiguresTable title={t('lst.byUnit')} head={t('lst.unit')} rows={s.byUnit.map((r) => ({ ...r, label: r.name }))} testId="table-units" />
          )}
        </>
      )}
    </Page>
  );
}

function FiguresTable({
  title,
  head,
  rows,
  testId,
}: {
  title: string;
  head: string;
  rows: Array<{ label: string; shares: number; clicks: number; uniques: number }>;
  testId: string;
}) {
  const { t } = useI18n();
  if (!rows.length) return null;
  return (
    <section class="card">
      <h2>{title}</h2>
      <div class="table-wrap">
        <table data-testid={testId}>
          <thead>
            <tr>
              <th scope="col">{head}</th>
              <th scope="col" class="num">
                {t('lst.shares')}
              </th>
              <th scope="col" class="num">
                {t('lst.clicks')}
              </th>
              <th scope="col" class="num">
                {t('lst.uniques')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label}>
                <td>{r.label}</td>
                <td class="num">{r.shares}</td>
                <td class="num">{r.clicks}</td>
                <td class="num">{r.uniques}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
