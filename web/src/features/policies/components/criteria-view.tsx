import { CRITERION_GROUPS, type PolicyDocument } from '#shared/schemas/policy.js';
import { TableScroll } from '../../../components/ui/table.js';
import { formatPercent, formatScore } from '../../../lib/format.js';
import { RatingBadge } from '../../suppliers/components/rating-badge.js';
import { CRITERION_GROUP_LABELS } from '../labels.js';

/** The criteria of control effectiveness, ILO indicators first, each with its weight and share of the total. */
export function CriteriaView({ criteria }: { criteria: PolicyDocument['criteria'] }) {
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  return (
    <>
      <p className="section-lead">
        Control effectiveness = Σ(weight × effectiveness) / Σ weight. The weights add up to{' '}
        {formatScore(total)}; a criterion with no accepted answer counts as uncontrolled and is listed as a
        data gap.
      </p>
      {CRITERION_GROUPS.map((group) => {
        const items = criteria.filter((c) => c.group === group);
        if (items.length === 0) return null;
        const groupWeight = items.reduce((sum, c) => sum + c.weight, 0);
        return (
          <div key={group} className="criteria-group">
            <h3 className="subsection-title">
              {CRITERION_GROUP_LABELS[group]}{' '}
              <span className="muted">
                ({items.length}, {formatPercent(total > 0 ? (100 * groupWeight) / total : 0)} of the weight)
              </span>
            </h3>
            <TableScroll label={CRITERION_GROUP_LABELS[group]}>
              <table className="table table-compact table-breakdown">
                <caption className="visually-hidden">{CRITERION_GROUP_LABELS[group]}</caption>
                <thead>
                  <tr>
                    <th scope="col">Criterion</th>
                    <th scope="col" className="cell-number">
                      Weight
                    </th>
                    <th scope="col" className="cell-number">
                      Share
                    </th>
                    <th scope="col">Citation</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((c) => (
                    <tr key={c.key}>
                      <th scope="row" className="cell-rowheader">
                        {c.name}
                        {c.description ? (
                          <span className="cell-sub muted criterion-description">{c.description}</span>
                        ) : null}
                      </th>
                      <td className="cell-number">{formatScore(c.weight)}</td>
                      <td className="cell-number muted">
                        {formatPercent(total > 0 ? (100 * c.weight) / total : 0)}
                      </td>
                      <td className="cell-source">{c.citation}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableScroll>
          </div>
        );
      })}
    </>
  );
}

/** Red flags: findings that set a floor under the rating, whatever the average says. */
export function RedFlagsView({ redFlags }: { redFlags: PolicyDocument['redFlags'] }) {
  if (redFlags.length === 0) return <p className="muted">This policy has no red flags.</p>;
  return (
    <TableScroll label="Red flags and the rating each forces">
      <table className="table table-compact table-breakdown">
        <caption className="visually-hidden">Red flags and the rating each forces</caption>
        <thead>
          <tr>
            <th scope="col">Red flag</th>
            <th scope="col">Rating at least</th>
            <th scope="col">Citation</th>
          </tr>
        </thead>
        <tbody>
          {redFlags.map((flag) => (
            <tr key={flag.key}>
              <th scope="row" className="cell-rowheader">
                {flag.name}
                {flag.description ? (
                  <span className="cell-sub muted criterion-description">{flag.description}</span>
                ) : null}
              </th>
              <td>
                <RatingBadge rating={flag.minRating} />
              </td>
              <td className="cell-source">{flag.citation}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
