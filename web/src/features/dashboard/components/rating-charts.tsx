import { useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { DashboardQuery, DashboardSummary } from '#shared/schemas/dashboard.js';
import { formatInteger, formatMoney } from '../../../lib/format.js';
import { suppliersHref } from '../lib/links.js';
import { AXIS, BAND_FILL, BAND_LABEL, GRID } from '../lib/palette.js';
import { shareOf } from '../lib/share.js';
import { ChartPanel } from './chart-panel.js';

interface Props {
  summary: DashboardSummary;
  filters: DashboardQuery;
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** Suppliers per rating band; a bar opens the supplier list of that band (with the dashboard's filters). */
export function RatingDistribution({ summary, filters }: Props) {
  const navigate = useNavigate();
  const data = summary.byRating.map((b) => ({
    ...b,
    label: BAND_LABEL[b.band],
    href: suppliersHref(filters, { rating: b.band }),
  }));
  return (
    <ChartPanel
      title="Suppliers by rating"
      fileName="suppliers-by-rating"
      description="Each supplier in the rating of its latest assessment. Select a bar to list those suppliers."
      table={{
        columns: ['Rating', 'Suppliers', 'Share'],
        rows: data.map((d) => ({
          key: d.band,
          label: d.label,
          href: d.href,
          values: [d.suppliers, shareOf(d.suppliers, summary.suppliers)],
          shown: [formatInteger(d.suppliers), shareOf(d.suppliers, summary.suppliers)],
        })),
      }}
    >
      <ResponsiveContainer width="100%" height={240}>
        <BarChart
          accessibilityLayer
          data={data}
          title="Suppliers by rating"
          margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
        >
          <CartesianGrid vertical={false} stroke={GRID} />
          <XAxis dataKey="label" tick={AXIS.tick} stroke={AXIS.stroke} tickLine={false} interval={0} />
          <YAxis allowDecimals={false} tick={AXIS.tick} stroke={AXIS.stroke} tickLine={false} />
          <Tooltip
            cursor={{ fill: 'rgb(47 91 211 / 0.08)' }}
            formatter={(v) => [formatInteger(Number(v)), 'Suppliers']}
          />
          <Bar
            dataKey="suppliers"
            name="Suppliers"
            radius={[4, 4, 0, 0]}
            className="dash-clickable"
            onClick={(_, index) => {
              const d = data[index];
              if (d) navigate(d.href);
            }}
          >
            {data.map((d) => (
              <Cell key={d.band} fill={BAND_FILL[d.band]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartPanel>
  );
}

/**
 * Annual spend per rating band, in the currency most suppliers are paid in (amounts in different currencies
 * are never added up; the others are listed under the chart).
 */
export function SpendByRating({ summary, filters }: Props) {
  const navigate = useNavigate();
  const [main, ...others] = summary.spend;
  if (!main) {
    return (
      <ChartPanel
        title="Spend by rating"
        fileName="spend-by-rating"
        description="No supplier has an annual spend recorded."
        table={{ columns: ['Rating', 'Currency', 'Annual spend', 'Share'], rows: [] }}
      />
    );
  }
  const data = main.byBand.map((b) => ({
    ...b,
    label: BAND_LABEL[b.band],
    href: suppliersHref(filters, { rating: b.band }),
  }));
  const rows = summary.spend.flatMap((currency) =>
    currency.byBand.map((b) => ({
      key: `${currency.currency}-${b.band}`,
      label: BAND_LABEL[b.band],
      href: suppliersHref(filters, { rating: b.band }),
      values: [currency.currency, b.amount, b.share],
      shown: [currency.currency, formatMoney(b.amount, currency.currency), percent(b.share)],
    })),
  );
  return (
    <ChartPanel
      title="Spend by rating"
      fileName="spend-by-rating"
      description={
        <>
          Share of {formatMoney(main.total, main.currency)} annual spend ({formatInteger(main.suppliers)}{' '}
          suppliers paid in {main.currency}).
          {others.length > 0
            ? ` Also paid in ${others.map((o) => `${o.currency} (${formatInteger(o.suppliers)})`).join(', ')}: in the table, never added up.`
            : ''}
        </>
      }
      table={{ columns: ['Rating', 'Currency', 'Annual spend', 'Share'], rows }}
    >
      <ResponsiveContainer width="100%" height={240}>
        <BarChart
          accessibilityLayer
          data={data}
          layout="vertical"
          title={`Spend by rating, ${main.currency}`}
          margin={{ top: 8, right: 16, bottom: 0, left: 8 }}
        >
          <CartesianGrid horizontal={false} stroke={GRID} />
          <XAxis
            type="number"
            domain={[0, 1]}
            tickFormatter={(v: number) => `${Math.round(v * 100)}%`}
            tick={AXIS.tick}
            stroke={AXIS.stroke}
          />
          <YAxis
            type="category"
            dataKey="label"
            width={96}
            tick={AXIS.tick}
            stroke={AXIS.stroke}
            tickLine={false}
          />
          <Tooltip
            cursor={{ fill: 'rgb(47 91 211 / 0.08)' }}
            formatter={(_, __, item) => {
              const d = item.payload as (typeof data)[number];
              return [`${formatMoney(d.amount, main.currency)} (${percent(d.share)})`, 'Spend'];
            }}
          />
          <Bar
            dataKey="share"
            name="Share of spend"
            radius={[0, 4, 4, 0]}
            className="dash-clickable"
            onClick={(_, index) => {
              const d = data[index];
              if (d) navigate(d.href);
            }}
          >
            {data.map((d) => (
              <Cell key={d.band} fill={BAND_FILL[d.band]} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </ChartPanel>
  );
}
