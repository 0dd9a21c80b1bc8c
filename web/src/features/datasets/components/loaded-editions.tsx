import { useId, useState } from 'react';
import type { DatasetEdition } from '#shared/schemas/datasets.js';
import { Alert } from '../../../components/ui/alert.js';
import { Badge } from '../../../components/ui/badge.js';
import { Button } from '../../../components/ui/button.js';
import { describeError } from '../../../lib/form-errors.js';
import { usePolicies } from '../../policies/api.js';
import { useDeleteEdition, useEditionDiff, usePinEdition } from '../api.js';
import { EditionDiffView } from './edition-result.js';

function DiffDisclosure({ id }: { id: string }) {
  const [open, setOpen] = useState(false);
  const diff = useEditionDiff(open ? id : null);
  return (
    <details className="disclosure" onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Changes against the edition in use</summary>
      {diff.data ? (
        <EditionDiffView diff={diff.data} />
      ) : diff.isError ? (
        describeError(diff.error)
      ) : (
        'Loading…'
      )}
    </details>
  );
}

/** Puts the edition in a chosen draft (administrators): the draft then pins it. */
function PinInDraft({ edition }: { edition: DatasetEdition }) {
  const selectId = useId();
  const drafts = (usePolicies().data ?? []).filter((p) => p.status === 'draft');
  const pin = usePinEdition();
  const [draftId, setDraftId] = useState('');
  const draft = drafts.find((d) => d.id === (draftId || drafts[0]?.id));
  if (drafts.length === 0) {
    return <p className="muted">Make a draft copy of your policy to use this edition in it.</p>;
  }
  return (
    <div className="pin-row">
      <label className="field-label" htmlFor={selectId}>
        Policy draft
      </label>
      <select
        id={selectId}
        className="input select"
        value={draft?.id ?? ''}
        onChange={(e) => setDraftId(e.target.value)}
      >
        {drafts.map((d) => (
          <option key={d.id} value={d.id}>
            {d.name}
          </option>
        ))}
      </select>
      <Button
        size="sm"
        disabled={!draft || pin.isPending || draft.document.datasets?.[edition.kind] === edition.id}
        onClick={() => draft && pin.mutate({ draft, kind: edition.kind, editionId: edition.id })}
      >
        Use in this draft
      </Button>
      {pin.isError ? <Alert tone="error">{describeError(pin.error)}</Alert> : null}
      {pin.isSuccess ? (
        <p role="status">
          "{pin.data.name}" now scores with {edition.dataset.shortName} {edition.edition}: run its what-if.
        </p>
      ) : null}
    </div>
  );
}

/** The editions this organisation loaded, with provenance, beside the shipped ones. */
export function LoadedEditions({ editions, isAdmin }: { editions: DatasetEdition[]; isAdmin: boolean }) {
  const remove = useDeleteEdition();
  if (editions.length === 0) {
    return <p className="muted">No edition loaded yet: every policy scores with the shipped editions.</p>;
  }
  return (
    <ul className="card-grid card-grid-wide">
      {editions.map((e) => (
        <li key={e.id} className="card dataset-card">
          <article aria-labelledby={`edition-${e.id}`}>
            <div className="dataset-head">
              <h3 className="card-title" id={`edition-${e.id}`}>
                {e.dataset.title}
              </h3>
              <Badge tone="accent">Edition {e.edition}</Badge>
            </div>
            <p className="card-text">{e.publisher}</p>
            <dl className="details details-compact dataset-facts">
              <dt>Rows</dt>
              <dd>{e.rows}</dd>
              <dt>Published</dt>
              <dd>{e.publishedOn}</dd>
              <dt>Source</dt>
              <dd>
                <a href={e.url} target="_blank" rel="noreferrer noopener">
                  {e.url}
                  <span className="visually-hidden"> (opens in a new tab)</span>
                </a>
              </dd>
              <dt>Loaded</dt>
              <dd>
                {e.fileName} by {e.createdBy}, {e.createdAt.slice(0, 10)}
              </dd>
              <dt>SHA-256</dt>
              <dd>
                <code className="code">{e.sha256.slice(0, 16)}…</code>
              </dd>
              <dt>Used by</dt>
              <dd>
                {e.pinnedBy.length === 0
                  ? 'No policy yet'
                  : e.pinnedBy
                      .map((p) =>
                        p.version ? `${p.name} (v${p.version}, ${p.status})` : `${p.name} (draft)`,
                      )
                      .join(', ')}
              </dd>
            </dl>
            <DiffDisclosure id={e.id} />
            {isAdmin ? <PinInDraft edition={e} /> : null}
            {isAdmin && e.pinnedBy.length === 0 ? (
              <Button
                size="sm"
                variant="danger"
                disabled={remove.isPending}
                onClick={() => remove.mutate(e.id)}
              >
                Delete this edition
              </Button>
            ) : null}
          </article>
        </li>
      ))}
    </ul>
  );
}
