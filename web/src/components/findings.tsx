// Finding cards and highlighted text: the explanation of each finding (message, category, severity, references, suggestions).
import { useI18n } from '../i18n';
import { segments, sortFindings } from '../text';
import type { Finding } from '../types';
import { SeverityBadge } from './ui';

export function FindingCard({ finding, source, onSelect }: { finding: Finding; source?: string; onSelect?: (f: Finding) => void }) {
  const { t, msg, catLabel } = useI18n();
  const excerpt = source !== undefined ? source.slice(finding.range[0], finding.range[1]) : '';
  return (
    <li class={`finding sev-${finding.severity}`} data-testid="finding" data-category={finding.category}>
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
              <li key={s.id}>{msg(s)}</li>
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
    </li>
  );
}

export function FindingList({
  findings,
  source,
  onSelect,
}: {
  findings: Finding[];
  source?: string | ((f: Finding) => string);
  onSelect?: (f: Finding) => void;
}) {
  return (
    <ul class="findings">
      {sortFindings(findings).map((f) => (
        <FindingCard
          key={`${f.ruleId}-${f.field}-${f.range[0]}-${f.range[1]}`}
          finding={f}
          source={typeof source === 'function' ? source(f) : source}
          onSelect={onSelect}
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
