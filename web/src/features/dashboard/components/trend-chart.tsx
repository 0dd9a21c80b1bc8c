import { useNavigate } from 'react-router';
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DashboardQuery, DashboardSummary } from '#shared/schemas/dashboard.js';
import { RATINGS, type Rating } from '#shared/schemas/suppliers.js';
import { suppliersHref } from '../lib/links.js';
import { ACCENT, AXIS, BAND_FILL, BAND_LABEL, GRID } from '../lib/palette.js';
import { ChartPanel } from './chart-panel.js';

const monthLabel = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString(undefined, {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  });

/**
 * The monthly trend from the assessment history: assessments made each month by the rating they gave, and
 * their average residual risk.
 */
export function RiskTrend({ summary, filters }: { summary: DashboardSummary; filters: DashboardQuery }) {
  const navigate = useNavigate();
  const data = summary.trend.map((m) => ({ ...m, label: monthLabel(m.month) }));
  return (
    <ChartPanel
      title="Risk trend"
      fileName="risk-trend"
      className="dash-wide"
      description="Assessments made each month by the rating they gave, and their average residual risk (line, 0–100). Select a bar segment to list the suppliers rated so today."
      table={{
        columns: ['Month', 'Assessed', 'Average residual risk', 'Low', 'Medium', 'High', 'Critical'],
        rows: data.map((m) => ({
          key: m.month,
          label: m.month,
          values: [m.assessed, m.avgResidual, m.low, m.medium, m.high, m.critical],
        })),
      }}
    >
      <ResponsiveContainer width="100%" height={280}>
        <ComposedChart
          accessibilityLayer
          data={data}
          title="Risk trend"
          margin={{ top: 8, right: 0, bottom: 0, left: -16 }}
        >
          <CartesianGrid vertical={false} stroke={GRID} />
          <XAxis dataKey="label" tick={AXIS.tick} stroke={AXIS.stroke} tickLine={false} />
          <YAxis
            yAxisId="count"
            allowDecimals={false}
            tick={AXIS.tick}
            stroke={AXIS.stroke}
            tickLine={false}
          />
          <YAxis
            yAxisId="score"
            orientation="right"
            domain={[0, 100]}
            tick={AXIS.tick}
            stroke={AXIS.stroke}
            tickLine={false}
          />
          <Tooltip cursor={{ fill: 'rgb(47 91 211 / 0.08)' }} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {RATINGS.map((rating: Rating) => (
            <Bar
              key={rating}
              yAxisId="count"
              dataKey={rating}
              name={BAND_LABEL[rating]}
              stackId="ratings"
              fill={BAND_FILL[rating]}
              className="dash-clickable"
              onClick={() => navigate(suppliersHref(filters, { rating }))}
            />
          ))}
          <Line
            yAxisId="score"
            dataKey="avgResidual"
            name="Average residual risk"
            stroke={ACCENT}
            strokeWidth={2}
            dot={{ r: 3 }}
            connectNulls
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartPanel>
  );
}
