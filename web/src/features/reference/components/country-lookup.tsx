import type { ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import type { CountryFacts, TipTier } from '#shared/domain/reference/types.js';
import type { CountryReference } from '#shared/schemas/reference.js';
import { CountryPicker } from '../../../components/country-picker.js';
import { Alert } from '../../../components/ui/alert.js';
import { Badge } from '../../../components/ui/badge.js';
import { Field } from '../../../components/ui/field.js';
import { describeError } from '../../../lib/form-errors.js';
import { formatScore } from '../../../lib/format.js';
import { useCountryReference } from '../api.js';

const TIP_LABELS: Record<TipTier, string> = {
  '1': 'Tier 1',
  '2': 'Tier 2',
  '2WL': 'Tier 2 Watch List',
  '3': 'Tier 3',
  special_case: 'Special case (not ranked)',
};

const Unknown = () => <Badge tone="warning">Unknown</Badge>;

function Fact({ label, value, source }: { label: string; value: ReactNode; source?: string }) {
  return (
    <div className="score-tile">
      <dt className="score-label">{label}</dt>
      <dd className="score-value score-value-sm">{value}</dd>
      {source ? <dd className="score-formula">{source}</dd> : null}
    </div>
  );
}

function Facts({ facts }: { facts: CountryFacts | null }) {
  const tip = facts?.tip ?? null;
  const gsi = facts?.gsi ?? null;
  return (
    <dl className="score-tiles">
      <Fact
        label="US TIP report"
        value={tip ? TIP_LABELS[tip.tier] : <Unknown />}
        source={tip ? `TIP ${tip.edition}` : 'Not in the TIP report'}
      />
      <Fact
        label="Modern slavery prevalence"
        value={
          gsi?.prevalencePer1000 != null ? (
            <>
              {formatScore(gsi.prevalencePer1000)}
              <span className="score-max"> per 1,000 people</span>
            </>
          ) : (
            <Unknown />
          )
        }
        source={gsi ? `GSI ${gsi.edition}, modelled estimate` : 'Not in the Global Slavery Index'}
      />
      <Fact
        label="Vulnerability"
        value={
          gsi?.vulnerability != null ? (
            <>
              {formatScore(gsi.vulnerability)}
              <span className="score-max"> / 100</span>
            </>
          ) : (
            <Unknown />
          )
        }
        source={gsi ? `GSI ${gsi.edition}; higher is more vulnerable` : undefined}
      />
      <Fact
        label="Government response"
        value={gsi?.governmentResponse != null ? `${formatScore(gsi.governmentResponse)}%` : <Unknown />}
        source={gsi ? `GSI ${gsi.edition}; higher is a stronger response` : undefined}
      />
    </dl>
  );
}

function CountryDetails({ country }: { country: CountryReference }) {
  return (
    <div className="country-details">
      <h3 className="country-title">
        {country.name} <span className="muted">({country.iso2})</span>
      </h3>
      <Facts facts={country.facts} />

      <h4 className="subsection-title">Goods on the ILAB list</h4>
      {country.ilab.length === 0 ? (
        <p className="muted">
          No goods from {country.name} are on the ILAB list. That is not evidence that goods from here are
          free of child or forced labour: the list covers goods the US Department of Labor has researched.
        </p>
      ) : (
        <ul className="ilab-list">
          {country.ilab.map((listing) => (
            <li key={`${listing.goodKey}:${listing.good}`} className="ilab-item">
              <span>{listing.description}</span>
              <span className="ilab-badges">
                {listing.forcedLabor ? <Badge tone="danger">Forced labour</Badge> : null}
                {listing.childLabor ? <Badge tone="warning">Child labour</Badge> : null}
                {listing.forcedChildLabor ? <Badge tone="danger">Forced child labour</Badge> : null}
                {listing.removedIn2024Edition ? <Badge tone="neutral">Reported removed in 2024</Badge> : null}
              </span>
              {listing.note ? <span className="cell-sub muted">{listing.note}</span> : null}
            </li>
          ))}
        </ul>
      )}

      <h4 className="subsection-title">What the data does not say</h4>
      {country.gaps.length === 0 ? (
        <p className="muted">Every dataset covers {country.name}.</p>
      ) : (
        <ul className="gap-list">
          {country.gaps.map((gap) => (
            <li key={gap}>
              <span className="gap-kind">Unknown</span>
              {gap}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Pick a country and see what each dataset says about it, and where they are silent. */
export function CountryLookup() {
  const [params, setParams] = useSearchParams();
  const code = params.get('country')?.toUpperCase() ?? null;
  const country = useCountryReference(code);

  return (
    <section className="panel" aria-labelledby="lookup-title">
      <h2 className="panel-title" id="lookup-title">
        Country lookup
      </h2>
      <p className="muted">
        What the published data says about one country. Where a dataset is silent the country is shown as
        unknown, never as low risk, and scored that way.
      </p>
      <Field label="Country" className="lookup-field">
        {(control) => (
          <CountryPicker
            {...control}
            value={code}
            onChange={(next) =>
              setParams(
                (previous) => {
                  const nextParams = new URLSearchParams(previous);
                  if (next) nextParams.set('country', next);
                  else nextParams.delete('country');
                  return nextParams;
                },
                { replace: true },
              )
            }
          />
        )}
      </Field>
      <div aria-live="polite">
        {country.isError ? (
          <Alert tone="error" title="The country could not be looked up">
            {describeError(country.error)}
          </Alert>
        ) : country.isFetching && !country.data ? (
          <p className="loading-text">Looking up…</p>
        ) : country.data ? (
          <CountryDetails country={country.data} />
        ) : null}
      </div>
    </section>
  );
}
