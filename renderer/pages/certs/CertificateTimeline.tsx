// The time axis of the Certificates page, drawn by MUI X Charts: one horizontal bar per
// certificate from notBefore to notAfter (a stacked bar whose first, invisible part carries it to
// its start), a "today" line, and the warning window shaded. Hovering a row shows its details;
// clicking it opens the certificate where it lives.
import { BarChart } from '@mui/x-charts/BarChart';
import { ChartsReferenceLine } from '@mui/x-charts/ChartsReferenceLine';
import { useDrawingArea, useXScale } from '@mui/x-charts/hooks';
import { useTheme } from '@mui/material/styles';
import type { InventoryCertificate } from '../../../shared/certs/inventory';
import { roleText } from '../../../shared/certs/inventory';
import { humanDate } from '../../components/dates/human-date';
import { timeline, type Timeline } from './timeline-data';

/** The app's one date format (axis labels, the today line and the hover text). */
const day = humanDate;

/** The warning window (today .. today + N days) as a shaded band behind the bars. */
function WarningWindow(props: { from: number; to: number; color: string }) {
  const x = useXScale<'linear'>();
  const { top, height } = useDrawingArea();
  const left = x(props.from) ?? 0;
  const right = x(props.to) ?? left;
  return (
    <rect
      data-testid="warning-window"
      x={left}
      y={top}
      width={Math.max(0, right - left)}
      height={height}
      fill={props.color}
      opacity={0.18}
    />
  );
}

export function CertificateTimeline(props: {
  certificates: InventoryCertificate[];
  warnDays: number;
  now: number;
  /** A fleet's certificates: each bar names its node. */
  showNode?: boolean;
  onOpen(cert: InventoryCertificate): void;
}) {
  const theme = useTheme();
  const { certificates, warnDays, now } = props;
  const t: Timeline = timeline(certificates, now, warnDays, props.showNode);
  const details = (i: number): string => {
    const c = certificates[i];
    if (!c) return '';
    return `${roleText[c.role]} · ${day(Date.parse(c.notBefore))} → ${day(Date.parse(c.notAfter))} · ${c.daysLeft} days left · ${c.configKey}`;
  };
  const state = (key: 'expired' | 'expiring' | 'valid', label: string, color: string) => ({
    id: key,
    label,
    data: t.byState[key],
    stack: 'validity',
    color,
    valueFormatter: (v: number | null, ctx: { dataIndex: number }) =>
      v === null ? null : details(ctx.dataIndex),
  });
  const rowHeight = 34;
  return (
    <BarChart
      height={Math.max(160, certificates.length * rowHeight + 80)}
      layout="horizontal"
      margin={{ left: 8, right: 24 }}
      yAxis={[
        {
          scaleType: 'band',
          data: t.labels,
          width: 260,
          categoryGapRatio: 0.35,
        },
      ]}
      xAxis={[
        {
          min: 0,
          max: t.end - t.base,
          valueFormatter: (v: number) => day(v + t.base),
          tickNumber: 8,
        },
      ]}
      series={[
        {
          id: 'offset',
          data: t.offset,
          stack: 'validity',
          color: 'transparent',
          valueFormatter: () => null,
        },
        state('expired', 'expired', theme.palette.error.main),
        state('expiring', `expiring within ${warnDays} days`, theme.palette.warning.main),
        state('valid', 'valid', theme.palette.success.main),
      ]}
      slotProps={{ legend: { position: { vertical: 'top', horizontal: 'end' } } }}
      hideLegend={false}
      onAxisClick={(_event, data) => {
        const c = data ? certificates[data.dataIndex] : undefined;
        if (c) props.onOpen(c);
      }}
    >
      <WarningWindow
        from={t.today - t.base}
        to={t.warnEnd - t.base}
        color={theme.palette.warning.main}
      />
      <ChartsReferenceLine
        x={t.today - t.base}
        label={`today ${day(t.today)}`}
        lineStyle={{ stroke: theme.palette.text.primary, strokeDasharray: '4 3' }}
        labelStyle={{ fontSize: 12 }}
      />
    </BarChart>
  );
}
