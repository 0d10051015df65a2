// Small shared pieces of markup: page frame, error box, status badges, dates.
import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import { ApiError } from '../api';
import { useI18n } from '../i18n';

/** Shows an API error (or any error) in the reader's language, with field details when the server named them. */
export function ErrorBox({ error }: { error: unknown }) {
  const { t, locale } = useI18n();
  if (!error) return null;
  const msg = error instanceof ApiError ? error.localized(locale) : error instanceof Error ? error.message : String(error);
  const details = error instanceof ApiError ? error.details : [];
  return (
    <div class="alert error" role="alert">
      <p>
        <strong>{t('common.error')}</strong> {msg}
      </p>
      {details.length > 0 && (
        <ul class="details">
          {details.map((d) => (
            <li key={`${d.path ?? d.line}-${d.message}`}>
              {d.path !== undefined && <code>{d.path || '(root)'}</code>}
              {d.line !== undefined && (
                <span>
                  {t('common.line')} {d.line}
                </span>
              )}
              {': '}
              {String(d.message ?? '')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Page({
  title,
  intro,
  children,
  actions,
}: {
  title: string;
  intro?: ComponentChildren;
  children: ComponentChildren;
  actions?: ComponentChildren;
}) {
  useEffect(() => {
    document.title = `${title} · Bijak`;
  }, [title]);
  return (
    <section class="page">
      <div class="page-head">
        <h1>{title}</h1>
        {actions && <div class="page-actions">{actions}</div>}
      </div>
      {intro && <p class="intro">{intro}</p>}
      {children}
    </section>
  );
}

export function SeverityBadge({ severity }: { severity: 'error' | 'warning' | 'info' }) {
  const { t } = useI18n();
  return <span class={`badge sev-${severity}`}>{t(`severity.${severity}`)}</span>;
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p class="muted" aria-busy="true">
      {t('common.loading')}
    </p>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="empty">{children}</p>;
}

export function Stat({ label, value, tone, testId }: { label: string; value: ComponentChildren; tone?: 'warn' | 'ok'; testId?: string }) {
  return (
    <div class={`stat${tone ? ` ${tone}` : ''}`} data-testid={testId}>
      <span class="stat-value">{value}</span>
      <span class="stat-label">{label}</span>
    </div>
  );
}
