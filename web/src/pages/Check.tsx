// "Cek sebelum unggah": the draft editor that checks as you type, highlights flagged words in place and explains them.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { INPUT_LIMITS } from '../../../src/core/contract';
import { api } from '../api';
import { type Dismissal, type DismissReason, FindingFeedback } from '../components/feedback';
import { FindingList, Highlighted } from '../components/findings';
import { Empty, ErrorBox, Page } from '../components/ui';
import { useLoad } from '../hooks';
import { useI18n } from '../i18n';
import { useSession } from '../session';
import { countChars, findingKey, isClean, rebase } from '../text';
import type { Draft, Finding, PlatformInfo, Settings } from '../types';

const DEBOUNCE_MS = 300;
const MAX_CHARS = INPUT_LIMITS.text;
const KINDS = ['post', 'comment', 'caption', 'share'] as const;

interface Result {
  text: string;
  platform: string;
  kind: string;
  findings: Finding[];
}

export function CheckPage() {
  const { t, fmtNum } = useI18n();
  const { user } = useSession();
  const platforms = useLoad((signal) => api.get<PlatformInfo[]>('/api/v1/platforms', { signal }), []);
  const [platform, setPlatform] = useState('x');
  const [kind, setKind] = useState<string>('post');
  const [text, setText] = useState('');
  const [result, setResult] = useState<Result>({ text: '', platform: 'x', kind: 'post', findings: [] });
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [copied, setCopied] = useState(false);
  // findings the writer dismissed with a reason, keyed by rule and flagged words (kept while the text is edited)
  const [dismissed, setDismissed] = useState<Map<string, { code: DismissReason; reason: string }>>(new Map());
  const area = useRef<HTMLTextAreaElement>(null);
  const backdrop = useRef<HTMLDivElement>(null);

  // Debounced check: the newest text wins; an older answer arriving late is dropped by the abort.
  useEffect(() => {
    setCopied(false);
    if (!text.trim()) {
      setResult({ text, platform, kind, findings: [] });
      setChecking(false);
      setError(null);
      return;
    }
    const ctl = new AbortController();
    setChecking(true);
    const timer = setTimeout(() => {
      api
        // the writer's name lets the checker tell their own data ("rek a.n. <name>") from someone else's; never stored
        .post<{ findings: Finding[] }>('/api/v1/check', { text, platform, kind, ...(user?.name ? { author: user.name } : {}) }, { signal: ctl.signal })
        .then((r) => {
          setResult({ text, platform, kind, findings: r.findings });
          setError(null);
          setChecking(false);
        })
        .catch((e) => {
          if (ctl.signal.aborted) return;
          setError(e);
          setChecking(false);
        });
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [text, platform, kind, user?.name]);

  const upToDate = result.text === text && result.platform === platform && result.kind === kind && !checking;
  const findings = useMemo(() => rebase(result.findings, result.text, text), [result, text]);
  const info = platforms.data?.find((p) => p.id === platform);
  const limit = info?.limit ?? null;
  const count = countChars(text, platform);
  const over = limit !== null && count > limit;
  const dismissalOf = (f: Finding) => dismissed.get(findingKey(f, text));
  const clean = isClean(findings, (f) => dismissalOf(f) !== undefined);
  const canCopy = upToDate && !error && text.trim().length > 0 && clean && !over;
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const infos = findings.length - errors - warnings;

  const syncScroll = () => {
    if (backdrop.current && area.current) backdrop.current.scrollTop = area.current.scrollTop;
  };

  const select = (f: Finding) => {
    const el = area.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(f.range[0], f.range[1]);
  };

  const dismiss = (f: Finding, code: DismissReason, reason: string) => {
    const next = new Map(dismissed);
    next.set(findingKey(f, text), { code, reason });
    setDismissed(next);
    // counted per rule for humas (the text is not sent); anonymous checks keep the dismissal in the page only
    if (user)
      api
        .post('/api/v1/me/dismissals', {
          ruleId: f.ruleId,
          category: f.category,
          severity: f.severity,
          reasonCode: code,
          reason: reason || undefined,
          platform,
        })
        .catch(() => {});
  };
  const undoDismiss = (f: Finding) => {
    const next = new Map(dismissed);
    next.delete(findingKey(f, text));
    setDismissed(next);
  };
  const dismissals: Dismissal[] = findings.flatMap((f) => {
    const d = dismissalOf(f);
    return d ? [{ ruleId: f.ruleId, range: f.range, reasonCode: d.code, ...(d.reason ? { reason: d.reason } : {}) }] : [];
  });

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // Fallback where the async clipboard is not allowed.
      area.current?.select();
      document.execCommand('copy');
    }
    setCopied(true);
  };

  let status: string;
  if (!text.trim()) status = t('check.statusEmpty');
  else if (error) status = t('check.statusError');
  else if (!upToDate) status = t('check.statusChecking');
  else if (findings.length === 0) status = t('check.statusClean');
  else status = t('check.statusFindings', { n: findings.length, e: errors, w: warnings, i: infos });

  return (
    <Page title={t('check.title')} intro={t('check.intro')}>
      <div class="check-grid">
        <div class="check-editor">
          <div class="row">
            <label>
              {t('check.platform')}
              <select value={platform} onChange={(e) => setPlatform(e.currentTarget.value)} data-testid="platform">
                {(platforms.data ?? []).map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.label}
                    {p.limit ? ` (${fmtNum(p.limit)})` : ''}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('check.kind')}
              <select value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`kind.${k}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label for="draft" class="block-label">
            {t('check.draft')}
          </label>
          <div class="editor">
            <div class="editor-backdrop" ref={backdrop} aria-hidden="true" data-testid="highlights">
              <Highlighted text={`${text}\n`} findings={findings} />
            </div>
            <textarea
              id="draft"
              ref={area}
              value={text}
              maxLength={MAX_CHARS}
              rows={9}
              spellcheck={false}
              placeholder={t('check.placeholder')}
              aria-describedby="counter check-status"
              onInput={(e) => setText(e.currentTarget.value)}
              onScroll={syncScroll}
            />
          </div>
          <div class="editor-foot">
            <p id="counter" class={over ? 'counter over' : 'counter'} data-testid="counter">
              {limit !== null ? t('check.counter', { n: fmtNum(count), max: fmtNum(limit) }) : t('check.counterNoLimit', { n: fmtNum(count) })}
              {over && <strong> · {t('check.overLimit', { n: fmtNum(count - limit) })}</strong>}
              {platform === 'x' && <span class="muted small"> · {t('check.xCounting')}</span>}
            </p>
            <div class="editor-actions">
              <button type="button" class="primary" disabled={!canCopy} onClick={copy} data-testid="copy">
                {copied ? t('check.copied') : t('check.copy')}
              </button>
              <button type="button" onClick={() => setText('')} disabled={!text}>
                {t('check.clear')}
              </button>
            </div>
          </div>
          {!canCopy && text.trim() && upToDate && !clean && <p class="muted small">{t('check.copyBlocked')}</p>}
        </div>
        <div class="check-results">
          <h2>{t('check.results')}</h2>
          <p
            id="check-status"
            role="status"
            aria-live="polite"
            class={`status ${!upToDate ? 'busy' : findings.length ? 'has' : 'ok'}`}
            data-testid="check-status"
          >
            {status}
          </p>
          <ErrorBox error={error} />
          {findings.length > 0 ? (
            <FindingList
              findings={findings}
              source={text}
              onSelect={select}
              onApply={(fix) => upToDate && setText(text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]))}
              dismissed={(f) => {
                const d = dismissalOf(f);
                return d ? `${t(`feedback.reason.${d.code}`)}${d.reason ? ` — ${d.reason}` : ''}` : undefined;
              }}
              actions={(f) =>
                upToDate && (
                  <FindingFeedback
                    finding={f}
                    text={text}
                    platform={platform}
                    source="check"
                    dismissed={dismissalOf(f) !== undefined}
                    onDismiss={(c, r) => dismiss(f, c, r)}
                    onUndo={() => undoDismiss(f)}
                  />
                )
              }
            />
          ) : text.trim() && upToDate && !error ? (
            <Empty>{t('check.cleanHint')}</Empty>
          ) : null}
        </div>
        <div class="check-save">
          {user ? (
            <SaveSection
              text={text}
              platform={platform}
              findings={upToDate ? findings : null}
              dismissals={dismissals}
              onLoad={(d) => {
                setText(d.text);
                setPlatform(d.platform || platform);
              }}
            />
          ) : (
            <p class="muted small">{t('check.anonymousNote')}</p>
          )}
        </div>
      </div>
    </Page>
  );
}

function SaveSection({
  text,
  platform,
  findings,
  dismissals,
  onLoad,
}: {
  text: string;
  platform: string;
  findings: Finding[] | null;
  dismissals: Dismissal[];
  onLoad: (d: Draft) => void;
}) {
  const { t, locale, fmtDateTime } = useI18n();
  const settings = useLoad((signal) => api.get<Settings>('/api/v1/me/settings', { signal }), []);
  const saveHistory = settings.data?.saveHistory ?? false;
  const drafts = useLoad((signal) => (saveHistory ? api.get<Draft[]>('/api/v1/me/drafts', { signal }) : Promise.resolve([] as Draft[])), [saveHistory]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState('');

  const toggle = async (on: boolean) => {
    setError(null);
    try {
      settings.setData(await api.put<Settings>('/api/v1/me/settings', { saveHistory: on, locale }));
    } catch (e) {
      setError(e);
    }
  };

  const save = async (share: boolean) => {
    setBusy(true);
    setError(null);
    setNotice('');
    try {
      await api.post<Draft>('/api/v1/me/drafts', { text, platform, shareWithSupervisor: share, ...(dismissals.length ? { dismissals } : {}) });
      setNotice(share ? t('check.shared') : t('check.saved'));
      drafts.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const remove = async (d: Draft) => {
    if (!confirm(t('check.confirmDelete'))) return;
    try {
      await api.del(`/api/v1/me/drafts/${encodeURIComponent(d.id)}`);
      drafts.reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section class="save-box" aria-labelledby="save-h">
      <h2 id="save-h">{t('check.historyTitle')}</h2>
      <label class="check">
        <input type="checkbox" checked={saveHistory} disabled={!settings.data} onChange={(e) => toggle(e.currentTarget.checked)} data-testid="save-history" />
        {t('check.saveHistory')}
      </label>
      <p class="muted small">{t('check.saveHistoryHelp')}</p>
      <div class="row">
        {saveHistory && (
          <button type="button" disabled={busy || !text.trim() || !findings} onClick={() => save(false)}>
            {t('check.saveDraft')}
          </button>
        )}
        <button type="button" disabled={busy || !text.trim() || !findings || findings.length === 0} onClick={() => save(true)} title={t('check.shareHelp')}>
          {t('check.share')}
        </button>
      </div>
      <p class="muted small">{t('check.shareHelp')}</p>
      {notice && (
        <p class="alert ok" role="status">
          {notice}
        </p>
      )}
      <ErrorBox error={error ?? settings.error} />
      {saveHistory && (
        <>
          <h3>{t('check.history')}</h3>
          {(drafts.data ?? []).length === 0 ? (
            <Empty>{t('check.noHistory')}</Empty>
          ) : (
            <ul class="drafts">
              {drafts.data?.map((d) => (
                <li key={d.id}>
                  <p class="draft-text">
                    <Highlighted text={d.text} findings={d.findings} />
                  </p>
                  <p class="muted small">
                    {fmtDateTime(d.createdAt)} · {d.platform} · {t('check.nFindings', { n: d.findings.length })}
                    {d.sharedWithSupervisor && <> · {t('check.sharedFlag')}</>}
                  </p>
                  <div class="row">
                    <button type="button" class="small" onClick={() => onLoad(d)}>
                      {t('check.load')}
                    </button>
                    <button type="button" class="small danger" onClick={() => remove(d)}>
                      {t('common.delete')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
