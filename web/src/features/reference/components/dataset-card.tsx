import type { DatasetInfo } from '#shared/domain/reference/types.js';
import { Badge } from '../../../components/ui/badge.js';
import { formatInteger } from '../../../lib/format.js';

const hostOf = (url: string): string => {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
};

const ROW_NOUNS: Record<DatasetInfo['kind'], string> = {
  us_tip: 'countries and territories',
  gsi: 'countries',
  ilab: 'country–good listings',
  ilo_indicators: 'indicators',
};

/** One published dataset: who publishes it, which edition we ship, and what it does not cover. */
export function DatasetCard({ dataset }: { dataset: DatasetInfo }) {
  const titleId = `dataset-${dataset.id}`;
  return (
    <li className="card dataset-card">
      <article aria-labelledby={titleId}>
        <div className="dataset-head">
          <h3 className="card-title" id={titleId}>
            {dataset.title}
          </h3>
          <Badge tone="accent">Edition {dataset.edition}</Badge>
        </div>
        <p className="card-text">{dataset.publisher}</p>
        <dl className="details details-compact dataset-facts">
          <dt>Rows</dt>
          <dd>
            {formatInteger(dataset.rows)} {ROW_NOUNS[dataset.kind]}
          </dd>
          <dt>Source</dt>
          <dd>
            <a href={dataset.url} target="_blank" rel="noreferrer noopener">
              {hostOf(dataset.url)}
              <span className="visually-hidden"> (opens in a new tab)</span>
            </a>
          </dd>
          <dt>Cited as</dt>
          <dd>
            <code className="code">{dataset.id}</code>
          </dd>
        </dl>
        {dataset.gaps.length > 0 ? (
          <>
            <h4 className="subsection-title">Known gaps</h4>
            <ul className="plain-list gap-list-plain">
              {dataset.gaps.map((gap) => (
                <li key={gap}>{gap}</li>
              ))}
            </ul>
          </>
        ) : null}
        <details className="disclosure">
          <summary>How this copy was compiled, and its licence</summary>
          <p className="card-text">{dataset.retrieved}</p>
          <p className="card-text">{dataset.licence}</p>
        </details>
      </article>
    </li>
  );
}
