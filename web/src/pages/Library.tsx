// "Pustaka humas": official content items with a variant per platform. Every variant is checked on save; findings hold
// publishing until fixed or overridden with a reason (audit log); a second humas user reviews and publishes.
import { useEffect, useState } from 'preact/hooks';
import { platformLength } from '../../../src/core/summarize/length';
import { api } from '../api';
import { FindingList } from '../components/findings';
import { Empty, ErrorBox, Loading, Page } from '../components/ui';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import {
  type ItemStatus,
  LIBRARY_PLATFORMS,
  type LibraryItem,
  type LibraryPlatform,
  PLATFORM_LABEL,
  type SummaryResult,
  type UnitOption,
  type Variant,
} from '../library-types';
import { href, navigate } from '../router';
import { useSession } from '../session';

const STATUSES: ItemStatus[] = ['draft', 'review', 'published', 'archived'];
const LIMITS: Record<LibraryPlatform, number> = { x: 280, threads: 500, instagram: 2200, facebook: 63206, linkedin: 3000, whatsapp: 65536, tiktok: 2200 };
const reserve = (p: LibraryPlatform) => (p === 'x' ? 24 : 81);
const lengthOf = (p: LibraryPlatform, text: string) => platformLength(text, p === 'tiktok' ? 'instagram' : p) + reserve(p);
const SUMMARY_PLATFORMS: LibraryPlatform[] = ['x', 'threads', 'instagram', 'facebook', 'linkedin', 'whatsapp'];

export function LibraryPage() {
  const { t, fmtDate } = useI18n();
  const [status, setStatus] = useState<ItemStatus>('draft');
  const items = useLoad((signal) => api.get<LibraryItem[]>(`/api/v1/library/items?status=${status}`, { signal }), [status]);
  return (
    <Page
      title={t('lib.title')}
      intro={t('lib.intro')}
      actions={
        <a class="button primary" href={href('/pustaka/baru')} data-testid="lib-new">
          {t('lib.new')}
        </a>
      }
    >
      <div class="tabs">
        {STATUSES.map((s) => (
          <button type="button" key={s} class="button small" aria-pressed={s === status} onClick={() => setStatus(s)} data-testid={`tab-${s}`}>
            {t(`lib.status.${s}`)}
          </button>
        ))}
      </div>
      <ErrorBox error={items.error} />
      {items.loading && !items.data && <Loading />}
      {items.data?.length === 0 && <Empty>{t('lib.empty')}</Empty>}
      <ul class="library-list">
        {items.data?.map((i) => (
          <li key={i.id} class="card">
            <a href={href(`/pustaka/${encodeURIComponent(i.id)}`)} data-testid="lib-item">
              <strong>{i.title}</strong>
            </a>
            <p class="muted small">
              {t(`lib.status.${i.status}`)} · {fmtDate(i.updatedAt)}
              {i.createdByName && ` · ${t('lib.by', { n: i.createdByName })}`}
              {' · '}
              {i.variants.map((v) => (
                <span key={v.platform} class={`badge ${v.blocked ? 'sev-warning' : 'ok'}`}>
                  {PLATFORM_LABEL[v.platform]}
                </span>
              ))}
            </p>
          </li>
        ))}
      </ul>
    </Page>
  );
}

interface Form {
  title: string;
  body: string;
  link: string;
  imageUrl: string;
  tags: string;
  targetUnitIds: string[];
  validFrom: string;
  validUntil: string;
  variants: Partial<Record<LibraryPlatform, string>>;
}

const emptyForm: Form = { title: '', body: '', link: '', imageUrl: '', tags: '', targetUnitIds: [], validFrom: '', validUntil: '', variants: {} };

function formOf(i: LibraryItem): Form {
  return {
    title: i.title,
    body: i.body,
    link: i.link,
    imageUrl: i.imageUrl ?? '',
    tags: i.tags.join(', '),
    targetUnitIds: i.targetUnitIds,
    validFrom: i.validFrom ?? '',
    validUntil: i.validUntil ?? '',
    variants: Object.fromEntries(i.variants.map((v) => [v.platform, v.text])),
  };
}

function bodyOf(f: Form, origin?: string) {
  return {
    title: f.title,
    body: f.body,
    link: f.link,
    imageUrl: f.imageUrl || null,
    tags: f.tags
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    targetUnitIds: f.targetUnitIds,
    validFrom: f.validFrom || null,
    validUntil: f.validUntil || null,
    variants: Object.fromEntries(Object.entries(f.variants).filter(([, v]) => v?.trim())),
    ...(origin ? { origin } : {}),
  };
}

export function LibraryEditPage({ id }: { id: string | null }) {
  const { t } = useI18n();
  const { user } = useSession();
  const units = useLoad((signal) => api.get<UnitOption[]>('/api/v1/library/units', { signal }), []);
  const [item, setItem] = useState<LibraryItem | null>(null);
  const [form, setForm] = useState<Form>(emptyForm);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [note, setNote] = useState('');

  useEffect(() => {
    if (!id) {
      setItem(null);
      setForm(emptyForm);
      return;
    }
    api
      .get<LibraryItem>(`/api/v1/library/items/${encodeURIComponent(id)}`)
      .then((i) => {
        setItem(i);
        setForm(formOf(i));
      })
      .catch(setError);
  }, [id]);

  const editable = !item || item.status === 'draft' || item.status === 'review';
  const set = <K extends keyof Form>(k: K, v: Form[K]) => setForm((f) => ({ ...f, [k]: v }));
  const run = async (fn: () => Promise<LibraryItem>, message = '') => {
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      const i = await fn();
      setItem(i);
      setForm(formOf(i));
      setNotice(message);
      if (!id) navigate(`/pustaka/${encodeURIComponent(i.id)}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const save = () =>
    run(
      () => (item ? api.put<LibraryItem>(`/api/v1/library/items/${item.id}`, bodyOf(form)) : api.post<LibraryItem>('/api/v1/library/items', bodyOf(form))),
      t('lib.saved'),
    );
  const action = (path: string, body?: unknown) => run(() => api.post<LibraryItem>(`/api/v1/library/items/${item!.id}/${path}`, body));

  const fillFromBody = async () => {
    setBusy(true);
    setError(null);
    try {
      const next = { ...form.variants };
      for (const p of SUMMARY_PLATFORMS) {
        if (next[p]?.trim()) continue;
        const r = await api.post<SummaryResult>('/api/v1/summarize', { text: `${form.title}\n${form.body}`, platform: p });
        next[p] = r.post;
      }
      set('variants', next);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const ownSubmission = item && (item.submittedBy === user?.id || item.createdBy === user?.id);
  return (
    <Page
      title={item ? item.title : t('lib.new')}
      intro={item ? `${t(`lib.status.${item.status}`)}${item.reviewedByName ? ` · ${t('lib.reviewedBy', { n: item.reviewedByName })}` : ''}` : t('lib.intro')}
    >
      <p>
        <a href={href('/pustaka')}>← {t('common.back')}</a>
      </p>
      {!editable && item && <p class="alert">{t('lib.readOnly', { s: t(`lib.status.${item.status}`) })}</p>}
      {editable && item?.origin === 'kb' && (!item.variants.length || !item.link) && (
        <p class="alert" data-testid="lib-from-kb">
          {t('lib.fromKb')}
          {!item.link && ` ${t('lib.fromKbNoLink')}`}
        </p>
      )}
      <form
        class="card library-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset disabled={!editable || busy}>
          <label>
            {t('lib.fTitle')}
            <input value={form.title} onInput={(e) => set('title', e.currentTarget.value)} required maxLength={200} data-testid="lib-title" />
          </label>
          <label>
            {t('lib.fBody')}
            <textarea rows={4} value={form.body} onInput={(e) => set('body', e.currentTarget.value)} required data-testid="lib-body" />
          </label>
          <div class="row">
            <label>
              {t('lib.fLink')}
              <input type="url" value={form.link} onInput={(e) => set('link', e.currentTarget.value)} required data-testid="lib-link" />
            </label>
            <label>
              {t('lib.fImage')}
              <input type="url" value={form.imageUrl} onInput={(e) => set('imageUrl', e.currentTarget.value)} />
            </label>
          </div>
          <div class="row">
            <label>
              {t('lib.fTags')}
              <input value={form.tags} onInput={(e) => set('tags', e.currentTarget.value)} data-testid="lib-tags" />
            </label>
            <label>
              {t('lib.fFrom')}
              <input type="date" value={form.validFrom} onInput={(e) => set('validFrom', e.currentTarget.value)} />
            </label>
            <label>
              {t('lib.fUntil')}
              <input type="date" value={form.validUntil} onInput={(e) => set('validUntil', e.currentTarget.value)} />
            </label>
          </div>
          <fieldset class="targets">
            <legend>{t('lib.fTargets')}</legend>
            {units.data?.map((u) => (
              <label key={u.id} class="check">
                <input
                  type="checkbox"
                  checked={form.targetUnitIds.includes(u.id)}
                  onChange={(e) => set('targetUnitIds', e.currentTarget.checked ? [...form.targetUnitIds, u.id] : form.targetUnitIds.filter((x) => x !== u.id))}
                  data-testid={`target-${u.code}`}
                />{' '}
                {u.name}
              </label>
            ))}
          </fieldset>
          <h2>{t('lib.variants')}</h2>
          <p class="muted small">{t('lib.variantHelp')}</p>
          <button type="button" class="button small" onClick={fillFromBody} disabled={!form.body.trim()} data-testid="lib-fill">
            {t('lib.fillFromBody')}
          </button>
          {LIBRARY_PLATFORMS.map((p) => (
            <VariantField
              key={p}
              platform={p}
              text={form.variants[p] ?? ''}
              saved={item?.variants.find((v) => v.platform === p && v.text === (form.variants[p] ?? ''))}
              onText={(s) => set('variants', { ...form.variants, [p]: s })}
              onOverride={(reason) => action(`variants/${p}/override`, { reason })}
              editable={editable}
            />
          ))}
        </fieldset>
        <ErrorBox error={error} />
        {notice && (
          <p class="alert ok" role="status">
            {notice}
          </p>
        )}
        <div class="row actions">
          {editable && (
            <button type="submit" class="button" disabled={busy} data-testid="lib-save">
              {t('lib.save')}
            </button>
          )}
          {item?.status === 'draft' && (
            <button type="button" class="button primary" disabled={busy} onClick={() => action('submit')} data-testid="lib-submit">
              {t('lib.submit')}
            </button>
          )}
          {item && item.status !== 'archived' && (
            <button type="button" class="button" disabled={busy} onClick={() => action('archive')} data-testid="lib-archive">
              {t('lib.archive')}
            </button>
          )}
        </div>
      </form>
      {item?.status === 'review' && (
        <section class="card">
          <h2>{t('lib.status.review')}</h2>
          {ownSubmission ? (
            <p class="muted">{t('lib.ownReview')}</p>
          ) : (
            <>
              <label>
                {t('lib.reviewNote')}
                <input value={note} onInput={(e) => setNote(e.currentTarget.value)} />
              </label>
              <div class="row actions">
                <button
                  type="button"
                  class="button primary"
                  disabled={busy}
                  onClick={() => action('review', { approve: true, note })}
                  data-testid="lib-approve"
                >
                  {t('lib.approve')}
                </button>
                <button type="button" class="button" disabled={busy} onClick={() => action('review', { approve: false, note })} data-testid="lib-reject">
                  {t('lib.reject')}
                </button>
              </div>
            </>
          )}
        </section>
      )}
    </Page>
  );
}

function VariantField({
  platform,
  text,
  saved,
  onText,
  onOverride,
  editable,
}: {
  platform: LibraryPlatform;
  text: string;
  saved: Variant | undefined;
  onText: (s: string) => void;
  onOverride: (reason: string) => void;
  editable: boolean;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const len = text ? lengthOf(platform, text) : 0;
  const limit = LIMITS[platform];
  return (
    <div class="variant" data-testid={`variant-${platform}`}>
      <label>
        {PLATFORM_LABEL[platform]}{' '}
        {saved && (
          <span class={`badge ${saved.blocked ? 'sev-warning' : 'ok'}`} data-testid={`variant-status-${platform}`}>
            {saved.blocked ? t('lib.blocked') : saved.override ? t('lib.overridden', { r: saved.override.reason }) : t('lib.ok')}
          </span>
        )}
        <textarea rows={3} value={text} onInput={(e) => onText(e.currentTarget.value)} data-testid={`variant-text-${platform}`} />
      </label>
      {text && (
        <p class={len > limit ? 'small warn' : 'muted small'}>
          {len} / {limit}
        </p>
      )}
      {saved && saved.findings.length > 0 && <FindingList findings={saved.findings} source={saved.text} />}
      {saved?.blocked && editable && (
        <div class="row">
          <label>
            {t('lib.overrideReason')}
            <input value={reason} onInput={(e) => setReason(e.currentTarget.value)} data-testid={`override-reason-${platform}`} />
          </label>
          <button type="button" class="button small" disabled={reason.trim().length < 10} onClick={() => onOverride(reason)}>
            {t('lib.override')}
          </button>
        </div>
      )}
    </div>
  );
}
