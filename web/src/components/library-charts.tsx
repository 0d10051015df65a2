// Charts of the library statistics (issue 11): shares and clicks per day, and per platform (chart.js, bar only).
import { BarController, BarElement, CategoryScale, Chart, type ChartConfiguration, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'preact/hooks';
import { useI18n } from '../i18n';
import type { Figures } from '../library-types';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const COLOURS = { shares: '#1f618d', clicks: '#e6a700', uniques: '#117a65' };

function Canvas({ config, label, testId }: { config: ChartConfiguration; label: string; testId?: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const reduce = matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    const chart = new Chart(ref.current, { ...config, options: { ...config.options, animation: reduce ? false : config.options?.animation } });
    return () => chart.destroy();
  }, [config]);
  return (
    <div class="chart-box">
      <canvas ref={ref} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}

/** Grouped bars (shares, clicks, daily uniques) for each label. */
export function FiguresChart({ rows, label, testId }: { rows: Array<Figures & { label: string }>; label: string; testId?: string }) {
  const { t } = useI18n();
  const config: ChartConfiguration = {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.label),
      datasets: (['shares', 'clicks', 'uniques'] as const).map((k) => ({
        label: t(k === 'shares' ? 'lst.shares' : k === 'clicks' ? 'lst.clicks' : 'lst.uniques'),
        backgroundColor: COLOURS[k],
        data: rows.map((r) => r[k]),
      })),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
    },
  };
  return <Canvas config={config} label={label} testId={testId} />;
}
