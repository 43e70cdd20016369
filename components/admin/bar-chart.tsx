import type { ReactNode } from 'react';

export type ChartRow = { label: string; value: number };

type ChartText = { title: string; note?: string; dataTable: string; labelHeading: string; valueHeading: string; empty: string };

/** The numbers behind a chart, for screen readers and for anyone who wants them exactly. */
function DataTable({ rows, text }: { rows: ChartRow[]; text: ChartText }) {
  return (
    <details>
      <summary>{text.dataTable}</summary>
      <table aria-label={text.title}>
        <thead>
          <tr>
            <th scope="col">{text.labelHeading}</th>
            <th scope="col" className="num">
              {text.valueHeading}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td className="num">{row.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** What every chart shares: the caption, the empty state, the accessible SVG shell, the data table. */
function ChartFrame({
  id,
  rows,
  text,
  width,
  height,
  children,
}: {
  id: string;
  rows: ChartRow[];
  text: ChartText;
  width: number;
  height: number;
  children: ReactNode;
}) {
  return (
    <figure className="admin-chart card" data-chart={id}>
      <figcaption>
        <strong id={`${id}-title`}>{text.title}</strong>
        {text.note && <span className="muted"> · {text.note}</span>}
      </figcaption>
      {rows.length === 0 ? (
        <p className="muted">{text.empty}</p>
      ) : (
        <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
          <title>{text.title}</title>
          <desc id={`${id}-desc`}>{rows.map((r) => `${r.label}: ${r.value}`).join('; ')}</desc>
          {children}
        </svg>
      )}
      {rows.length > 0 && <DataTable rows={rows} text={text} />}
    </figure>
  );
}

/** Horizontal bars drawn on the server as SVG: no client script, readable without colour. */
export function BarChart({ id, rows, text }: { id: string; rows: ChartRow[]; text: ChartText }) {
  const rowHeight = 26;
  const labelWidth = 180;
  const barSpace = 220;
  const width = labelWidth + barSpace + 50;
  const height = Math.max(rows.length, 1) * rowHeight + 8;
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <ChartFrame id={id} rows={rows} text={text} width={width} height={height}>
      {rows.map((row, i) => {
        const y = i * rowHeight + 4;
        const w = Math.max(row.value > 0 ? 2 : 0, (row.value / max) * barSpace);
        return (
          <g key={row.label}>
            <title>{`${row.label}: ${row.value}`}</title>
            <text x={labelWidth - 8} y={y + 16} textAnchor="end" className="bar-label">
              {row.label.length > 26 ? `${row.label.slice(0, 25)}…` : row.label}
            </text>
            <rect x={labelWidth} y={y + 3} width={w} height={rowHeight - 8} rx={3} className="bar" />
            <text x={labelWidth + w + 6} y={y + 16} className="bar-value">
              {row.value}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}

/** One column per day, days without registrations shown as zero so gaps are visible. */
export function ColumnChart({ id, rows, text }: { id: string; rows: ChartRow[]; text: ChartText }) {
  const width = 720;
  const height = 220;
  const top = 18;
  const bottom = 34;
  const left = 36;
  const plotWidth = width - left - 8;
  const plotHeight = height - top - bottom;
  const max = Math.max(1, ...rows.map((r) => r.value));
  const step = plotWidth / Math.max(rows.length, 1);
  const labelEvery = Math.max(1, Math.ceil(rows.length / 10));
  return (
    <ChartFrame id={id} rows={rows} text={text} width={width} height={height}>
      <line x1={left} x2={width - 8} y1={top + plotHeight} y2={top + plotHeight} className="axis" />
      <text x={left - 6} y={top + 4} textAnchor="end" className="bar-value">
        {max}
      </text>
      <text x={left - 6} y={top + plotHeight} textAnchor="end" className="bar-value">
        0
      </text>
      {rows.map((row, i) => {
        const h = (row.value / max) * plotHeight;
        const x = left + i * step;
        return (
          <g key={row.label}>
            <title>{`${row.label}: ${row.value}`}</title>
            <rect x={x + step * 0.15} y={top + plotHeight - h} width={Math.max(1, step * 0.7)} height={h} className="bar" />
            {i % labelEvery === 0 && (
              <text x={x + step / 2} y={height - 12} textAnchor="middle" className="bar-label">
                {row.label.slice(5)}
              </text>
            )}
          </g>
        );
      })}
    </ChartFrame>
  );
}
