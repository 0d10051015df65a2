// Kebijakan: the organisation policy edited in the UI. The server validates (src/core/policy.ts) and versions every change;
// a rejected change names the bad field and the old version stays active. Humas may edit only the official-account
// registry and the election file.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { ApiError, api, type ErrorDetail } from '../api';
import { Empty, ErrorBox, Loading, Page } from '../components/ui';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { CATEGORIES, type Category, type PolicyData, type PolicyEnvelope, type PolicyVersion, type Severity } from '../types';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];
const ACCOUNT_PLATFORMS = ['*', 'x', 'instagram', 'facebook', 'threads', 'tiktok', 'linkedin', 'whatsapp', 'youtube', 'other'];

type Row = Record<string, unknown>;
interface Column {
  key: string;
  label: string;
  kind: 'text' | 'number' | 'list' | 'date' | 'select';
  options?: Array<{ value: string; label: string }>;
  required?: boolean;
}

/** Fills the arrays the editor needs, in case the server left defaults out. */
function normalise(p: PolicyData): PolicyData {
  const c = structuredClone(p);
  c.categories ??= {};
  c.institution ??= { names: [], abbreviations: [] };
  c.institution.names ??= [];
  c.institution.abbreviations ??= [];
  c.officialAccounts ??= [];
  c.election ??= { candidates: [], parties: [], hashtags: [], dates: [] };
  c.election.candidates ??= [];
  c.election.parties ??= [];
  c.election.hashtags ??= [];
  c.election.dates ??= [];
  c.extraTerms ??= [];
  c.allow ??= [];
  return c;
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function PolicyPage() {
  const { t, fmtDateTime, catLabel } = useI18n();
  const { user } = useSession();
  const full = user?.role === 'admin';
  const current = useLoad((signal) => api.get<PolicyEnvelope>('/api/v1/admin/policy', { signal }), []);
  const versions = useLoad((signal) => api.get<PolicyVersion[]>('/api/v1/admin/policy/versions', { signal }), []);
  const [draft, setDraft] = useState<PolicyData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (current.data) setDraft(normalise(current.data.policy));
  }, [current.data]);

  // Paths name fields of the policy; the server may prefix them with the body's `policy.` key.
  const details: ErrorDetail[] = error instanceof ApiError ? error.details.map((d) => ({ ...d, path: d.path?.replace(/^policy\./, '') })) : [];
  const errAt = (path: string) => details.find((d) => d.path === path)?.message;
  const dirty = useMemo(() => !!draft && !!current.data && JSON.stringify(draft) !== JSON.stringify(normalise(current.data.policy)), [draft, current.data]);

  if (!draft) {
    return (
      <Page title={t('policy.title')}>
        <ErrorBox error={current.error} />
        {current.loading && <Loading />}
      </Page>
    );
  }

  const update = (fn: (p: PolicyData) => void) => {
    const next = structuredClone(draft);
    fn(next);
    setDraft(next);
    setSaved(null);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      const r = await api.put<PolicyEnvelope>('/api/v1/admin/policy', { policy: draft });
      current.setData(r);
      setSaved(r.version);
      versions.reload();
    } catch (err) {
      setError(err);
      // Bring the first named field into view.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
    } finally {
      setBusy(false);
    }
  };

  const env = current.data;
  return (
    <Page title={t('policy.title')} intro={full ? t('policy.intro') : t('policy.introHumas')}>
      {env && (
        <p class="muted" data-testid="policy-version">
          {env.version > 0 && env.updatedAt
            ? t('policy.current', { v: env.version, by: env.updatedBy ?? '—', at: fmtDateTime(env.updatedAt) })
            : t('policy.currentDefault', { v: env.version })}
        </p>
      )}
      <form onSubmit={save} noValidate class="policy-form">
        <fieldset class="card" disabled={!full}>
          <legend>{t('policy.general')}</legend>
          <div class="row">
            <TextField
              label={t('policy.orgId')}
              value={draft.organisation.id}
              error={errAt('organisation.id')}
              path="organisation.id"
              onChange={(v) => update((p) => (p.organisation.id = v))}
            />
            <TextField
              label={t('policy.orgName')}
              value={draft.organisation.name}
              error={errAt('organisation.name')}
              path="organisation.name"
              onChange={(v) => update((p) => (p.organisation.name = v))}
            />
            <label>
              {t('policy.interval')}
              <input
                type="number"
                name="selfCheckIntervalDays"
                value={String(draft.selfCheckIntervalDays ?? '')}
                aria-invalid={errAt('selfCheckIntervalDays') ? 'true' : undefined}
                onInput={(e) => update((p) => (p.selfCheckIntervalDays = e.currentTarget.value === '' ? (undefined as never) : Number(e.currentTarget.value)))}
              />
              <FieldError message={errAt('selfCheckIntervalDays')} path="selfCheckIntervalDays" />
            </label>
          </div>
        </fieldset>

        <fieldset class="card" disabled={!full}>
          <legend>{t('policy.categories')}</legend>
          <div class="table-wrap">
            <table class="compact">
              <thead>
                <tr>
                  <th scope="col">{t('dash.category')}</th>
                  <th scope="col">{t('policy.enabled')}</th>
                  <th scope="col">{t('dash.severity')}</th>
                </tr>
              </thead>
              <tbody>
                {CATEGORIES.map((c) => {
                  const cfg = draft.categories[c] ?? {};
                  return (
                    <tr key={c}>
                      <th scope="row">
                        {catLabel(c)} <code class="muted small">{c}</code>
                      </th>
                      <td>
                        <input
                          type="checkbox"
                          aria-label={t('policy.enabledOf', { c: catLabel(c) })}
                          checked={cfg.enabled ?? true}
                          onChange={(e) => update((p) => (p.categories[c] = { ...p.categories[c], enabled: e.currentTarget.checked }))}
                        />
                      </td>
                      <td>
                        <select
                          aria-label={t('policy.severityOf', { c: catLabel(c) })}
                          value={cfg.severity ?? ''}
                          onChange={(e) =>
                            update((p) => (p.categories[c] = { ...p.categories[c], severity: (e.currentTarget.value || undefined) as Severity | undefined }))
                          }
                        >
                          <option value="">{t('policy.defaultSeverity')}</option>
                          {SEVERITIES.map((s) => (
                            <option key={s} value={s}>
                              {t(`severity.${s}`)}
                            </option>
                          ))}
                        </select>
                        <FieldError message={errAt(`categories.${c}.severity`) ?? errAt(`categories.${c}`)} path={`categories.${c}`} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </fieldset>

        <fieldset class="card" disabled={!full}>
          <legend>{t('policy.institution')}</legend>
          <p class="muted small">{t('policy.institutionHelp')}</p>
          <div class="row">
            <ListField
              label={t('policy.names')}
              values={draft.institution.names}
              path="institution.names"
              details={details}
              onChange={(v) => update((p) => (p.institution.names = v))}
            />
            <ListField
              label={t('policy.abbreviations')}
              values={draft.institution.abbreviations}
              path="institution.abbreviations"
              details={details}
              onChange={(v) => update((p) => (p.institution.abbreviations = v))}
            />
          </div>
        </fieldset>

        <fieldset class="card">
          <legend>{t('policy.official')}</legend>
          <p class="muted small">{t('policy.officialHelp')}</p>
          <RowsEditor
            rows={draft.officialAccounts as Row[]}
            path="officialAccounts"
            details={details}
            columns={[
              {
                key: 'platform',
                label: t('accounts.platform'),
                kind: 'select',
                options: ACCOUNT_PLATFORMS.map((p) => ({ value: p, label: p === '*' ? t('policy.anyPlatform') : p })),
              },
              { key: 'handle', label: t('accounts.handle'), kind: 'text', required: true },
              { key: 'owner', label: t('policy.owner'), kind: 'text' },
            ]}
            blank={{ platform: '*', handle: '' }}
            onChange={(rows) => update((p) => (p.officialAccounts = rows as PolicyData['officialAccounts']))}
            testId="official-accounts"
          />
        </fieldset>

        <fieldset class="card">
          <legend>{t('policy.election')}</legend>
          <p class="muted small">{t('policy.electionHelp')}</p>
          <TextField
            label={t('policy.electionName')}
            value={draft.election.name ?? ''}
            path="election.name"
            error={errAt('election.name')}
            onChange={(v) => update((p) => (p.election.name = v || undefined))}
          />
          <h3>{t('policy.candidates')}</h3>
          <RowsEditor
            rows={draft.election.candidates as Row[]}
            path="election.candidates"
            details={details}
            columns={[
              { key: 'name', label: t('users.name'), kind: 'text', required: true },
              { key: 'aliases', label: t('policy.aliases'), kind: 'list' },
              { key: 'number', label: t('policy.number'), kind: 'number' },
              { key: 'office', label: t('policy.office'), kind: 'text' },
              { key: 'region', label: t('policy.region'), kind: 'text' },
            ]}
            blank={{ name: '', aliases: [] }}
            onChange={(rows) => update((p) => (p.election.candidates = rows as PolicyData['election']['candidates']))}
          />
          <h3>{t('policy.parties')}</h3>
          <RowsEditor
            rows={draft.election.parties as Row[]}
            path="election.parties"
            details={details}
            columns={[
              { key: 'name', label: t('users.name'), kind: 'text', required: true },
              { key: 'abbreviation', label: t('policy.abbreviation'), kind: 'text' },
              { key: 'number', label: t('policy.number'), kind: 'number' },
            ]}
            blank={{ name: '' }}
            onChange={(rows) => update((p) => (p.election.parties = rows as PolicyData['election']['parties']))}
          />
          <div class="row">
            <ListField
              label={t('policy.hashtags')}
              values={draft.election.hashtags}
              path="election.hashtags"
              details={details}
              onChange={(v) => update((p) => (p.election.hashtags = v))}
            />
          </div>
          <h3>{t('policy.dates')}</h3>
          <RowsEditor
            rows={draft.election.dates as Row[]}
            path="election.dates"
            details={details}
            columns={[
              { key: 'label', label: t('policy.dateLabel'), kind: 'text', required: true },
              { key: 'date', label: t('policy.date'), kind: 'date', required: true },
            ]}
            blank={{ label: '', date: '' }}
            onChange={(rows) => update((p) => (p.election.dates = rows as PolicyData['election']['dates']))}
          />
        </fieldset>

        <fieldset class="card" disabled={!full}>
          <legend>{t('policy.extraTerms')}</legend>
          <p class="muted small">{t('policy.extraTermsHelp')}</p>
          <RowsEditor
            rows={draft.extraTerms as Row[]}
            path="extraTerms"
            details={details}
            columns={[
              { key: 'category', label: t('dash.category'), kind: 'select', options: CATEGORIES.map((c) => ({ value: c, label: catLabel(c as Category) })) },
              { key: 'pattern', label: t('policy.pattern'), kind: 'text', required: true },
              {
                key: 'severity',
                label: t('dash.severity'),
                kind: 'select',
                options: [{ value: '', label: t('policy.defaultSeverity') }, ...SEVERITIES.map((s) => ({ value: s, label: t(`severity.${s}`) }))],
              },
              { key: 'note', label: t('policy.note'), kind: 'text' },
            ]}
            blank={{ category: 'abusive', pattern: '' }}
            onChange={(rows) => update((p) => (p.extraTerms = rows as PolicyData['extraTerms']))}
          />
          <div class="row">
            <ListField label={t('policy.allow')} values={draft.allow} path="allow" details={details} onChange={(v) => update((p) => (p.allow = v))} />
          </div>
        </fieldset>

        <div class="sticky-actions">
          <ErrorBox error={error} />
          {saved !== null && (
            <p class="alert ok" role="status" data-testid="policy-saved">
              {t('policy.saved', { v: saved })}
            </p>
          )}
          <div class="row">
            <button type="submit" class="primary" disabled={busy || !dirty} data-testid="policy-save">
              {t('policy.save')}
            </button>
            <button
              type="button"
              disabled={!dirty}
              onClick={() => {
                setDraft(normalise(current.data!.policy));
                setError(null);
              }}
            >
              {t('policy.reset')}
            </button>
            {dirty && <span class="muted small">{t('policy.unsaved')}</span>}
          </div>
        </div>
      </form>

      <section class="card">
        <h2>{t('policy.versions')}</h2>
        <ErrorBox error={versions.error} />
        {versions.data && versions.data.length === 0 && <Empty>{t('policy.noVersions')}</Empty>}
        {versions.data && versions.data.length > 0 && (
          <div class="table-wrap">
            <table data-testid="policy-versions">
              <thead>
                <tr>
                  <th scope="col">{t('policy.version')}</th>
                  <th scope="col">{t('log.at')}</th>
                  <th scope="col">{t('policy.by')}</th>
                  <th scope="col">{t('policy.summary')}</th>
                </tr>
              </thead>
              <tbody>
                {versions.data.map((v) => (
                  <tr key={v.version}>
                    <td>v{v.version}</td>
                    <td>{fmtDateTime(v.updatedAt)}</td>
                    <td>{v.updatedBy}</td>
                    <td>{v.summary}</td>
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

function FieldError({ message, path }: { message?: string; path: string }) {
  if (!message) return null;
  return (
    <span class="field-error" data-path={path}>
      <code>{path}</code>: {message}
    </span>
  );
}

function TextField({ label, value, error, path, onChange }: { label: string; value: string; error?: string; path: string; onChange: (v: string) => void }) {
  return (
    <label>
      {label}
      <input name={path} value={value} aria-invalid={error ? 'true' : undefined} onInput={(e) => onChange(e.currentTarget.value)} />
      <FieldError message={error} path={path} />
    </label>
  );
}

/** One value per line. */
function ListField({
  label,
  values,
  path,
  details,
  onChange,
}: {
  label: string;
  values: string[];
  path: string;
  details: ErrorDetail[];
  onChange: (v: string[]) => void;
}) {
  const { t } = useI18n();
  const [text, setText] = useState(values.join('\n'));
  useEffect(() => {
    if (lines(text).join('\n') !== values.join('\n')) setText(values.join('\n'));
  }, [values]);
  const errs = details.filter((d) => d.path === path || d.path?.startsWith(`${path}.`));
  return (
    <label class="grow">
      {label} <span class="muted small">({t('policy.onePerLine')})</span>
      <textarea
        name={path}
        rows={5}
        value={text}
        aria-invalid={errs.length ? 'true' : undefined}
        onInput={(e) => {
          setText(e.currentTarget.value);
          onChange(lines(e.currentTarget.value));
        }}
      />
      {errs.map((d) => (
        <FieldError key={d.path} message={String(d.message)} path={d.path ?? path} />
      ))}
    </label>
  );
}

function RowsEditor({
  rows,
  columns,
  path,
  details,
  blank,
  onChange,
  testId,
}: {
  rows: Row[];
  columns: Column[];
  path: string;
  details: ErrorDetail[];
  blank: Row;
  onChange: (rows: Row[]) => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const set = (i: number, key: string, value: unknown) => {
    const next = rows.map((r, j) => (j === i ? { ...r } : r));
    if (value === undefined) delete next[i][key];
    else next[i][key] = value;
    onChange(next);
  };
  const rowErrors = (i: number) => details.filter((d) => d.path === `${path}.${i}`);
  return (
    <div class="rows-editor" data-testid={testId}>
      {rows.length === 0 && <p class="muted small">{t('policy.noRows')}</p>}
      {rows.length > 0 && (
        <div class="table-wrap">
          <table class="compact">
            <thead>
              <tr>
                {columns.map((c) => (
                  <th scope="col" key={c.key}>
                    {c.label}
                  </th>
                ))}
                <th scope="col">
                  <span class="sr-only">{t('common.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={i}>
                  {columns.map((c) => {
                    const p = `${path}.${i}.${c.key}`;
                    const err = details.find((d) => d.path === p || d.path?.startsWith(`${p}.`));
                    const v = r[c.key];
                    const common = { name: p, 'aria-label': `${c.label} ${i + 1}`, 'aria-invalid': err ? ('true' as const) : undefined };
                    return (
                      <td key={c.key}>
                        {c.kind === 'select' ? (
                          <select {...common} value={String(v ?? '')} onChange={(e) => set(i, c.key, e.currentTarget.value)}>
                            {c.options?.map((o) => (
                              <option key={o.value} value={o.value}>
                                {o.label}
                              </option>
                            ))}
                          </select>
                        ) : c.kind === 'number' ? (
                          <input
                            {...common}
                            type="number"
                            class="num"
                            value={v === undefined ? '' : String(v)}
                            onInput={(e) => set(i, c.key, e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value))}
                          />
                        ) : c.kind === 'list' ? (
                          <input
                            {...common}
                            value={Array.isArray(v) ? v.join(', ') : ''}
                            placeholder={t('policy.commaSeparated')}
                            onChange={(e) =>
                              set(
                                i,
                                c.key,
                                e.currentTarget.value
                                  .split(',')
                                  .map((s) => s.trim())
                                  .filter(Boolean),
                              )
                            }
                          />
                        ) : (
                          <input
                            {...common}
                            placeholder={c.kind === 'date' ? 'YYYY-MM-DD' : undefined}
                            value={String(v ?? '')}
                            onInput={(e) => set(i, c.key, e.currentTarget.value === '' && !c.required ? undefined : e.currentTarget.value)}
                          />
                        )}
                        {err && <FieldError message={String(err.message)} path={err.path ?? p} />}
                      </td>
                    );
                  })}
                  <td>
                    <button
                      type="button"
                      class="small danger"
                      onClick={() => onChange(rows.filter((_, j) => j !== i))}
                      aria-label={`${t('common.delete')} ${i + 1}`}
                    >
                      ✕
                    </button>
                    {rowErrors(i).map((d) => (
                      <FieldError key={d.path} message={String(d.message)} path={d.path ?? ''} />
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <button type="button" class="small" onClick={() => onChange([...rows, { ...blank }])}>
        + {t('policy.addRow')}
      </button>
    </div>
  );
}
