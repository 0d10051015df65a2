// "Akun saya": the employee's own social accounts (checked by the account-name rule) and the periodic self-check.
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { FindingList, Highlighted } from '../components/findings';
import { Empty, ErrorBox, Loading, Page } from '../components/ui';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { useRoute } from '../router';
import type { Account, Finding, Home, PlatformInfo, SelfCheck } from '../types';

interface AccountForm {
  platform: string;
  handle: string;
  displayName: string;
  bio: string;
}

const EMPTY: AccountForm = { platform: 'instagram', handle: '', displayName: '', bio: '' };

/** Text of the field a finding points into. */
function fieldText(a: { handle: string; displayName?: string; bio?: string }, f: Finding): string {
  if (f.field === 'displayName') return a.displayName ?? '';
  if (f.field === 'bio') return a.bio ?? '';
  return a.handle;
}

export function AccountsPage() {
  const { t } = useI18n();
  const route = useRoute();
  const platforms = useLoad((signal) => api.get<PlatformInfo[]>('/api/v1/platforms', { signal }), []);
  const accounts = useLoad((signal) => api.get<Account[]>('/api/v1/me/accounts', { signal }), []);
  const [editing, setEditing] = useState<Account | null>(null);

  useEffect(() => {
    if (route.query.get('fokus') === 'cek-mandiri') document.getElementById('selfcheck')?.scrollIntoView();
  }, [route.query]);

  const platformLabel = (id: string) => platforms.data?.find((p) => p.id === id)?.label ?? id;

  return (
    <Page title={t('accounts.title')} intro={t('accounts.intro')}>
      <div class="two-col">
        <section class="card">
          <h2>{editing ? t('accounts.editTitle') : t('accounts.addTitle')}</h2>
          <AccountEditor
            key={editing?.id ?? 'new'}
            platforms={platforms.data ?? []}
            initial={editing ?? EMPTY}
            editingId={editing?.id}
            onDone={() => {
              setEditing(null);
              accounts.reload();
            }}
            onCancel={editing ? () => setEditing(null) : undefined}
          />
        </section>
        <section class="card">
          <h2>{t('accounts.listTitle')}</h2>
          <ErrorBox error={accounts.error} />
          {accounts.loading && !accounts.data && <Loading />}
          {accounts.data && accounts.data.length === 0 && <Empty>{t('accounts.none')}</Empty>}
          <ul class="accounts" data-testid="accounts">
            {accounts.data?.map((a) => (
              <li key={a.id} class="account">
                <div class="account-head">
                  <span class="badge plain">{platformLabel(a.platform)}</span>
                  <strong>
                    @<Highlighted text={a.handle} findings={a.findings} field="handle" />
                  </strong>
                  {a.displayName && (
                    <span>
                      <Highlighted text={a.displayName} findings={a.findings} field="displayName" />
                    </span>
                  )}
                  {a.findings.length === 0 && <span class="badge ok">{t('accounts.ok')}</span>}
                </div>
                {a.bio && (
                  <p class="muted small">
                    <Highlighted text={a.bio} findings={a.findings} field="bio" />
                  </p>
                )}
                {a.findings.length > 0 && <FindingList findings={a.findings} source={(f) => fieldText(a, f)} />}
                <div class="row">
                  <button type="button" class="small" onClick={() => setEditing(a)}>
                    {t('common.edit')}
                  </button>
                  <DeleteAccount account={a} onDone={accounts.reload} />
                </div>
              </li>
            ))}
          </ul>
        </section>
      </div>
      <SelfCheckSection accounts={accounts.data ?? []} platformLabel={platformLabel} />
    </Page>
  );
}

function DeleteAccount({ account, onDone }: { account: Account; onDone: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <button
        type="button"
        class="small danger"
        onClick={async () => {
          if (!confirm(t('accounts.confirmDelete', { handle: account.handle }))) return;
          try {
            await api.del(`/api/v1/me/accounts/${encodeURIComponent(account.id)}`);
            onDone();
          } catch (e) {
            setError(e);
          }
        }}
      >
        {t('common.delete')}
      </button>
      <ErrorBox error={error} />
    </>
  );
}

function AccountEditor({
  platforms,
  initial,
  editingId,
  onDone,
  onCancel,
}: {
  platforms: PlatformInfo[];
  initial: AccountForm;
  editingId?: string;
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState<AccountForm>({ platform: initial.platform, handle: initial.handle, displayName: initial.displayName, bio: initial.bio });
  const [preview, setPreview] = useState<Finding[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof AccountForm) => (e: Event) => setForm({ ...form, [k]: (e.currentTarget as HTMLInputElement).value });

  // Live preview of the account-name rule while typing (nothing is stored by /check).
  useEffect(() => {
    const handle = form.handle.trim().replace(/^@/, '');
    if (!handle) {
      setPreview(null);
      return;
    }
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      api
        .post<{ findings: Finding[] }>(
          '/api/v1/check',
          { handle, displayName: form.displayName, bio: form.bio, platform: form.platform },
          { signal: ctl.signal },
        )
        .then((r) => setPreview(r.findings))
        .catch(() => {});
    }, 300);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [form]);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body = { platform: form.platform, handle: form.handle.trim().replace(/^@/, ''), displayName: form.displayName, bio: form.bio };
    try {
      if (editingId) await api.put<Account>(`/api/v1/me/accounts/${encodeURIComponent(editingId)}`, body);
      else await api.post<Account>('/api/v1/me/accounts', body);
      setForm(EMPTY);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} class="stack" data-testid="account-form">
      <label>
        {t('accounts.platform')}
        <select value={form.platform} onChange={set('platform')} name="platform">
          {platforms.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('accounts.handle')}
        <input name="handle" required maxLength={100} value={form.handle} onInput={set('handle')} placeholder="nama_akun" autocomplete="off" />
      </label>
      <label>
        {t('accounts.displayName')}
        <input name="displayName" maxLength={200} value={form.displayName} onInput={set('displayName')} autocomplete="off" />
      </label>
      <label>
        {t('accounts.bio')}
        <textarea name="bio" rows={3} maxLength={1000} value={form.bio} onInput={set('bio')} />
      </label>
      <div aria-live="polite" class="preview">
        {preview && preview.length > 0 && (
          <>
            <p class="muted small">{t('accounts.previewFindings')}</p>
            <FindingList
              findings={preview}
              source={(f) => fieldText({ handle: form.handle.trim().replace(/^@/, ''), displayName: form.displayName, bio: form.bio }, f)}
            />
          </>
        )}
        {preview && preview.length === 0 && <p class="badge ok">{t('accounts.previewOk')}</p>}
      </div>
      <ErrorBox error={error} />
      <div class="row">
        <button type="submit" class="primary" disabled={busy}>
          {editingId ? t('common.save') : t('accounts.register')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

const CHECKS = ['twoFactor', 'passwordChanged', 'displayNameOk', 'postsReviewed'] as const;

function SelfCheckSection({ accounts, platformLabel }: { accounts: Account[]; platformLabel: (id: string) => string }) {
  const { t, fmtDate, fmtDateTime } = useI18n();
  const home = useLoad((signal) => api.get<Home>('/api/v1/me/home', { signal }), []);
  const history = useLoad((signal) => api.get<SelfCheck[]>('/api/v1/me/self-checks', { signal }), []);
  const [values, setValues] = useState<Record<(typeof CHECKS)[number], boolean>>({
    twoFactor: false,
    passwordChanged: false,
    displayNameOk: false,
    postsReviewed: false,
  });
  const [accountId, setAccountId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await api.post<SelfCheck>('/api/v1/me/self-checks', { ...values, accountId: accountId || undefined, note: note || undefined });
      setDone(true);
      setValues({ twoFactor: false, passwordChanged: false, displayNameOk: false, postsReviewed: false });
      setNote('');
      home.reload();
      history.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const sc = home.data?.selfCheck;
  return (
    <section class="card" id="selfcheck" aria-labelledby="selfcheck-h">
      <h2 id="selfcheck-h">{t('selfcheck.title')}</h2>
      <p class="muted">{t('selfcheck.intro')}</p>
      {sc && (
        <p class={sc.overdue ? 'alert warn' : 'alert ok'} data-testid="selfcheck-due">
          {sc.overdue ? t('home.overdue', { date: fmtDate(sc.dueAt) }) : t('home.nextSelfCheck', { date: fmtDate(sc.dueAt) })}
          {sc.lastAt && <> {t('selfcheck.last', { date: fmtDate(sc.lastAt) })}</>}
        </p>
      )}
      <form onSubmit={submit} class="stack" data-testid="selfcheck-form">
        <fieldset>
          <legend>{t('selfcheck.checklist')}</legend>
          {CHECKS.map((k) => (
            <label class="check" key={k}>
              <input type="checkbox" name={k} checked={values[k]} onChange={(e) => setValues({ ...values, [k]: e.currentTarget.checked })} />
              {t(`selfcheck.${k}`)}
            </label>
          ))}
        </fieldset>
        {accounts.length > 0 && (
          <label>
            {t('selfcheck.account')}
            <select value={accountId} onChange={(e) => setAccountId(e.currentTarget.value)}>
              <option value="">{t('selfcheck.allAccounts')}</option>
              {accounts.map((a) => (
                <option key={a.id} value={a.id}>
                  {platformLabel(a.platform)} @{a.handle}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {t('selfcheck.note')}
          <textarea rows={2} maxLength={1000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        {!CHECKS.every((k) => values[k]) && <p class="muted small">{t('selfcheck.incompleteHelp')}</p>}
        <ErrorBox error={error} />
        {done && (
          <p class="alert ok" role="status">
            {t('selfcheck.done')}
          </p>
        )}
        <div class="row">
          <button type="submit" class="primary" disabled={busy}>
            {t('selfcheck.submit')}
          </button>
        </div>
      </form>
      <h3>{t('selfcheck.history')}</h3>
      {history.data && history.data.length === 0 && <Empty>{t('selfcheck.noHistory')}</Empty>}
      {history.data && history.data.length > 0 && (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('log.at')}</th>
                {CHECKS.map((k) => (
                  <th scope="col" key={k}>
                    {t(`selfcheck.short.${k}`)}
                  </th>
                ))}
                <th scope="col">{t('selfcheck.note')}</th>
              </tr>
            </thead>
            <tbody>
              {history.data.map((s) => (
                <tr key={s.id}>
                  <td>{fmtDateTime(s.createdAt)}</td>
                  {CHECKS.map((k) => (
                    <td key={k}>{s[k] ? <span class="yes">✓ {t('common.yes')}</span> : <span class="no">✗ {t('common.no')}</span>}</td>
                  ))}
                  <td>{s.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
