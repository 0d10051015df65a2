// "Konten resmi": the feed of official content for the user's unit, with one-tap sharing through the platforms' own
// share pages (nothing is posted automatically), the text editable and checked live, and the user's own figures only.
import { useEffect, useState } from 'preact/hooks';
import { platformLength } from '../../../src/core/summarize/length';
import { api } from '../api';
import { FindingList } from '../components/findings';
import { Empty, ErrorBox, Loading, Page } from '../components/ui';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { COPY_ONLY, type FeedItem, type LibraryPlatform, PLATFORM_LABEL, type ShareResult } from '../library-types';
import type { Finding } from '../types';

const DEBOUNCE_MS = 300;

/** Characters kept for the short link, as the server counts them (X: 23 + a space). */
const reserve = (p: LibraryPlatform) => (p === 'x' ? 24 : 81);
const lengthOf = (p: LibraryPlatform, text: string) => platformLength(text, p === 'tiktok' ? 'instagram' : p) + reserve(p);

export function FeedPage() {
  const { t } = useI18n();
  const feed = useLoad((signal) => api.get<FeedItem[]>('/api/v1/feed', { signal }), []);
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Page title={t('feed.title')} intro={t('feed.intro')}>
      <ErrorBox error={feed.error} />
      {feed.loading && !feed.data && <Loading />}
      {feed.data?.length === 0 && <Empty>{t('feed.empty')}</Empty>}
      <ul class="library-feed">
        {feed.data?.map((item) => (
          <li key={item.id} class="card" data-testid="feed-item">
            <FeedCard item={item} open={open === item.id} onToggle={() => setOpen(open === item.id ? null : item.id)} onShared={feed.reload} />
          </li>
        ))}
      </ul>
    </Page>
  );
}

function FeedCard({ item, open, onToggle, onShared }: { item: FeedItem; open: boolean; onToggle: () => void; onShared: () => void }) {
  const { t, fmtDate } = useI18n();
  return (
    <article>
      <h2>{item.title}</h2>
      <p class="muted small">
        {item.publishedAt && fmtDate(item.publishedAt)}
        {item.targeted && <span class="badge plain"> {t('feed.forYourUnit')}</span>}
        {item.validUntil && <span> · {t('feed.validUntil', { d: fmtDate(item.validUntil) })}</span>}
        {item.tags.map((tag) => (
          <span key={tag} class="chip">
            #{tag}
          </span>
        ))}
      </p>
      <p>{item.body}</p>
      <p class="small">
        <a href={item.link} target="_blank" rel="noopener noreferrer">
          {t('feed.source')} ↗
        </a>
      </p>
      <p class="muted small" data-testid="feed-mine">
        {t('feed.mine', { s: item.mine.shares, c: item.mine.clicks })}
      </p>
      <button type="button" class="button primary" aria-expanded={open} onClick={onToggle} data-testid="share-toggle">
        {open ? t('feed.close') : t('feed.share')}
      </button>
      {open && <SharePanel item={item} onShared={onShared} />}
    </article>
  );
}

function SharePanel({ item, onShared }: { item: FeedItem; onShared: () => void }) {
  const { t } = useI18n();
  const platforms = item.variants.map((v) => v.platform);
  const [platform, setPlatform] = useState<LibraryPlatform>(platforms[0] ?? 'x');
  const variantText = (p: LibraryPlatform) => item.variants.find((v) => v.platform === p)?.text ?? item.title;
  const [text, setText] = useState(variantText(platform));
  const [findings, setFindings] = useState<Finding[]>([]);
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<ShareResult | null>(null);
  const [busy, setBusy] = useState(false);
  const limit = item.variants.find((v) => v.platform === platform)?.limit ?? 280;
  const len = lengthOf(platform, text);

  useEffect(() => {
    setText(variantText(platform));
    setDone(null);
  }, [platform]);

  // live check of the (edited) text, like any draft
  useEffect(() => {
    if (!text.trim()) return setFindings([]);
    const ctl = new AbortController();
    setChecking(true);
    const timer = setTimeout(() => {
      api
        .post<{ findings: Finding[] }>('/api/v1/check', { text, platform: platform === 'tiktok' ? 'tiktok' : platform }, { signal: ctl.signal })
        .then((r) => {
          setFindings(r.findings);
          setChecking(false);
        })
        .catch((e) => {
          if (!ctl.signal.aborted) {
            setError(e);
            setChecking(false);
          }
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [text, platform]);

  const share = async () => {
    setBusy(true);
    setError(null);
    // open the window inside the click (pop-up blockers), then point it at the intent
    const win = COPY_ONLY.includes(platform) ? null : window.open('about:blank', '_blank');
    try {
      const r = await api.post<ShareResult>(`/api/v1/feed/${encodeURIComponent(item.id)}/share`, { platform, text });
      setDone(r);
      if (r.intentUrl && win) {
        win.opener = null;
        win.location.href = r.intentUrl;
      } else {
        win?.close();
        await navigator.clipboard?.writeText(r.copyText).catch(() => undefined);
      }
      onShared();
    } catch (e) {
      win?.close();
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const label = PLATFORM_LABEL[platform];
  return (
    <div class="share-panel" data-testid="share-panel">
      <fieldset class="platform-pick">
        <legend>{t('feed.platform')}</legend>
        {platforms.map((p) => (
          <button type="button" key={p} class="button small" aria-pressed={p === platform} onClick={() => setPlatform(p)} data-testid={`pick-${p}`}>
            {PLATFORM_LABEL[p]}
          </button>
        ))}
      </fieldset>
      <label>
        {t('feed.text')}
        <textarea rows={5} value={text} onInput={(e) => setText(e.currentTarget.value)} data-testid="share-text" />
      </label>
      <p class={len > limit ? 'small warn' : 'muted small'} data-testid="share-count">
        {t('feed.count', { n: len, limit })}
      </p>
      <div aria-live="polite">
        {checking ? (
          <p class="muted small">{t('feed.checking')}</p>
        ) : findings.length ? (
          <FindingList findings={findings} source={text} />
        ) : (
          <p class="small ok-text" data-testid="share-clean">
            {t('feed.clean')}
          </p>
        )}
      </div>
      <ErrorBox error={error} />
      <button type="button" class="button primary" disabled={busy || len > limit || !text.trim()} onClick={share} data-testid="share-go">
        {COPY_ONLY.includes(platform) ? t('feed.copyFor', { p: label }) : t('feed.openIn', { p: label })}
      </button>
      {done && (
        <div class="alert ok" role="status" data-testid="share-done">
          <p>{done.intentUrl ? t('feed.opened', { p: label }) : t('feed.copied', { p: label })}</p>
          <p class="small">
            {t('feed.shortLink')}: <code data-testid="short-link">{done.shortUrl}</code>
            {done.intentUrl && (
              <>
                {' · '}
                <a href={done.intentUrl} target="_blank" rel="noopener noreferrer" data-testid="intent-link">
                  {t('feed.openIn', { p: label })}
                </a>
              </>
            )}
          </p>
        </div>
      )}
    </div>
  );
}
