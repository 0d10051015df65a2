// Feedback on a finding (issue 8): dismiss it with a reason, or report it as a wrong finding ("Laporkan salah deteksi")
// with a comment and, only with consent, the text.
import { useState } from 'preact/hooks';
import { api } from '../api';
import { useI18n } from '../i18n';
import type { Finding } from '../types';
import { ErrorBox } from './ui';

export const DISMISS_REASONS = ['quote', 'own-data', 'not-applicable', 'other'] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

export interface Dismissal {
  ruleId: string;
  range: [number, number];
  reasonCode: DismissReason;
  reason?: string;
}

/** Inline form: pick why the finding does not apply. */
export function DismissForm({ onDismiss, onCancel }: { onDismiss: (code: DismissReason, reason: string) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [code, setCode] = useState<DismissReason>('quote');
  const [reason, setReason] = useState('');
  return (
    <form
      class="feedback-form"
      data-testid="dismiss-form"
      onSubmit={(e) => {
        e.preventDefault();
        onDismiss(code, reason.trim());
      }}
    >
      <label>
        {t('feedback.reason')}
        <select value={code} onChange={(e) => setCode(e.currentTarget.value as DismissReason)} data-testid="dismiss-reason">
          {DISMISS_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`feedback.reason.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('feedback.reasonText')}
        <input type="text" maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} required={code === 'other'} />
      </label>
      <div class="row">
        <button type="submit" class="small primary" data-testid="dismiss-confirm">
          {t('feedback.dismiss')}
        </button>
        <button type="button" class="small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** Inline form: report a wrong finding; the text is sent only when the writer ticks the consent box. */
export function ReportForm({
  finding,
  text,
  platform,
  source,
  onDone,
  onCancel,
}: {
  finding: Finding;
  text: string;
  platform?: string;
  source: 'check' | 'audit';
  onDone: () => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const send = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { ruleId, category, severity, field, range, message } = finding;
      await api.post('/api/v1/me/finding-reports', {
        source,
        ...(platform ? { platform } : {}),
        consent,
        ...(consent ? { text } : {}),
        finding: { ruleId, category, severity, field, range, message },
        comment,
      });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="feedback-form" data-testid="report-form" onSubmit={send}>
      <label>
        {t('feedback.comment')}
        <textarea rows={2} maxLength={2000} value={comment} onInput={(e) => setComment(e.currentTarget.value)} data-testid="report-comment" />
      </label>
      <label class="check">
        <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.currentTarget.checked)} data-testid="report-consent" />
        {t('feedback.consent')}
      </label>
      <ErrorBox error={error} />
      <div class="row">
        <button type="submit" class="small primary" disabled={busy} data-testid="report-send">
          {t('feedback.send')}
        </button>
        <button type="button" class="small" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The two feedback buttons of a finding card and their inline forms. */
export function FindingFeedback({
  finding,
  text,
  platform,
  source,
  dismissed,
  onDismiss,
  onUndo,
}: {
  finding: Finding;
  text: string;
  platform?: string;
  source: 'check' | 'audit';
  dismissed?: boolean;
  onDismiss?: (code: DismissReason, reason: string) => void;
  onUndo?: () => void;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<'' | 'dismiss' | 'report'>('');
  const [reported, setReported] = useState(false);
  return (
    <div class="finding-actions">
      <div class="row">
        {onDismiss &&
          (dismissed ? (
            <button type="button" class="small link" onClick={onUndo}>
              {t('feedback.undo')}
            </button>
          ) : (
            <button type="button" class="small" onClick={() => setOpen(open === 'dismiss' ? '' : 'dismiss')} data-testid="dismiss">
              {t('feedback.dismiss')}
            </button>
          ))}
        {reported ? (
          <span class="muted small" role="status">
            {t('feedback.reported')}
          </span>
        ) : (
          <button type="button" class="small link" onClick={() => setOpen(open === 'report' ? '' : 'report')} data-testid="report">
            {t('feedback.report')}
          </button>
        )}
      </div>
      {open === 'dismiss' && onDismiss && (
        <DismissForm
          onDismiss={(c, r) => {
            onDismiss(c, r);
            setOpen('');
          }}
          onCancel={() => setOpen('')}
        />
      )}
      {open === 'report' && (
        <ReportForm
          finding={finding}
          text={text}
          platform={platform}
          source={source}
          onDone={() => {
            setReported(true);
            setOpen('');
          }}
          onCancel={() => setOpen('')}
        />
      )}
    </div>
  );
}
