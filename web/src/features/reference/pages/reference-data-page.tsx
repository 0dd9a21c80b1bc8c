import { Alert } from '../../../components/ui/alert.js';
import { Button } from '../../../components/ui/button.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { describeError } from '../../../lib/form-errors.js';
import { formatInteger } from '../../../lib/format.js';
import { useCurrentSession } from '../../auth/session-context.js';
import { useDatasets } from '../../datasets/api.js';
import { EditionUploadForm } from '../../datasets/components/edition-upload-form.js';
import { LoadedEditions } from '../../datasets/components/loaded-editions.js';
import { useReferenceOverview } from '../api.js';
import { CountryLookup } from '../components/country-lookup.js';
import { DatasetCard } from '../components/dataset-card.js';
import '../reference.css';

export function ReferenceDataPage() {
  const overview = useReferenceOverview();
  const datasets = useDatasets();
  const session = useCurrentSession();
  const isAdmin = session.role === 'admin';
  return (
    <>
      <PageHeader
        title="Reference data"
        description="The published datasets inherent risk is scored from, with the edition Clearsource ships and what each does not cover."
      />
      <CountryLookup />
      {overview.isError ? (
        <Alert tone="error" title="The reference data could not be loaded">
          {describeError(overview.error)}{' '}
          <Button size="sm" onClick={() => overview.refetch()}>
            Try again
          </Button>
        </Alert>
      ) : !overview.data ? (
        <p className="loading-text" role="status">
          Loading reference data…
        </p>
      ) : (
        <>
          <section className="section" aria-labelledby="datasets-title">
            <h2 className="section-title" id="datasets-title">
              Datasets
            </h2>
            <p className="muted section-lead">
              {formatInteger(overview.data.countries)} countries and territories,{' '}
              {formatInteger(overview.data.ilabListings)} ILAB country–good listings. Every assessment records
              the editions it used.
            </p>
            <ul className="card-grid card-grid-wide">
              {overview.data.datasets.map((dataset) => (
                <DatasetCard key={dataset.id} dataset={dataset} />
              ))}
            </ul>
          </section>
          <section className="section" aria-labelledby="editions-title">
            <h2 className="section-title" id="editions-title">
              Editions loaded by your organisation
            </h2>
            <p className="muted section-lead">
              A new edition is scored only by a policy that pins it: put it in a draft, run the what-if, then
              publish. Assessments keep citing the edition they were scored with.
            </p>
            {datasets.data ? (
              <LoadedEditions editions={datasets.data.editions} isAdmin={isAdmin} />
            ) : datasets.isError ? (
              <Alert tone="error">{describeError(datasets.error)}</Alert>
            ) : null}
            {isAdmin ? <EditionUploadForm /> : null}
          </section>
          <section className="section" aria-labelledby="ilo-title">
            <h2 className="section-title" id="ilo-title">
              The {overview.data.iloIndicators.length} ILO indicators of forced labour
            </h2>
            <p className="muted section-lead">
              Questionnaire answers are scored against these indicators, with the governance controls of your
              scoring policy.
            </p>
            <ol className="indicator-list">
              {overview.data.iloIndicators.map((indicator) => (
                <li key={indicator.id} className="indicator">
                  <h3 className="card-title">{indicator.name}</h3>
                  <p className="card-text">{indicator.description}</p>
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </>
  );
}
