// Super-admin: the organisations (agencies) of this deployment, and a new one with its root unit and first admin.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { Empty, ErrorBox, Loading, Page } from '../components/ui';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import type { Organization } from '../types';

const EMPTY = { code: '', name: '', unitCode: '', unitName: '', adminUsername: '', adminName: '', adminPassword: '' };

export function AdminOrganizations() {
  const { t } = useI18n();
  const orgs = useLoad((signal) => api.get<Organization[]>('/api/v1/organizations', { signal }), []);
  const [form, setForm] = useState(EMPTY);
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<string | null>(null);
  const field = (key: keyof typeof EMPTY, label: string, secret = false) => {
    const onInput = (e: { currentTarget: HTMLInputElement }) => setForm({ ...form, [key]: e.currentTarget.value });
    return secret ? (
      <label>
        {label}
        <input required type="password" autocomplete="new-password" name={key} value={form[key]} onInput={onInput} />
      </label>
    ) : (
      <label>
        {label}
        <input required name={key} value={form[key]} onInput={onInput} />
      </label>
    );
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setCreated(null);
    try {
      const org = await api.post<Organization>('/api/v1/organizations', {
        code: form.code.trim().toLowerCase(),
        name: form.name.trim(),
        unit: { code: form.unitCode.trim(), name: form.unitName.trim() },
        admin: { username: form.adminUsername.trim().toLowerCase(), name: form.adminName.trim(), password: form.adminPassword },
      });
      setCreated(org.name);
      setForm(EMPTY);
      orgs.reload();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Page title={t('orgs.title')} intro={t('orgs.intro')}>
      <div class="two-col">
        <section class="card">
          <h2>{t('orgs.list')}</h2>
          {orgs.loading && !orgs.data && <Loading />}
          {orgs.data && orgs.data.length === 0 && <Empty>—</Empty>}
          <ul class="tree" data-testid="organizations">
            {(orgs.data ?? []).map((o) => (
              <li key={o.id}>
                <div class="tree-row">
                  <code>{o.code}</code> <span>{o.name}</span> <span class="muted">{t('orgs.users', { n: o.users ?? 0 })}</span>
                </div>
              </li>
            ))}
          </ul>
        </section>
        <section class="card">
          <h2>{t('orgs.add')}</h2>
          <form class="stack" onSubmit={submit}>
            {field('code', t('orgs.code'))}
            {field('name', t('orgs.name'))}
            {field('unitCode', t('orgs.unitCode'))}
            {field('unitName', t('orgs.unitName'))}
            {field('adminUsername', t('orgs.adminUsername'))}
            {field('adminName', t('orgs.adminName'))}
            {field('adminPassword', t('orgs.adminPassword'), true)}
            <ErrorBox error={error ?? orgs.error} />
            {created && (
              <p class="alert ok" role="status" data-testid="org-created">
                {t('orgs.created', { name: created })}
              </p>
            )}
            <button type="submit" class="primary">
              {t('orgs.create')}
            </button>
          </form>
        </section>
      </div>
    </Page>
  );
}
