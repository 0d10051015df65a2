// Jejak digital (footprint audit): upload a platform archive, follow progress live (SSE), read the report.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AUDIT_PLATFORMS, PLATFORM_INFO, SEVERITIES } from '../../../src/core/contract';
import { ApiError, api, qs } from '../api';
import { ByCategoryChart, MonthlyByCategoryChart, monthRows } from '../components/charts';
import { DateInput } from '../components/date-input';
import { FindingFeedback } from '../components/feedback';
import { FindingList, Highlighted } from '../components/findings';
import { Empty, ErrorBox, Loading, Page, Stat } from '../components/ui';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { href, navigate } from '../router';
import { type AuditReport, type AuditSummary, CATEGORIES, type Category, type FlaggedPost, type Severity } from '../types';

interface Progress {
  scanned: number;
  flagged: number;
  rate?: number;
  /** Share of the archive read, when the server knows it. */
  percent?: number | null;
  /** Seconds left, estimated. */
  eta?: number | null;
}

export function AuditsPage() {
  const { t, tx, fmtDateTime, fmtNum } = useI18n();
  const list = useLoad((signal) => api.get<AuditReport[]>('/api/v1/me/audits', { signal }), []);
  const [file, setFile] = useState<File | null>(null);
  const [platform, setPlatform] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [uploading, setUploading] = useState(false);
  const [running, setRunning] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [finished, setFinished] = useState<AuditSummary | null>(null);
  const source = useRef<EventSource | null>(null);

  useEffect(() => () => source.current?.close(), []);

  const follow = (id: string) => {
    source.current?.close();
    setRunning(id);
    setProgress({ scanned: 0, flagged: 0 });
    setFinished(null);
    const es = new EventSource(`/api/v1/me/audits/${encodeURIComponent(id)}/events`);
    source.current = es;
    es.addEventListener('progress', (ev) => setProgress(JSON.parse((ev as MessageEvent).data)));
    es.addEventListener('done', (ev) => {
      const data = JSON.parse((ev as MessageEvent).data);
      setFinished(data.summary ?? data);
      es.close();
      list.reload();
    });
    // A server-sent `error` event carries data; a connection error does not.
    es.addEventListener('error', (ev) => {
      const data = (ev as MessageEvent).data;
      if (data) {
        const body = JSON.parse(data);
        const msg = body.message ?? String(data);
        setError(new ApiError(0, 'audit_failed', msg, body.messageEn ?? msg));
        es.close();
        setRunning(null);
        list.reload();
      } else if (es.readyState === EventSource.CLOSED) {
        setRunning(null);
      }
    });
  };

  const upload = async (e: Event) => {
    e.preventDefault();
    if (!file) return;
    setUploading(true);
    setError(null);
    const fd = new FormData();
    if (platform) fd.append('platform', platform);
    fd.append('archive', file);
    try {
      const r = await api.post<{ id: string }>('/api/v1/me/audits', undefined, { raw: fd });
      follow(r.id);
      list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setUploading(false);
    }
  };

  return (
    <Page title={t('audits.title')} intro={t('audits.intro')}>
      <div class="two-col">
        <section class="card">
          <h2>{t('audits.uploadTitle')}</h2>
          <form class="stack" onSubmit={upload} data-testid="audit-upload">
            <label>
              {t('audits.file')}
              <input
                type="file"
                name="archive"
                accept=".zip,.json,.csv,application/zip,application/json,text/csv"
                required
                onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
              />
            </label>
            <label>
              {t('audits.platform')}
              <select value={platform} onChange={(e) => setPlatform(e.currentTarget.value)}>
                <option value="">{t('audits.autoDetect')}</option>
                {/* only the platforms whose exports the audit reads (core contract), so the server never refuses the choice */}
                {AUDIT_PLATFORMS.map((id) => (
                  <option key={id} value={id}>
                    {PLATFORM_INFO.find((p) => p.id === id)?.label ?? id}
                  </option>
                ))}
              </select>
            </label>
            <p class="muted small">{t('audits.privacy')}</p>
            <ErrorBox error={error} />
            <button type="submit" class="primary" disabled={!file || uploading || (running !== null && !finished)}>
              {uploading ? t('audits.uploading') : t('audits.start')}
            </button>
          </form>
          <div aria-live="polite" data-testid="audit-progress">
            {running && progress && !finished && (
              <div class="progress-box">
                <p>
                  <strong>{t('audits.running')}</strong> {t('audits.progress', { scanned: fmtNum(progress.scanned), flagged: fmtNum(progress.flagged) })}
                  {progress.rate ? ` · ${t('audits.rate', { rate: fmtNum(Math.round(progress.rate)) })}` : ''}
                  {progress.eta ? ` · ${t('audits.eta', { s: progress.eta })}` : ''}
                </p>
                {typeof progress.percent === 'number' ? (
                  <progress aria-label={t('audits.running')} max={100} value={progress.percent}>
                    {progress.percent}%
                  </progress>
                ) : (
                  <progress aria-label={t('audits.running')} />
                )}
              </div>
            )}
            {running && finished && (
              <p class="alert ok">
                {t('audits.finished', { scanned: fmtNum(finished.scanned), flagged: fmtNum(finished.flagged) })}{' '}
                <a href={href(`/jejak/${encodeURIComponent(running)}`)}>{t('audits.openReport')}</a>
              </p>
            )}
          </div>
        </section>
        <section class="card">
          <h2>{t('audits.listTitle')}</h2>
          <ErrorBox error={list.error} />
          {list.loading && !list.data && <Loading />}
          {list.data && list.data.length === 0 && <Empty>{t('audits.none')}</Empty>}
          {list.data && list.data.length > 0 && (
            <ul class="plain-list">
              {list.data.map((a) => (
                <li key={a.id}>
                  <a href={href(`/jejak/${encodeURIComponent(a.id)}`)}>
                    {fmtDateTime(a.createdAt)} · {a.platform || '—'}
                  </a>{' '}
                  <span class="badge plain">{tx(`audits.status.${a.status}`, a.status)}</span>
                  {a.summary && (
                    <span class="muted small"> · {t('audits.progress', { scanned: fmtNum(a.summary.scanned), flagged: fmtNum(a.summary.flagged) })}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
    </Page>
  );
}

const PAGE_SIZE = 50;
const SORTS = ['severity', 'newest', 'oldest'] as const;

interface PostsPage {
  total: number;
  offset: number;
  limit: number;
  items: FlaggedPost[];
}

/** Months of the summary folded into years when there are too many months to draw one bar each. */
export function yearRowsOf(byMonth: AuditSummary['byMonth']): Array<{ month: string; category: Category; count: number }> {
  const acc = new Map<string, number>();
  for (const [month, cats] of Object.entries(byMonth ?? {}))
    for (const [c, n] of Object.entries(cats ?? {})) {
      const key = `${month === 'unknown' ? 'unknown' : month.slice(0, 4)}|${c}`;
      acc.set(key, (acc.get(key) ?? 0) + (n ?? 0));
    }
  return [...acc].map(([k, count]) => {
    const [month, category] = k.split('|');
    return { month, category: category as Category, count };
  });
}

/** Years with their months from per-month counts (newest first); undated posts are counted apart. */
export function periodTree(months: Array<{ key: string; count: number }>): {
  years: Array<{ year: string; count: number; months: Array<{ month: string; count: number }> }>;
  undated: number;
} {
  const years = new Map<string, { year: string; count: number; months: Array<{ month: string; count: number }> }>();
  let undated = 0;
  for (const g of months) {
    if (g.key === 'unknown') {
      undated += g.count;
      continue;
    }
    const y = g.key.slice(0, 4);
    let e = years.get(y);
    if (!e) years.set(y, (e = { year: y, count: 0, months: [] }));
    e.count += g.count;
    e.months.push({ month: g.key, count: g.count });
  }
  const list = [...years.values()].sort((a, b) => (a.year < b.year ? 1 : -1));
  for (const y of list) y.months.sort((a, b) => (a.month < b.month ? 1 : -1));
  return { years: list, undated };
}

function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
}

export function AuditReportPage({ id }: { id: string }) {
  const { t, tx, msg, catLabel, fmtDate, fmtNum, locale } = useI18n();
  const nf = fmtNum;
  // the report without its posts: the summary and the charts draw at once, whatever the size of the report
  const report = useLoad((signal) => api.get<AuditReport>(`/api/v1/me/audits/${encodeURIComponent(id)}?flagged=none`, { signal }), [id]);
  const [category, setCategory] = useState<Category | ''>('');
  const [severity, setSeverity] = useState<Severity | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [query, setQuery] = useState('');
  const [q, setQ] = useState('');
  const [sort, setSort] = useState<(typeof SORTS)[number]>('severity');
  const [offset, setOffset] = useState(0);
  const [shared, setShared] = useState<boolean | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);

  // search as you type, one request per pause
  useEffect(() => {
    const timer = setTimeout(() => setQ(query.trim()), 300);
    return () => clearTimeout(timer);
  }, [query]);
  // a new filter starts at the first page
  useEffect(() => setOffset(0), [category, severity, from, to, q, sort]);

  const badRange = from !== '' && to !== '' && from > to;
  const posts = useLoad(
    (signal) =>
      badRange
        ? Promise.resolve({ total: 0, offset: 0, limit: PAGE_SIZE, items: [] } as PostsPage)
        : api.get<PostsPage>(`/api/v1/me/audits/${encodeURIComponent(id)}/posts${qs({ offset, limit: PAGE_SIZE, category, severity, from, to, q, sort })}`, {
            signal,
          }),
    [id, offset, category, severity, from, to, q, sort, badRange],
  );
  const likes = useLoad(
    (signal) => api.get<PostsPage>(`/api/v1/me/audits/${encodeURIComponent(id)}/posts${qs({ list: 'likes', limit: 100 })}`, { signal }),
    [id],
  );

  const r = report.data;
  const isShared = shared ?? r?.shared ?? false;
  const page = posts.data;
  const rows = page?.items ?? [];
  const manyMonths = Object.keys(r?.summary?.byMonth ?? {}).length > 36;
  // counts per month and per category under the other filters (the period counts ignore the date range, the category
  // counts ignore the category), so each group says how many posts a click will show
  const monthGroups = useLoad(
    (signal) =>
      api.get<Array<{ key: string; count: number }>>(`/api/v1/me/audits/${encodeURIComponent(id)}/groups${qs({ by: 'month', category, severity, q })}`, {
        signal,
      }),
    [id, category, severity, q],
  );
  const catGroups = useLoad(
    (signal) =>
      badRange
        ? Promise.resolve([])
        : api.get<Array<{ key: string; count: number }>>(`/api/v1/me/audits/${encodeURIComponent(id)}/groups${qs({ by: 'category', severity, q, from, to })}`, {
            signal,
          }),
    [id, severity, q, from, to, badRange],
  );
  const periods = useMemo(() => periodTree(monthGroups.data ?? []), [monthGroups.data]);
  const filtered = Boolean(category || severity || from || to || q);

  const pickMonth = (month: string) => {
    setFrom(`${month}-01`);
    setTo(lastDayOf(month));
  };
  const pickYear = (year: string) => {
    setFrom(`${year}-01-01`);
    setTo(`${year}-12-31`);
  };
  const clearFilters = () => {
    setCategory('');
    setSeverity('');
    setFrom('');
    setTo('');
    setQuery('');
    setQ('');
  };

  const toggleShare = async (on: boolean) => {
    setError(null);
    try {
      await api.post(`/api/v1/me/audits/${encodeURIComponent(id)}/share`, { share: on });
      setShared(on);
    } catch (e) {
      setError(e);
    }
  };

  const remove = async () => {
    if (!confirm(t('audits.confirmDelete'))) return;
    try {
      await api.del(`/api/v1/me/audits/${encodeURIComponent(id)}`);
      navigate('/jejak');
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Page
      title={t('audits.reportTitle')}
      actions={
        r && (
          <>
            <a class="button" href={`/api/v1/me/audits/${encodeURIComponent(id)}/report.csv`} download>
              {t('audits.csv')}
            </a>
            <button type="button" class="danger" onClick={remove}>
              {t('common.delete')}
            </button>
          </>
        )
      }
    >
      <p>
        <a href={href('/jejak')}>← {t('audits.back')}</a>
      </p>
      <ErrorBox error={report.error ?? error} />
      {report.loading && !r && <Loading />}
      {r && (
        <>
          <div class="stats">
            <Stat label={t('audits.scanned')} value={nf(r.summary?.scanned ?? 0)} />
            <Stat label={t('audits.flagged')} value={nf(r.summary?.flagged ?? 0)} tone={(r.summary?.flagged ?? 0) > 0 ? 'warn' : 'ok'} testId="stat-flagged" />
            <Stat label={t('audits.statusLabel')} value={tx(`audits.status.${r.status}`, r.status)} />
          </div>
          {r.error && <p class="alert error">{r.error}</p>}
          {r.truncated && <p class="alert warn">{t('audits.truncatedN', { stored: nf(r.storedPosts ?? 0), total: nf(r.summary?.flagged ?? 0) })}</p>}
          {(r.warnings ?? []).length > 0 && (
            <details class="card">
              <summary>{t('audits.warnings', { n: r.warnings?.length ?? 0 })}</summary>
              <ul>
                {r.warnings?.map((w) => (
                  <li key={w.id}>{msg(w)}</li>
                ))}
              </ul>
            </details>
          )}
          <label class="check card">
            <input type="checkbox" checked={isShared} onChange={(e) => toggleShare(e.currentTarget.checked)} data-testid="audit-share" />
            {t('audits.share')}
          </label>
          {r.summary && (
            <div class="two-col">
              <section class="card">
                <h2>{manyMonths ? t('audits.byYear') : t('audits.byMonth')}</h2>
                <MonthlyByCategoryChart
                  rows={manyMonths ? yearRowsOf(r.summary.byMonth) : monthRows(r.summary.byMonth)}
                  label={manyMonths ? t('audits.byYear') : t('audits.byMonth')}
                  testId="chart-months"
                />
              </section>
              <section class="card">
                <h2>{t('audits.byCategory')}</h2>
                <ByCategoryChart counts={r.summary.byCategory} label={t('audits.byCategory')} testId="chart-categories" />
              </section>
            </div>
          )}
          {r.summary && (r.summary.flagged ?? 0) > 0 && (
            <div class="two-col">
              <section class="card" data-testid="group-period">
                <h2>{t('audits.groupPeriod')}</h2>
                <ul class="groups">
                  {periods.years.map((y) => (
                    <li key={y.year}>
                      <details>
                        <summary>
                          <button type="button" class="link" onClick={() => pickYear(y.year)}>
                            {y.year}
                          </button>{' '}
                          <span class="count">{nf(y.count)}</span>
                        </summary>
                        <ul class="group-months">
                          {y.months.map((m) => (
                            <li key={m.month}>
                              <button type="button" class="link" onClick={() => pickMonth(m.month)} data-testid={`month-${m.month}`}>
                                {new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { month: 'long', timeZone: 'UTC' }).format(
                                  new Date(`${m.month}-01T00:00:00Z`),
                                )}
                              </button>{' '}
                              <span class="count">{nf(m.count)}</span>
                            </li>
                          ))}
                        </ul>
                      </details>
                    </li>
                  ))}
                  {periods.undated > 0 && (
                    <li class="muted">
                      {t('audits.undated')} <span class="count">{nf(periods.undated)}</span>
                    </li>
                  )}
                </ul>
              </section>
              <section class="card" data-testid="group-category">
                <h2>{t('audits.groupCategory')}</h2>
                <ul class="groups">
                  {(catGroups.data ?? []).map((g) => (
                    <li key={g.key}>
                      <button type="button" class="link" onClick={() => setCategory(g.key as Category)} aria-pressed={category === g.key}>
                        {catLabel(g.key)}
                      </button>{' '}
                      <span class="count">{nf(g.count)}</span>
                    </li>
                  ))}
                </ul>
              </section>
            </div>
          )}
          <section class="card">
            <h2>{t('audits.posts')}</h2>
            <div class="row filters">
              <label>
                {t('audits.filterCategory')}
                <select value={category} onChange={(e) => setCategory(e.currentTarget.value as Category | '')} data-testid="filter-category">
                  <option value="">{t('common.all')}</option>
                  {CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {catLabel(c)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('audits.filterSeverity')}
                <select value={severity} onChange={(e) => setSeverity(e.currentTarget.value as Severity | '')} data-testid="filter-severity">
                  <option value="">{t('common.all')}</option>
                  {SEVERITIES.map((s) => (
                    <option key={s} value={s}>
                      {t(`severity.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
              <DateInput label={t('audits.from')} value={from} onChange={setFrom} testId="filter-from" />
              <DateInput label={t('audits.to')} value={to} onChange={setTo} testId="filter-to" />
              <label>
                {t('audits.filterText')}
                <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} data-testid="filter-q" />
              </label>
              <label>
                {t('audits.sort')}
                <select value={sort} onChange={(e) => setSort(e.currentTarget.value as (typeof SORTS)[number])} data-testid="sort">
                  {SORTS.map((s) => (
                    <option key={s} value={s}>
                      {t(`audits.sort.${s}`)}
                    </option>
                  ))}
                </select>
              </label>
              {filtered && (
                <button type="button" class="small" onClick={clearFilters}>
                  {t('audits.clearFilters')}
                </button>
              )}
            </div>
            {badRange && <p class="alert error">{t('audits.badRange')}</p>}
            <ErrorBox error={posts.error} />
            <p class="muted small" aria-live="polite" data-testid="showing">
              {page && page.total > 0
                ? t('audits.showingRange', { a: nf(page.offset + 1), b: nf(page.offset + rows.length), total: nf(page.total) })
                : posts.loading
                  ? t('common.loading')
                  : ''}
            </p>
            {page && rows.length === 0 && !posts.loading ? (
              <Empty>{t('audits.noPosts')}</Empty>
            ) : (
              <div class="table-wrap">
                <table class="posts stack" aria-busy={posts.loading}>
                  <thead>
                    <tr>
                      <th scope="col">{t('audits.date')}</th>
                      <th scope="col">{t('audits.post')}</th>
                      <th scope="col">{t('audits.findings')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((p) => (
                      <tr key={`${p.platform}-${p.id}`} data-testid="post-row">
                        <td data-label={t('audits.date')}>
                          {p.date ? fmtDate(p.date) : '—'}
                          <br />
                          <span class="muted small">
                            {p.platform}
                            {p.kind ? ` · ${tx(`audits.kind.${p.kind}`, p.kind)}` : ''}
                          </span>
                          {p.url && (
                            <>
                              <br />
                              <a href={p.url} target="_blank" rel="noopener noreferrer">
                                {t('audits.open')}
                              </a>
                            </>
                          )}
                        </td>
                        <td class="post-text" data-label={t('audits.post')}>
                          <Highlighted text={p.text} findings={p.findings} />
                        </td>
                        <td data-label={t('audits.findings')}>
                          <FindingList
                            findings={p.findings}
                            source={p.text}
                            actions={(f) => <FindingFeedback finding={f} text={p.text} platform={p.platform} source="audit" />}
                          />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {page && page.total > PAGE_SIZE && (
              <nav class="pager row" aria-label={t('audits.pages')}>
                <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))} data-testid="prev">
                  ← {t('audits.prev')}
                </button>
                <span>{t('audits.pageOf', { n: nf(Math.floor(offset / PAGE_SIZE) + 1), of: nf(Math.ceil(page.total / PAGE_SIZE)) })}</span>
                <button type="button" disabled={offset + PAGE_SIZE >= page.total} onClick={() => setOffset(offset + PAGE_SIZE)} data-testid="next">
                  {t('audits.next')} →
                </button>
              </nav>
            )}
          </section>
          {likes.data && likes.data.total > 0 && (
            <section class="card">
              <h2>{t('audits.likes', { n: nf(likes.data.total), total: nf(r.likes?.scanned ?? 0) })}</h2>
              <p class="muted small">{t('audits.likesHelp')}</p>
              <ul class="drafts">
                {likes.data.items.map((p) => (
                  <li key={`${p.platform}-${p.id}`}>
                    <p class="draft-text">
                      <Highlighted text={p.text} findings={p.findings} />
                    </p>
                    <FindingList findings={p.findings} source={p.text} />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </Page>
  );
}
