// Chart.js wrappers with tree-shaken registration: only the bar and doughnut pieces are bundled.
import { BarController, BarElement, CategoryScale, Chart, type ChartConfiguration, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n';
import { CATEGORIES, type Category } from '../types';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
Chart.defaults.color = '#3b4a5a';

/** One colour per category, distinguishable and stable across charts. */
export const CATEGORY_COLOURS: Record<Category, string> = {
  hoax: '#e6a700',
  partisanship: '#c0392b',
  confidential: '#6c3483',
  'personal-data': '#1f618d',
  'account-name': '#117a65',
  'hate-speech': '#922b21',
  abusive: '#d35400',
  harassment: '#a93226',
  pornography: '#7d3c98',
  radicalism: '#2e4053',
  extravagance: '#b7950b',
  defamation: '#5d6d7e',
};

function ChartCanvas({ config, label, testId }: { config: ChartConfiguration; label: string; testId?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart | null>(null);
  useEffect(() => {
    if (!ref.current) return;
    chart.current?.destroy();
    const reduce = matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    chart.current = new Chart(ref.current, { ...config, options: { ...config.options, animation: reduce ? false : config.options?.animation } });
    return () => {
      chart.current?.destroy();
      chart.current = null;
    };
  }, [config]);
  return (
    <div class="chart-box">
      <canvas ref={ref} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}

/** Stacked bars: one bar per month, one stack segment per category. */
export function MonthlyByCategoryChart({
  rows,
  label,
  testId,
}: {
  rows: Array<{ month: string; category: Category; count: number }>;
  label: string;
  testId?: string;
}) {
  const { catLabel, t } = useI18n();
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const present = CATEGORIES.filter((c) => rows.some((r) => r.category === c && r.count > 0));
  const config: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: months,
      datasets: present.map((c) => ({
        label: catLabel(c),
        backgroundColor: CATEGORY_COLOURS[c],
        data: months.map((m) => rows.filter((r) => r.month === m && r.category === c).reduce((s, r) => s + r.count, 0)),
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
      scales: { x: { stacked: true, title: { display: true, text: t('chart.month') } }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } },
    },
  };
  return <ChartCanvas config={config} label={label} testId={testId} />;
}

/** Splits a label into lines of at most `max` characters at spaces (chart.js draws an array as lines), so long
 * category names wrap on a phone instead of being cut ("oaks / belum terverifikasi"). */
export function wrapLabel(label: string, max = 16): string[] {
  const lines: string[] = [];
  let line = '';
  for (const w of label.split(/\s+/)) {
    if (line && (line + ' ' + w).length > max) {
      lines.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) lines.push(line);
  return lines;
}

/** Horizontal bars: total findings per category. */
export function ByCategoryChart({ counts, label, testId }: { counts: Partial<Record<Category, number>>; label: string; testId?: string }) {
  const { catLabel } = useI18n();
  const cats = CATEGORIES.filter((c) => (counts[c] ?? 0) > 0);
  const config: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: cats.map((c) => wrapLabel(catLabel(c))),
      datasets: [{ label, data: cats.map((c) => counts[c] ?? 0), backgroundColor: cats.map((c) => CATEGORY_COLOURS[c]) }],
    },
    options: {
      indexAxis: 'y',
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { display: false } },
      scales: { x: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  };
  return <ChartCanvas config={config} label={label} testId={testId} />;
}

/** Turns `{"2024-03": {hoax: 2}}` into rows for the monthly chart. */
export function monthRows(byMonth: Record<string, Partial<Record<Category, number>>>): Array<{ month: string; category: Category; count: number }> {
  const rows: Array<{ month: string; category: Category; count: number }> = [];
  for (const [month, cats] of Object.entries(byMonth ?? {}))
    for (const [c, n] of Object.entries(cats ?? {})) rows.push({ month, category: c as Category, count: n ?? 0 });
  return rows;
}
