import { useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardQuery, DashboardSummary } from '#shared/schemas/dashboard.js';
import { formatInteger, formatWeek } from '../../../lib/format.js';
import { tasksHref } from '../lib/links.js';
import { AXIS, BAND_LABEL, GRID } from '../lib/palette.js';
import { ChartPanel } from './chart-panel.js';

// Active and overdue as two series (the axis names the severity): the overdue bar in the danger colour.
const ACTIVE_FILL = '#5b7bd5';
const OVERDUE_FILL = '#b42318';

/** Active and overdue remediation per severity; a bar opens the task board filtered to it. */
export function RemediationBySeverity({
  summary,
  filters,
}: {
  summary: DashboardSummary;
  filters: DashboardQuery;
}) {
  const navigate = useNavigate();
  const data = summary.remediation.bySeverity.map((s) => ({
    ...s,
    label: BAND_LABEL[s.severity],
    href: tasksHref(filters, { severity: s.severity }),
    overdueHref: tasksHref(filters, { severity: s.severity, overdue: 'true' }),
  }));
  return (
    <ChartPanel
      title="Open remediation by severity"
      fileName="remediation-by-severity"
      description={`${formatInteger(summary.remediation.active)} tasks open, in progress or awaiting verification; ${formatInteger(summary.remediation.overdue)} past their due date. Select a bar to open those tasks.`}
      table={{
        columns: ['Severity', 'Active', 'Overdue'],
        rows: data.map((d) => ({
          key: d.severity,
          label: d.label,
          href: d.href,
          values: [d.active, d.overdue],
          valueHrefs: [undefined, d.overdueHref],
        })),
      }}
    >
      <ResponsiveContainer width="100%" height={240}>
        <BarChart
          accessibilityLayer
          data={data}
          title="Open remediation by severity"
          margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
        >
          <CartesianGrid vertical={false} stroke={GRID} />
          <XAxis dataKey="label" tick={AXIS.tick} stroke={AXIS.stroke} tickLine={false} />
          <YAxis allowDecimals={false} tick={AXIS.tick} stroke={AXIS.stroke} tickLine={false} />
          <Tooltip cursor={{ fill: 'rgb(47 91 211 / 0.08)' }} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          <Bar
            dataKey="active"
            name="Active"
            radius={[4, 4, 0, 0]}
            className="dash-clickable"
            fill={ACTIVE_FILL}
            onClick={(_, index) => {
              const d = data[index];
              if (d) navigate(d.href);
            }}
          />
          <Bar
            dataKey="overdue"
            name="Overdue"
            radius={[4, 4, 0, 0]}
            className="dash-clickable"
            fill={OVERDUE_FILL}
            onClick={(_, index) => {
              const d = data[index];
              if (d) navigate(d.overdueHref);
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartPanel>
  );
}

/**
 * Tasks opened and closed (verified) per week, the last 26 weeks: is the backlog shrinking? A bar opens the
 * board filtered to the very tasks it counts (the API's week filters count a week as the burn-down does).
 */
export function BurnDown({ summary, filters }: { summary: DashboardSummary; filters: DashboardQuery }) {
  const navigate = useNavigate();
  const data = summary.burnDown.map((w) => ({
    ...w,
    label: formatWeek(w.week),
    openedHref: tasksHref(filters, { openedWeek: w.week }),
    closedHref: tasksHref(filters, { closedWeek: w.week }),
  }));
  const opened = data.reduce((n, w) => n + w.opened, 0);
  const closed = data.reduce((n, w) => n + w.closed, 0);
  return (
    <ChartPanel
      title="Remediation burn-down"
      fileName="remediation-burn-down"
      description={`Tasks opened and closed after verification per week (weeks from Monday): ${formatInteger(opened)} opened and ${formatInteger(closed)} closed in ${data.length} weeks. Select a bar to open that week's tasks.`}
      table={{
        columns: ['Week from', 'Opened', 'Closed'],
        rows: data.map((w) => ({
          key: w.week,
          label: w.week,
          values: [w.opened, w.closed],
          valueHrefs: [w.openedHref, w.closedHref],
        })),
      }}
    >
      <ResponsiveContainer width="100%" height={240}>
        <BarChart
          accessibilityLayer
          data={data}
          title="Remediation burn-down"
          margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
        >
          <CartesianGrid vertical={false} stroke={GRID} />
          <XAxis dataKey="label" tick={AXIS.tick} stroke={AXIS.stroke} tickLine={false} minTickGap={12} />
          <YAxis allowDecimals={false} tick={AXIS.tick} stroke={AXIS.stroke} tickLine={false} />
          <Tooltip cursor={{ fill: 'rgb(47 91 211 / 0.08)' }} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          <Bar
            dataKey="opened"
            name="Opened"
            fill="#e8772e"
            className="dash-clickable"
            onClick={(_, index) => {
              const d = data[index];
              if (d) navigate(d.openedHref);
            }}
          />
          <Bar
            dataKey="closed"
            name="Closed (verified)"
            fill="#3fa46a"
            className="dash-clickable"
            onClick={(_, index) => {
              const d = data[index];
              if (d) navigate(d.closedHref);
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartPanel>
  );
}
