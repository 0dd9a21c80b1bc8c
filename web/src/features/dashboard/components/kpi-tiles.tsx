import { Link } from 'react-router';
import type { DashboardQuery, DashboardSummary } from '#shared/schemas/dashboard.js';
import { formatInteger } from '../../../lib/format.js';
import { questionnairesHref, suppliersHref, tasksHref } from '../lib/links.js';

interface Tile {
  key: string;
  label: string;
  value: string;
  detail: string;
  href?: string;
  /** Draws the eye: something is overdue or flagged. */
  alert?: boolean;
}

const plural = (n: number, one: string, many = `${one}s`) => `${formatInteger(n)} ${n === 1 ? one : many}`;

/** The headline figures, each (where a list exists for it) a link to what it counts. */
export function KpiTiles({ summary, filters }: { summary: DashboardSummary; filters: DashboardQuery }) {
  const { coverage, questionnaires: q, remediation, redFlags, riskAccepted } = summary;
  const critical = summary.byRating.find((b) => b.band === 'critical')?.suppliers ?? 0;
  const high = summary.byRating.find((b) => b.band === 'high')?.suppliers ?? 0;
  const tiles: Tile[] = [
    {
      key: 'suppliers',
      label: 'Suppliers',
      value: formatInteger(summary.suppliers),
      detail: `${formatInteger(critical + high)} rated high or critical`,
      href: suppliersHref(filters),
    },
    {
      key: 'coverage',
      label: 'Coverage',
      value: `${Math.round(coverage.share * 100)}%`,
      detail: `${formatInteger(coverage.covered)} of ${formatInteger(coverage.activeSuppliers)} assessed on current answers; ${formatInteger(coverage.expiringSoon)} expire within ${coverage.expiringWithinDays} days`,
      href: questionnairesHref({ status: 'accepted' }),
    },
    {
      key: 'questionnaires',
      label: 'Questionnaires outstanding',
      value: formatInteger(q.outstanding),
      detail: `${formatInteger(q.overdue)} overdue, ${formatInteger(q.awaitingReview)} awaiting review`,
      href: questionnairesHref({ overdue: 'true' }),
      alert: q.overdue > 0,
    },
    {
      key: 'remediation',
      label: 'Overdue remediation',
      value: formatInteger(remediation.overdue),
      detail: `of ${plural(remediation.active, 'open task')}`,
      href: tasksHref(filters, { overdue: 'true' }),
      alert: remediation.overdue > 0,
    },
    {
      key: 'red-flags',
      label: 'Open red flags',
      value: formatInteger(redFlags.open),
      detail: `at ${plural(redFlags.suppliers, 'supplier')}`,
      href: suppliersHref(filters, { redFlags: 'open' }),
      alert: redFlags.open > 0,
    },
    {
      key: 'risk-accepted',
      label: 'Risk accepted',
      value: formatInteger(riskAccepted.total),
      detail: `${formatInteger(riskAccepted.expiringSoon)} expire within ${riskAccepted.expiringWithinDays} days`,
      href: tasksHref(filters, { status: 'risk_accepted' }),
    },
  ];
  return (
    <ul className="kpi-tiles" aria-label="Key figures">
      {tiles.map((tile) => {
        const body = (
          <>
            <span className="kpi-label">{tile.label}</span>
            <span className="kpi-value">{tile.value}</span>
            <span className="kpi-detail">{tile.detail}</span>
          </>
        );
        return (
          <li key={tile.key}>
            {tile.href ? (
              <Link
                to={tile.href}
                className={`kpi-tile ${tile.alert ? 'kpi-alert' : ''}`}
                aria-label={`${tile.label}: ${tile.value}, ${tile.detail}`}
              >
                {body}
              </Link>
            ) : (
              <div className={`kpi-tile ${tile.alert ? 'kpi-alert' : ''}`}>{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
