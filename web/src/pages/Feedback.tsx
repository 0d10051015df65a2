// Humas/admin: the queue of reported wrong findings (issue 8). One click turns a report into an allow-list entry (a new
// policy version) or a labelled case; labelled cases download as JSON lines in the bijak-posts format. Below, the
// findings employees dismissed, counted per rule.
import { useState } from 'preact/hooks';
import { api, qs } from '../api';
import { Highlighted } from '../components/findings';
import { Empty, ErrorBox, Loading, Page, SeverityBadge } from '../components/ui';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { CATEGORIES, type Category, type Finding } from '../types';

const STATUSES = ['open', 'allowed', 'labelled', 'rejected', 'all'] as const;

interface Report {
  id: string;
  reporterName: string;
  unitName: string | null;
  source: string;
  platform: string | null;
  text: string | null;
  excerpt: string | null;
  finding: Pick<Finding, 'ruleId' | 'category' | 'severity' | 'field' | 'range'> & { message?: Finding['message'] };
  comment: string;
  status: string;
  expect: Category[] | null;
  resolution: string;
  resolvedBy: string | null;
  createdAt: string;
}

interface RuleCount {
  ruleId: string;
  category: string;
  count: number;
  byReason: Record<string, number>;
  recentReasons: string[];
}

export function FeedbackPage() {
  const { t, catLabel, tx, locale } = useI18n();
  const [status, setStatus] = useState<(typeof STATUSES)[number]>('open');
  const reports = useLoad((signal) => api.get<Report[]>(`/api/v1/feedback/reports${qs({ status })}`, { signal }), [status]);
  const counts = useLoad((signal) => api.get<RuleCount[]>('/api/v1/feedback/dismissals', { signal }), []);
  const list = reports.data ?? [];
  return (
    <Page
      title={t('feedback.title')}
      intro={t('feedback.intro')}
      actions={
        <a class="button" href="/api/v1/feedback/cases.jsonl" download data-testid="feedback-export">
          {t('feedback.export')}
        </a>
      }
    >
      <div class="row filters card">
        <label>
          {t('feedback.status')}
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value as (typeof STATUSES)[number])} data-testid="feedback-status">
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`feedback.status.${s}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorBox error={reports.error} />
      {reports.loading && !reports.data && <Loading />}
      {reports.data && list.length === 0 && <Empty>{t('feedback.none')}</Empty>}
      <ul class="reports">
        {list.map((r) => (
          <ReportItem key={r.id} report={r} onChange={reports.reload} />
        ))}
      </ul>
      <section class="card">
        <h2>{t('feedback.dismissals')}</h2>
        <ErrorBox error={counts.error} />
        {counts.data && counts.data.length === 0 && <Empty>{t('feedback.noDismissals')}</Empty>}
        {counts.data && counts.data.length > 0 && (
          <div class="table-wrap">
            <table class="stack" data-testid="dismissal-counts">
              <thead>
                <tr>
                  <th scope="col">{t('feedback.rule')}</th>
                  <th scope="col">{t('feedback.count')}</th>
                  <th scope="col">{t('feedback.reason')}</th>
                  <th scope="col">{t('feedback.reasons')}</th>
                </tr>
              </thead>
              <tbody>
                {counts.data.map((c) => (
                  <tr key={c.ruleId}>
                    <td data-label={t('feedback.rule')}>
                      <code>{c.ruleId}</code>
                      <br />
                      <span class="muted small">{catLabel(c.category)}</span>
                    </td>
                    <td data-label={t('feedback.count')}>{c.count.toLocaleString(locale === 'en' ? 'en-GB' : 'id-ID')}</td>
                    <td data-label={t('feedback.reason')}>
                      {Object.entries(c.byReason)
                        .map(([k, n]) => `${tx(`feedback.reason.${k}`, k)}: ${n}`)
                        .join(' · ')}
                    </td>
                    <td data-label={t('feedback.reasons')}>{c.recentReasons.join(' · ') || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Page>
  );
}

function ReportItem({ report: r, onChange }: { report: Report; onChange: () => void }) {
  const { t, msg, catLabel, fmtDateTime } = useI18n();
  const [phrase, setPhrase] = useState(r.excerpt ?? '');
  const [cats, setCats] = useState<Category[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');
  const act = async (path: string, body: unknown) => {
    setBusy(true);
    setError(null);
    try {
      const res = await api.post<{ policyVersion?: number }>(`/api/v1/feedback/reports/${encodeURIComponent(r.id)}/${path}`, body);
      if (res.policyVersion) setNotice(t('feedback.allowed', { v: res.policyVersion }));
      onChange();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const f = r.finding as Finding;
  return (
    <li class={`card report sev-${r.finding.severity}`} data-testid="feedback-report">
      <div class="finding-head">
        <SeverityBadge severity={r.finding.severity} />
        <span class="cat">{catLabel(r.finding.category)}</span>
        <code class="small">{r.finding.ruleId}</code>
        <span class="badge">{t(`feedback.status.${r.status as 'open'}`)}</span>
      </div>
      <p class="draft-text">
        {r.text ? (
          <Highlighted text={r.text} findings={[{ ...f, message: f.message ?? { id: '', en: '' }, references: [], suggestions: [] }]} />
        ) : (
          <em class="muted">{t('feedback.noText')}</em>
        )}
      </p>
      {r.finding.message && <p class="finding-msg">{msg(r.finding.message)}</p>}
      {r.comment && <blockquote>{r.comment}</blockquote>}
      <p class="muted small">{t('feedback.by', { name: r.reporterName, unit: r.unitName ?? '—', date: fmtDateTime(r.createdAt) })}</p>
      {r.status !== 'open' && (
        <p class="muted small">
          {r.resolvedBy} · {r.resolution}
          {r.expect && ` · expect: [${r.expect.join(', ')}]`}
        </p>
      )}
      {notice && (
        <p class="alert ok" role="status">
          {notice}
        </p>
      )}
      <ErrorBox error={error} />
      {r.status === 'open' && (
        <div class="report-actions">
          <div class="row">
            <label>
              {t('feedback.phrase')}
              <input type="text" value={phrase} maxLength={200} onInput={(e) => setPhrase(e.currentTarget.value)} data-testid="allow-phrase" />
            </label>
            <button
              type="button"
              class="primary small"
              disabled={busy || !phrase.trim()}
              onClick={() => act('allow', { phrase: phrase.trim() })}
              data-testid="allow"
            >
              {t('feedback.allow')}
            </button>
          </div>
          <div class="row">
            <button type="button" class="small" disabled={busy || !r.text} onClick={() => act('label', { expect: [] })} data-testid="label-clean">
              {t('feedback.labelClean')}
            </button>
            <details>
              <summary>{t('feedback.labelAs')}</summary>
              <div class="cat-picks">
                {CATEGORIES.map((c) => (
                  <label key={c} class="check">
                    <input
                      type="checkbox"
                      checked={cats.includes(c)}
                      onChange={(e) => setCats(e.currentTarget.checked ? [...cats, c] : cats.filter((x) => x !== c))}
                    />
                    {catLabel(c)}
                  </label>
                ))}
              </div>
              <button type="button" class="small" disabled={busy || !r.text} onClick={() => act('label', { expect: cats })}>
                {t('feedback.labelAs')}
              </button>
            </details>
            <button type="button" class="small danger" disabled={busy} onClick={() => act('reject', {})}>
              {t('feedback.reject')}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}
