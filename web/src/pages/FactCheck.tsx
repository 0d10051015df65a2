// Cek Fakta: search the organisation's knowledge base of clarified hoaxes in plain words and read the clarifications.
// Humas and admin add, edit, retire/restore and import entries (the server detects the file's format and reports
// added/merged/rejected). The checker matches the active entries (hoax/known), so a retired entry stops matching.
// Humas and admin can also turn a clarification into a draft of the official-content library (issue 11).
import { useState } from 'preact/hooks';
import { api, qs } from '../api';
import { Empty, ErrorBox, Loading, Page } from '../components/ui';
import { useLoad } from '../hooks';
import { type MessageKey, useI18n } from '../i18n';
import { navigate } from '../router';
import { useSession } from '../session';

const VERDICTS = ['hoaks', 'salah', 'menyesatkan', 'tidak-terbukti', 'sebagian-benar', 'satire', 'benar'] as const;
type Verdict = (typeof VERDICTS)[number];
const FORMATS = ['', 'jsonl', 'csv', 'claimreview', 'html', 'google-factcheck', 'rss', 'atom', 'yudistira'] as const;
/** Largest file the page sends (the server's bound is the same). */
const MAX_FILE = 8 * 1024 * 1024;

interface KbEntry {
  id: string;
  claims: string[];
  verdict: Verdict;
  summary: string;
  source: { name: string; url: string };
  publisher?: string;
  date?: string;
  topics: string[];
  expires?: string;
  sample?: boolean;
}
interface Stored {
  entry: KbEntry;
  status: 'active' | 'retired';
  updatedAt: string;
  updatedBy: string;
}
interface Hit {
  entry: KbEntry;
  score: number;
  decision: 'known' | 'similar' | 'none';
  claim: string;
}
interface ImportReport {
  format: string;
  added: number;
  merged: number;
  rejected: number;
  items: Array<{ origin: string; status: 'added' | 'merged' | 'rejected'; id?: string; reason?: string }>;
}

function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const { t } = useI18n();
  const tone = verdict === 'benar' ? 'sev-info' : verdict === 'sebagian-benar' || verdict === 'satire' ? 'sev-warning' : 'sev-error';
  return <span class={`badge ${tone}`}>{t(`kb.verdict.${verdict}` as MessageKey)}</span>;
}

function Source({ e }: { e: KbEntry }) {
  const { t, fmtDate } = useI18n();
  return (
    <p class="muted small">
      {t('kb.source')}:{' '}
      {e.source.url ? (
        <a href={e.source.url} target="_blank" rel="noopener noreferrer">
          {e.source.name}
        </a>
      ) : (
        e.source.name
      )}
      {e.date && ` · ${fmtDate(e.date)}`}
      {e.sample && ` · ${t('kb.sample')}`}
    </p>
  );
}

/** "Jadikan konten resmi": a library draft prefilled from the clarification, then its editor. */
function ToLibraryButton({ id, onError }: { id: string; onError: (e: unknown) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const make = async () => {
    setBusy(true);
    onError(null);
    try {
      const item = await api.post<{ id: string }>(`/api/v1/library/items/from-kb/${encodeURIComponent(id)}`);
      navigate(`/pustaka/${encodeURIComponent(item.id)}`);
      scrollTo(0, 0); // the entry may have been far down the table: open the editor at its top
    } catch (err) {
      onError(err);
      setBusy(false);
    }
  };
  return (
    <button type="button" class="small" disabled={busy} title={t('kb.toLibraryTitle')} onClick={make} data-testid="kb-to-library">
      {t('kb.toLibrary')}
    </button>
  );
}

export function FactCheckPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const writer = user?.role === 'humas' || user?.role === 'admin';
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<Hit[] | null>(null);
  const [searchError, setSearchError] = useState<unknown>(null);
  const [status, setStatus] = useState<'active' | 'retired' | 'all'>('active');
  const list = useLoad((signal) => api.get<{ total: number; entries: Stored[] }>(`/api/v1/kb/entries${qs({ status, limit: 500 })}`, { signal }), [status]);
  const [editing, setEditing] = useState<KbEntry | null>(null);
  const [error, setError] = useState<unknown>(null);

  const search = async (e: Event) => {
    e.preventDefault();
    setSearchError(null);
    try {
      setHits((await api.get<{ hits: Hit[] }>(`/api/v1/kb/search${qs({ q, limit: 10 })}`)).hits);
    } catch (err) {
      setSearchError(err);
      setHits(null);
    }
  };
  const setEntryStatus = async (s: Stored, verb: 'retire' | 'restore') => {
    setError(null);
    try {
      await api.post(`/api/v1/kb/entries/${encodeURIComponent(s.entry.id)}/${verb}`);
      list.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Page title={t('kb.title')} intro={t('kb.intro')}>
      <section class="card">
        <h2>{t('kb.searchTitle')}</h2>
        <form class="row" onSubmit={search} data-testid="kb-search">
          <label class="grow">
            <span class="sr-only">{t('kb.searchLabel')}</span>
            <input
              type="search"
              data-testid="kb-q"
              value={q}
              minLength={2}
              maxLength={2000}
              required
              placeholder={t('kb.searchPlaceholder')}
              onInput={(e) => setQ(e.currentTarget.value)}
            />
          </label>
          <button type="submit" class="primary">
            {t('common.search')}
          </button>
        </form>
        <ErrorBox error={searchError} />
        {hits && hits.length === 0 && <Empty>{t('kb.noHits')}</Empty>}
        {hits && hits.length > 0 && (
          <ol class="kb-hits" data-testid="kb-hits">
            {hits.map((h) => (
              <li key={h.entry.id} class="card">
                <p>
                  <VerdictBadge verdict={h.entry.verdict} /> <strong>{h.claim}</strong>{' '}
                  <span class="muted small">
                    {t(`kb.decision.${h.decision}` as MessageKey)} · {Math.round(h.score * 100)}%
                  </span>
                </p>
                <p>{h.entry.summary}</p>
                <Source e={h.entry} />
                {writer && <ToLibraryButton id={h.entry.id} onError={setSearchError} />}
              </li>
            ))}
          </ol>
        )}
      </section>

      {writer && (
        <div class="two-col">
          <section class="card">
            <h2>{editing?.id ? t('kb.editTitle') : t('kb.addTitle')}</h2>
            <EntryForm
              key={editing?.id ?? 'new'}
              initial={editing}
              onDone={() => {
                setEditing(null);
                list.reload();
              }}
            />
          </section>
          <section class="card">
            <h2>{t('kb.importTitle')}</h2>
            <ImportForm onDone={list.reload} />
          </section>
        </div>
      )}

      <section class="card">
        <h2>{t('kb.listTitle')}</h2>
        <label class="inline">
          {t('kb.status')}
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value as typeof status)} data-testid="kb-status">
            <option value="active">{t('kb.status.active')}</option>
            <option value="retired">{t('kb.status.retired')}</option>
            <option value="all">{t('common.all')}</option>
          </select>
        </label>
        <ErrorBox error={error ?? list.error} />
        {list.loading && !list.data && <Loading />}
        {list.data && list.data.total === 0 && <Empty>{t('kb.empty')}</Empty>}
        {list.data && list.data.total > 0 && (
          <div class="table-wrap">
            <table data-testid="kb-table">
              <thead>
                <tr>
                  <th>{t('kb.claim')}</th>
                  <th>{t('kb.verdict')}</th>
                  <th>{t('kb.source')}</th>
                  <th>{t('kb.status')}</th>
                  {writer && (
                    <th>
                      <span class="sr-only">{t('common.actions')}</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {list.data.entries.map((s) => (
                  <tr key={s.entry.id}>
                    <td>
                      {s.entry.claims[0]}
                      {s.entry.claims.length > 1 && <span class="muted small"> (+{s.entry.claims.length - 1})</span>}
                    </td>
                    <td>
                      <VerdictBadge verdict={s.entry.verdict} />
                    </td>
                    <td>{s.entry.source.name}</td>
                    <td>{t(`kb.status.${s.status}` as MessageKey)}</td>
                    {writer && (
                      <td class="actions">
                        <button type="button" class="small" onClick={() => setEditing(s.entry)}>
                          {t('common.edit')}
                        </button>{' '}
                        <ToLibraryButton id={s.entry.id} onError={setError} />{' '}
                        {s.status === 'active' ? (
                          <button type="button" class="small danger" onClick={() => setEntryStatus(s, 'retire')}>
                            {t('kb.retire')}
                          </button>
                        ) : (
                          <button type="button" class="small" onClick={() => setEntryStatus(s, 'restore')}>
                            {t('kb.restore')}
                          </button>
                        )}
                      </td>
                    )}
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

function EntryForm({ initial, onDone }: { initial: KbEntry | null; onDone: () => void }) {
  const { t } = useI18n();
  const [claims, setClaims] = useState((initial?.claims ?? []).join('\n'));
  const [verdict, setVerdict] = useState<Verdict>(initial?.verdict ?? 'hoaks');
  const [summary, setSummary] = useState(initial?.summary ?? '');
  const [sourceName, setSourceName] = useState(initial?.source.name ?? '');
  const [sourceUrl, setSourceUrl] = useState(initial?.source.url ?? '');
  const [date, setDate] = useState(initial?.date ?? '');
  const [topics, setTopics] = useState((initial?.topics ?? []).join(', '));
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState('');
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setOk('');
    const body: Partial<KbEntry> = {
      ...(initial ?? {}),
      claims: claims
        .split('\n')
        .map((c) => c.trim())
        .filter(Boolean),
      verdict,
      summary: summary.trim(),
      source: { name: sourceName.trim(), url: sourceUrl.trim() },
      topics: topics
        .split(',')
        .map((c) => c.trim())
        .filter(Boolean),
    };
    if (date) body.date = date;
    else delete body.date;
    try {
      if (initial?.id) await api.put(`/api/v1/kb/entries/${encodeURIComponent(initial.id)}`, body);
      else await api.post('/api/v1/kb/entries', body);
      setOk(t('kb.saved'));
      if (!initial) {
        setClaims('');
        setSummary('');
      }
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form class="stack" onSubmit={submit} data-testid="kb-form">
      <label>
        {t('kb.claimsLabel')}
        <textarea name="claims" rows={3} required value={claims} onInput={(e) => setClaims(e.currentTarget.value)} />
      </label>
      <div class="row">
        <label>
          {t('kb.verdict')}
          <select name="verdict" value={verdict} onChange={(e) => setVerdict(e.currentTarget.value as Verdict)}>
            {VERDICTS.map((v) => (
              <option key={v} value={v}>
                {t(`kb.verdict.${v}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('kb.date')}
          <input type="date" name="date" value={date} onInput={(e) => setDate(e.currentTarget.value)} />
        </label>
      </div>
      <label>
        {t('kb.summaryLabel')}
        <textarea name="summary" rows={3} required value={summary} onInput={(e) => setSummary(e.currentTarget.value)} />
      </label>
      <div class="row">
        <label>
          {t('kb.sourceName')}
          <input name="sourceName" required value={sourceName} onInput={(e) => setSourceName(e.currentTarget.value)} />
        </label>
        <label>
          {t('kb.sourceUrl')}
          <input name="sourceUrl" type="url" value={sourceUrl} onInput={(e) => setSourceUrl(e.currentTarget.value)} />
        </label>
      </div>
      <label>
        {t('kb.topics')}
        <input name="topics" value={topics} onInput={(e) => setTopics(e.currentTarget.value)} />
      </label>
      <ErrorBox error={error} />
      {ok && (
        <p class="alert ok" role="status">
          {ok}
        </p>
      )}
      <button type="submit" class="primary">
        {t('common.save')}
      </button>
    </form>
  );
}

function ImportForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<(typeof FORMATS)[number]>('');
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!file) return;
    setError(null);
    setReport(null);
    if (file.size > MAX_FILE) {
      setError(new Error(t('kb.tooLarge', { mb: MAX_FILE / 1024 / 1024 })));
      return;
    }
    setBusy(true);
    try {
      const content = await file.text();
      setReport(await api.post<ImportReport>('/api/v1/kb/import', { name: file.name, content, ...(format ? { format } : {}) }));
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const rejected = report?.items.filter((i) => i.status === 'rejected') ?? [];
  return (
    <form class="stack" onSubmit={submit} data-testid="kb-import">
      <p class="muted small">{t('kb.importHelp')}</p>
      <label>
        {t('kb.file')}
        <input
          type="file"
          name="file"
          accept=".jsonl,.json,.csv,.tsv,.html,.htm,.xml,.rss,.atom"
          onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
        />
      </label>
      <label>
        {t('kb.format')}
        <select value={format} onChange={(e) => setFormat(e.currentTarget.value as (typeof FORMATS)[number])}>
          {FORMATS.map((f) => (
            <option key={f} value={f}>
              {f || t('kb.formatAuto')}
            </option>
          ))}
        </select>
      </label>
      <ErrorBox error={error} />
      {report && (
        <div class={rejected.length ? 'alert warn' : 'alert ok'} role="status" data-testid="kb-import-report">
          <p>{t('kb.importResult', { format: report.format, added: report.added, merged: report.merged, rejected: report.rejected })}</p>
          {rejected.length > 0 && (
            <ul>
              {rejected.slice(0, 50).map((i) => (
                <li key={i.origin}>
                  <code>{i.origin}</code>: {i.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <button type="submit" class="primary" disabled={busy || !file}>
        {t('kb.importSubmit')}
      </button>
    </form>
  );
}
