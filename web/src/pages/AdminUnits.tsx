// Admin: the tree of organisation units.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { Empty, ErrorBox, Loading, Page } from '../components/ui';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { href } from '../router';
import type { Unit } from '../types';

function children(units: Unit[], parentId: string | null): Unit[] {
  return units.filter((u) => (u.parentId ?? null) === parentId).sort((a, b) => a.code.localeCompare(b.code));
}

export function AdminUnits() {
  const { t } = useI18n();
  const units = useLoad((signal) => api.get<Unit[]>('/api/v1/admin/units', { signal }), []);
  const [form, setForm] = useState({ code: '', name: '', parentId: '' });
  const [error, setError] = useState<unknown>(null);
  const list = units.data ?? [];
  const ids = new Set(list.map((u) => u.id));
  const roots = list.filter((u) => !u.parentId || !ids.has(u.parentId));

  const submit = async (e: Event) => {
    e.preventDefault();
    setError(null);
    try {
      await api.post<Unit>('/api/v1/admin/units', { code: form.code, name: form.name, parentId: form.parentId || null });
      setForm({ code: '', name: '', parentId: form.parentId });
      units.reload();
    } catch (err) {
      setError(err);
    }
  };
  const rename = async (u: Unit) => {
    const name = prompt(t('units.renamePrompt'), u.name);
    if (!name || name === u.name) return;
    setError(null);
    try {
      await api.put<Unit>(`/api/v1/admin/units/${encodeURIComponent(u.id)}`, { name });
      units.reload();
    } catch (err) {
      setError(err);
    }
  };
  const remove = async (u: Unit) => {
    if (!confirm(t('units.confirmDelete', { name: u.name }))) return;
    setError(null);
    try {
      await api.del(`/api/v1/admin/units/${encodeURIComponent(u.id)}`);
      units.reload();
    } catch (err) {
      setError(err);
    }
  };

  const renderTree = (nodes: Unit[]) => (
    <ul class="tree">
      {nodes.map((u) => (
        <li key={u.id}>
          <div class="tree-row">
            <code>{u.code}</code> <span>{u.name}</span>
            <span class="tree-actions">
              <a class="button small" href={href(`/dasbor/${encodeURIComponent(u.id)}`)}>
                {t('nav.dashboard')}
              </a>
              <button type="button" class="small" onClick={() => rename(u)}>
                {t('units.rename')}
              </button>
              <button type="button" class="small danger" onClick={() => remove(u)}>
                {t('common.delete')}
              </button>
            </span>
          </div>
          {children(list, u.id).length > 0 && renderTree(children(list, u.id))}
        </li>
      ))}
    </ul>
  );

  return (
    <Page title={t('units.title')}>
      <div class="two-col">
        <section class="card">
          <h2>{t('units.tree')}</h2>
          <ErrorBox error={error ?? units.error} />
          {units.loading && !units.data && <Loading />}
          {units.data && list.length === 0 && <Empty>{t('units.none')}</Empty>}
          <div data-testid="units">{renderTree(roots)}</div>
        </section>
        <section class="card">
          <h2>{t('units.add')}</h2>
          <form class="stack" onSubmit={submit}>
            <label>
              {t('units.code')}
              <input required value={form.code} onInput={(e) => setForm({ ...form, code: e.currentTarget.value })} />
            </label>
            <label>
              {t('units.name')}
              <input required value={form.name} onInput={(e) => setForm({ ...form, name: e.currentTarget.value })} />
            </label>
            <label>
              {t('units.parent')}
              <select value={form.parentId} onChange={(e) => setForm({ ...form, parentId: e.currentTarget.value })}>
                <option value="">{t('units.noParent')}</option>
                {list.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.code} · {u.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" class="primary">
              {t('units.create')}
            </button>
          </form>
        </section>
      </div>
    </Page>
  );
}
