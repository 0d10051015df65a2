// Jejak digital (footprint audit): upload a platform archive, follow progress live (SSE), read the report.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AUDIT_PLATFORMS, PLATFORM_INFO } from '../../../src/core/contract';
import { ApiError, api } from '../api';
import { ByCategoryChart, MonthlyByCategoryChart, monthRows } from '../components/charts';
import { FindingFeedback } from '../components/feedback';
import { FindingList, Highlighted } from '../components/findings';
import { Empty, ErrorBox, Loading, Page, Stat } from '../components/ui';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { href, navigate } from '../router';
import { type AuditReport, type AuditSummary, CATEGORIES, type Category } from '../types';

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
  const { t, tx, fmtDateTime } = useI18n();
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
                  <strong>{t('audits.running')}</strong>{' '}
                  {t('audits.progress', { scanned: progress.scanned.toLocaleString(), flagged: progress.flagged.toLocaleString() })}
                  {progress.rate ? ` · ${t('audits.rate', { rate: Math.round(progress.rate).toLocaleString() })}` : ''}
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
                {t('audits.finished', { scanned: finished.scanned.toLocaleString(), flagged: finished.flagged.toLocaleString() })}{' '}
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
                    <span class="muted small">
                      {' '}
                      · {t('audits.progress', { scanned: a.summary.scanned.toLocaleString(), flagged: a.summary.flagged.toLocaleString() })}
                    </span>
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

export function AuditReportPage({ id }: { id: string }) {
  const { t, tx, msg, catLabel, fmtDate } = useI18n();
  const report = useLoad((signal) => api.get<AuditReport>(`/api/v1/me/audits/${encodeURIComponent(id)}`, { signal }), [id]);
  const [category, setCategory] = useState<Category | ''>('');
  const [query, setQuery] = useState('');
  const [month, setMonth] = useState('');
  const [shared, setShared] = useState<boolean | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);

  const r = report.data;
  const isShared = shared ?? r?.shared ?? false;
  const flagged = r?.flagged ?? [];
  const months = useMemo(() => [...new Set(flagged.flatMap((p) => (p.date ? [p.date.slice(0, 7)] : [])))].sort(), [flagged]);
  const rows = useMemo(
    () =>
      flagged.filter(
        (p) =>
          (!category || p.findings.some((f) => f.category === category)) &&
          (!month || p.date?.startsWith(month)) &&
          (!query || p.text.toLowerCase().includes(query.toLowerCase())),
      ),
    [flagged, category, month, query],
  );

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
            <Stat label={t('audits.scanned')} value={(r.summary?.scanned ?? 0).toLocaleString()} />
            <Stat label={t('audits.flagged')} value={(r.summary?.flagged ?? 0).toLocaleString()} tone={(r.summary?.flagged ?? 0) > 0 ? 'warn' : 'ok'} />
            <Stat label={t('audits.statusLabel')} value={tx(`audits.status.${r.status}`, r.status)} />
          </div>
          {r.error && <p class="alert error">{r.error}</p>}
          {r.truncated && <p class="alert warn">{t('audits.truncated')}</p>}
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
                <h2>{t('audits.byMonth')}</h2>
                <MonthlyByCategoryChart rows={monthRows(r.summary.byMonth)} label={t('audits.byMonth')} />
              </section>
              <section class="card">
                <h2>{t('audits.byCategory')}</h2>
                <ByCategoryChart counts={r.summary.byCategory} label={t('audits.byCategory')} />
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
                {t('audits.filterMonth')}
                <select value={month} onChange={(e) => setMonth(e.currentTarget.value)}>
                  <option value="">{t('common.all')}</option>
                  {months.map((m) => (
                    <option key={m} value={m}>
                      {m}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('audits.filterText')}
                <input type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
              </label>
            </div>
            <p class="muted small" aria-live="polite">
              {t('audits.showing', { n: rows.length, total: flagged.length })}
            </p>
            {rows.length === 0 ? (
              <Empty>{t('audits.noPosts')}</Empty>
            ) : (
              <div class="table-wrap">
                <table class="posts">
                  <thead>
                    <tr>
                      <th scope="col">{t('audits.date')}</th>
                      <th scope="col">{t('audits.post')}</th>
                      <th scope="col">{t('audits.findings')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rows.map((p) => (
                      <tr key={`${p.platform}-${p.id}`}>
                        <td>
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
                        <td class="post-text">
                          <Highlighted text={p.text} findings={p.findings} />
                        </td>
                        <td>
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
          </section>
          {r.likes && r.likes.flagged.length > 0 && (
            <section class="card">
              <h2>{t('audits.likes', { n: r.likes.flagged.length, total: r.likes.scanned.toLocaleString() })}</h2>
              <p class="muted small">{t('audits.likesHelp')}</p>
              <ul class="drafts">
                {r.likes.flagged.map((p) => (
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
