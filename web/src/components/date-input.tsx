// A date field that follows the app's language, not the browser's (issue 8): dd/mm/yyyy for id-ID and en-GB, while
// the value stays ISO `YYYY-MM-DD` (what the API takes). The native date picker would show the browser's format.
import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '../i18n';

/** `YYYY-MM-DD` -> `dd/mm/yyyy` ('' stays ''). */
export function isoToDmy(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : '';
}

/** `d/m/yyyy` (also with - or .) -> `YYYY-MM-DD`, or null when it is not a real date. */
export function dmyToIso(s: string): string | null {
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(s);
  if (!m) return null;
  const d = Number(m[1]);
  const mo = Number(m[2]);
  const y = Number(m[3]);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${m[3]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function DateInput({ label, value, onChange, testId }: { label: string; value: string; onChange: (iso: string) => void; testId?: string }) {
  const { t } = useI18n();
  const [text, setText] = useState(isoToDmy(value));
  const [bad, setBad] = useState(false);
  useEffect(() => {
    // follow changes made elsewhere (a click on a month group, "clear filters")
    if (dmyToIso(text) !== value) {
      setText(isoToDmy(value));
      setBad(false);
    }
  }, [value]);
  const commit = (s: string) => {
    if (s.trim() === '') {
      setBad(false);
      if (value !== '') onChange('');
      return;
    }
    const iso = dmyToIso(s);
    setBad(iso === null);
    if (iso !== null && iso !== value) onChange(iso);
  };
  return (
    <label>
      {label}
      <input
        type="text"
        inputMode="numeric"
        placeholder={t('date.format')}
        value={text}
        aria-invalid={bad}
        title={bad ? t('date.invalid') : undefined}
        onInput={(e) => {
          const s = e.currentTarget.value;
          setText(s);
          // commit as soon as a full date is typed; partial input waits for blur
          if (s.trim() === '' || dmyToIso(s) !== null) commit(s);
        }}
        onBlur={(e) => commit(e.currentTarget.value)}
        data-testid={testId}
        size={11}
      />
      {bad && <span class="muted small">{t('date.invalid')}</span>}
    </label>
  );
}
