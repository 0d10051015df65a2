// Admin: users (create, change role or unit, delete) and the CSV import of employees.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { Empty, ErrorBox, Loading, Page } from '../components/ui';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import type { ImportResult, Role, Unit, User } from '../types';

const ROLES: Role[] = ['pegawai', 'atasan', 'humas', 'admin'];

export function AdminUsers() {
  const { t } = useI18n();
  const { user: me } = useSession();
  const users = useLoad((signal) => api.get<User[]>('/api/v1/admin/users', { signal }), []);
  const units = useLoad((signal) => api.get<Unit[]>('/api/v1/admin/units', { signal }), []);
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<unknown>(null);

  const update = async (u: User, patch: Partial<User>) => {
    setError(null);
    try {
      await api.put<User>(`/api/v1/admin/users/${encodeURIComponent(u.id)}`, patch);
      users.reload();
    } catch (e) {
      setError(e);
    }
  };
  const remove = async (u: User) => {
    if (!confirm(t('users.confirmDelete', { name: u.name }))) return;
    setError(null);
    try {
      await api.del(`/api/v1/admin/users/${encodeURIComponent(u.id)}`);
      users.reload();
    } catch (e) {
      setError(e);
    }
  };

  const shown = (users.data ?? []).filter((u) => !filter || `${u.username} ${u.name} ${u.unitName}`.toLowerCase().includes(filter.toLowerCase()));

  return (
    <Page title={t('users.title')}>
      <div class="two-col">
        <section class="card">
          <h2>{t('users.add')}</h2>
          <UserForm units={units.data ?? []} onDone={users.reload} />
        </section>
        <section class="card">
          <h2>{t('users.import')}</h2>
          <CsvImport onDone={users.reload} />
        </section>
      </div>
      <section class="card">
        <h2>{t('users.list')}</h2>
        <label class="inline">
          {t('common.search')}
          <input type="search" value={filter} onInput={(e) => setFilter(e.currentTarget.value)} />
        </label>
        <ErrorBox error={error ?? users.error} />
        {users.loading && !users.data && <Loading />}
        {users.data && shown.length === 0 && <Empty>{t('users.none')}</Empty>}
        {shown.length > 0 && (
          <div class="table-wrap">
            <table data-testid="users">
              <thead>
                <tr>
                  <th scope="col">{t('users.username')}</th>
                  <th scope="col">{t('users.name')}</th>
                  <th scope="col">{t('users.role')}</th>
                  <th scope="col">{t('users.unit')}</th>
                  <th scope="col">
                    <span class="sr-only">{t('common.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {shown.map((u) => (
                  <tr key={u.id}>
                    <td>
                      <code>{u.username}</code>
                    </td>
                    <td>{u.name}</td>
                    <td>
                      <select
                        aria-label={t('users.roleOf', { name: u.name })}
                        value={u.role}
                        disabled={u.id === me?.id}
                        onChange={(e) => update(u, { role: e.currentTarget.value as Role })}
                      >
                        {ROLES.map((r) => (
                          <option key={r} value={r}>
                            {t(`role.${r}`)}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <select aria-label={t('users.unitOf', { name: u.name })} value={u.unitId} onChange={(e) => update(u, { unitId: e.currentTarget.value })}>
                        {(units.data ?? []).map((un) => (
                          <option key={un.id} value={un.id}>
                            {un.code} · {un.name}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <button type="button" class="small danger" disabled={u.id === me?.id} onClick={() => remove(u)}>
                        {t('common.delete')}
                      </button>
                    </td>
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

function UserForm({ units, onDone }: { units: Unit[]; onDone: () => void }) {
  const { t } = useI18n();
  const [form, setForm] = useState({ username: '', name: '', role: 'pegawai' as Role, unitId: '', password: '' });
  const [error, setError] = useState<unknown>(null);
  const [ok, setOk] = useState('');
  const set = (k: keyof typeof form) => (e: Event) => setForm({ ...form, [k]: (e.currentTarget as HTMLInputElement).value });
  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setOk('');
    try {
      const u = await api.post<User>('/api/v1/admin/users', form);
      setOk(t('users.created', { name: u.name }));
      setForm({ username: '', name: '', role: 'pegawai', unitId: form.unitId, password: '' });
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <form class="stack" onSubmit={submit}>
      <label>
        {t('users.username')}
        <input required value={form.username} onInput={set('username')} autocomplete="off" />
      </label>
      <label>
        {t('users.name')}
        <input required value={form.name} onInput={set('name')} autocomplete="off" />
      </label>
      <div class="row">
        <label>
          {t('users.role')}
          <select value={form.role} onChange={set('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('users.unit')}
          <select value={form.unitId} onChange={set('unitId')} required>
            <option value="" disabled>
              {t('users.chooseUnit')}
            </option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.code} · {u.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <label>
        {t('users.password')}
        <input type="password" required minLength={8} value={form.password} onInput={set('password')} autocomplete="new-password" />
      </label>
      <ErrorBox error={error} />
      {ok && (
        <p class="alert ok" role="status">
          {ok}
        </p>
      )}
      <button type="submit" class="primary">
        {t('users.create')}
      </button>
    </form>
  );
}

function CsvImport({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [csv, setCsv] = useState('');
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const onFile = async (e: Event) => {
    const f = (e.currentTarget as HTMLInputElement).files?.[0];
    if (f) setCsv(await f.text());
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await api.post<ImportResult>('/api/v1/admin/users/import', undefined, { raw: csv, contentType: 'text/csv' }));
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="stack" onSubmit={submit} data-testid="csv-import">
      <p class="muted small">
        {t('users.importHelp')} <code>username,name,role,unit_code,password</code>
      </p>
      <label>
        {t('users.csvFile')}
        <input type="file" accept=".csv,text/csv" onChange={onFile} />
      </label>
      <label>
        {t('users.csvText')}
        <textarea name="csv" rows={5} value={csv} onInput={(e) => setCsv(e.currentTarget.value)} spellcheck={false} class="mono" />
      </label>
      <ErrorBox error={error} />
      {result && (
        <div class={result.errors.length ? 'alert warn' : 'alert ok'} role="status" data-testid="import-result">
          <p>{t('users.importResult', { created: result.created, updated: result.updated, errors: result.errors.length })}</p>
          {result.errors.length > 0 && (
            <ul>
              {result.errors.map((er) => (
                <li key={er.line}>
                  {t('common.line')} {er.line}: {er.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <button type="submit" class="primary" disabled={busy || !csv.trim()}>
        {t('users.importSubmit')}
      </button>
    </form>
  );
}
