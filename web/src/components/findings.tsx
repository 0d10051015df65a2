// Finding cards and highlighted text: the explanation of each finding (message, category, severity, references, suggestions).
import type { ComponentChildren } from 'preact';
import { useI18n } from '../i18n';
import { segments, sortFindings } from '../text';
import type { Finding } from '../types';
import { SeverityBadge } from './ui';

export function FindingCard({
  finding,
  source,
  onSelect,
  actions,
  dismissed,
  onApply,
}: {
  finding: Finding;
  source?: string;
  onSelect?: (f: Finding) => void;
  /** Applies a suggestion's fix (the editable check page only). */
  onApply?: (fix: { range: [number, number]; text: string }) => void;
  /** Buttons and forms under the card (dismiss, report a wrong finding). */
  actions?: ComponentChildren;
  /** The writer dismissed this finding: shown greyed with the reason; it no longer blocks. */
  dismissed?: string;
}) {
  const { t, msg, catLabel } = useI18n();
  const excerpt = source !== undefined ? source.slice(finding.range[0], finding.range[1]) : '';
  return (
    <li
      class={`finding sev-${finding.severity}${dismissed !== undefined ? ' dismissed' : ''}`}
      data-testid="finding"
      data-category={finding.category}
      data-rule={finding.ruleId}
    >
      <div class="finding-head">
        <SeverityBadge severity={finding.severity} />
        <span class="cat">{catLabel(finding.category)}</span>
        {excerpt && (
          <button type="button" class="excerpt" onClick={() => onSelect?.(finding)} disabled={!onSelect} title={onSelect ? t('finding.select') : undefined}>
            “{excerpt}”
          </button>
        )}
      </div>
      <p class="finding-msg">{msg(finding.message)}</p>
      {finding.suggestions.length > 0 && (
        <div class="finding-sugg">
          <span class="label">{t('finding.suggestions')}</span>
          <ul>
            {finding.suggestions.map((s) => (
              <li key={s.id}>
                {msg(s)}
                {s.fix && onApply && (
                  <>
                    {' '}
                    <button type="button" class="small" onClick={() => s.fix && onApply(s.fix)} data-testid="apply-fix">
                      {t('finding.apply')}
                    </button>
                  </>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {finding.references.length > 0 && (
        <p class="finding-refs">
          <span class="label">{t('finding.references')}</span> {finding.references.join(' · ')}
        </p>
      )}
      {finding.confidence !== undefined && (
        <p class="muted small">
          {t('finding.confidence')} {Math.round(finding.confidence * 100)}%
        </p>
      )}
      {dismissed !== undefined && (
        <p class="muted small" data-testid="dismissed-note">
          {t('feedback.dismissedNote')} {dismissed}
        </p>
      )}
      {actions}
    </li>
  );
}

export function FindingList({
  findings,
  source,
  onSelect,
  actions,
  dismissed,
  onApply,
}: {
  findings: Finding[];
  source?: string | ((f: Finding) => string);
  onSelect?: (f: Finding) => void;
  actions?: (f: Finding) => ComponentChildren;
  /** The dismissal reason of a finding, or undefined when it stands. */
  dismissed?: (f: Finding) => string | undefined;
  onApply?: (fix: { range: [number, number]; text: string }) => void;
}) {
  return (
    <ul class="findings">
      {sortFindings(findings).map((f) => (
        <FindingCard
          key={`${f.ruleId}-${f.field}-${f.range[0]}-${f.range[1]}`}
          finding={f}
          source={typeof source === 'function' ? source(f) : source}
          onSelect={onSelect}
          actions={actions?.(f)}
          dismissed={dismissed?.(f)}
          onApply={onApply}
        />
      ))}
    </ul>
  );
}

/** Text with <mark> around flagged ranges (read-only display: saved drafts, account fields, audit posts). */
export function Highlighted({ text, findings, field = 'text' }: { text: string; findings: Finding[]; field?: string }) {
  const { t } = useI18n();
  return (
    <span class="hl">
      {segments(text, findings, field).map((s, i) =>
        s.severity ? (
          <mark key={i} class={`sev-${s.severity}`} title={t(`severity.${s.severity}`)}>
            {s.text}
          </mark>
        ) : (
          s.text
        ),
      )}
    </span>
  );
}
