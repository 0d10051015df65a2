// "APBN dalam satu unggahan": a long official text into one post and a numbered thread, sentences and figures taken
// verbatim from the source, every part checked; humas can save the post as a library item.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { FindingList } from '../components/findings';
import { ErrorBox, Page } from '../components/ui';
import { useI18n } from '../i18n';
import { type LibraryItem, PLATFORM_LABEL, type SummaryResult } from '../library-types';
import { navigate } from '../router';
import { useSession } from '../session';

const PLATFORMS = ['x', 'threads', 'instagram', 'facebook', 'linkedin', 'whatsapp'] as const;

export function SummarizePage() {
  const { t } = useI18n();
  const { user } = useSession();
  const [text, setText] = useState('');
  const [platform, setPlatform] = useState<(typeof PLATFORMS)[number]>('x');
  const [link, setLink] = useState('');
  const [result, setResult] = useState<SummaryResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState('');

  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await api.post<SummaryResult>('/api/v1/summarize', { text, platform, ...(link ? { link } : {}) }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const copy = async (key: string, s: string) => {
    await navigator.clipboard?.writeText(s).catch(() => undefined);
    setCopied(key);
  };
  const saveToLibrary = async () => {
    if (!result || !link) return;
    setBusy(true);
    setError(null);
    try {
      const variant = result.post.endsWith(`\n${link}`) ? result.post.slice(0, -(link.length + 1)) : result.post;
      const firstLine = text.trim().split('\n')[0].slice(0, 200);
      const item = await api.post<LibraryItem>('/api/v1/library/items', {
        title: firstLine.length >= 3 ? firstLine : variant.slice(0, 200),
        body: variant,
        link,
        variants: { [platform]: variant },
        origin: 'summary',
      });
      navigate(`/pustaka/${encodeURIComponent(item.id)}`);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const isHumas = user?.role === 'humas' || user?.role === 'admin';
  return (
    <Page title={t('sum.title')} intro={t('sum.intro')}>
      <form
        class="card"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <label>
          {t('sum.text')}
          <textarea rows={10} value={text} onInput={(e) => setText(e.currentTarget.value)} required data-testid="sum-text" />
        </label>
        <div class="row">
          <label>
            {t('feed.platform')}
            <select value={platform} onChange={(e) => setPlatform(e.currentTarget.value as typeof platform)} data-testid="sum-platform">
              {PLATFORMS.map((p) => (
                <option key={p} value={p}>
                  {PLATFORM_LABEL[p]}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('sum.link')}
            <input type="url" value={link} onInput={(e) => setLink(e.currentTarget.value)} data-testid="sum-link" />
          </label>
        </div>
        <button type="submit" class="button primary" disabled={busy || !text.trim()} data-testid="sum-run">
          {t('sum.run')}
        </button>
      </form>
      <ErrorBox error={error} />
      {result && (
        <div class="two-col">
          <section class="card">
            <h2>{t('sum.post')}</h2>
            <pre class="post-text" data-testid="sum-post">
              {result.post}
            </pre>
            <p class="muted small">{t('sum.chars', { n: result.lengths.post, limit: result.limit })}</p>
            <button type="button" class="button small" onClick={() => copy('post', result.post)}>
              {copied === 'post' ? t('sum.copied') : t('sum.copy')}
            </button>
            {isHumas && (
              <p>
                <button type="button" class="button" disabled={busy || !link} onClick={saveToLibrary} data-testid="sum-save">
                  {t('sum.saveToLibrary')}
                </button>
                {!link && <span class="muted small"> {t('sum.needLink')}</span>}
              </p>
            )}
          </section>
          <section class="card">
            <h2>
              {t('sum.thread')} ({result.thread.length})
            </h2>
            <ol class="thread" data-testid="sum-thread">
              {result.thread.map((p, i) => (
                <li key={p}>
                  <pre class="post-text">{p}</pre>
                  <p class="muted small">
                    {t('sum.chars', { n: result.lengths.thread[i], limit: result.limit })}{' '}
                    <button type="button" class="link" onClick={() => copy(`t${i}`, p)}>
                      {copied === `t${i}` ? t('sum.copied') : t('sum.copy')}
                    </button>
                  </p>
                </li>
              ))}
            </ol>
          </section>
        </div>
      )}
      {result && (
        <section class="card">
          <h2>{t('sum.findings')}</h2>
          {result.findings.length === 0 ? (
            <p class="ok-text">{t('sum.noFindings')}</p>
          ) : (
            <FindingList findings={result.findings} source={(f) => (f as SummaryResult['findings'][number]).part} />
          )}
        </section>
      )}
    </Page>
  );
}
