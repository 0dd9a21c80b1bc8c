import { KIND_LABELS, LOADABLE_KINDS } from '#shared/schemas/datasets.js';
import type { PolicyDatasets } from '#shared/schemas/policy.js';
import { useDatasets } from '../api.js';

function PinnedList({ pins }: { pins: PolicyDatasets }) {
  const datasets = useDatasets();
  const editions = datasets.data?.editions ?? [];
  const shipped = datasets.data?.shipped ?? [];
  return (
    <dl className="details">
      {LOADABLE_KINDS.map((kind) => {
        const id = pins[kind];
        const loaded = id ? editions.find((e) => e.id === id) : undefined;
        const base = shipped.find((d) => d.kind === kind);
        return [
          <dt key={`${kind}-dt`}>{KIND_LABELS[kind]}</dt>,
          <dd key={`${kind}-dd`}>
            {id
              ? loaded
                ? `Loaded edition ${loaded.edition} (${loaded.publisher}, published ${loaded.publishedOn}; ${loaded.fileName})`
                : `Loaded edition ${id}`
              : `Shipped edition${base ? ` ${base.edition}` : ''}`}
          </dd>,
        ];
      })}
    </dl>
  );
}

/** Which dataset editions a policy scores with: the shipped ones unless it pins loaded editions. */
export function PolicyDatasetsView({ pins }: { pins: PolicyDatasets | undefined }) {
  if (!pins || Object.keys(pins).length === 0) {
    return <p className="section-lead">The editions Clearsource ships (see Reference data).</p>;
  }
  return <PinnedList pins={pins} />;
}
