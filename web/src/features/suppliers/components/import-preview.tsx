import type { ImportPreview } from '#shared/schemas/suppliers.js';
import { Alert } from '../../../components/ui/alert.js';
import { Badge, type BadgeTone } from '../../../components/ui/badge.js';
import { TableScroll } from '../../../components/ui/table.js';
import { formatInteger } from '../../../lib/format.js';

const ACTIONS: Record<ImportPreview['sample'][number]['action'], { label: string; tone: BadgeTone }> = {
  create: { label: 'Add', tone: 'success' },
  update: { label: 'Update', tone: 'accent' },
  unchanged: { label: 'Unchanged', tone: 'neutral' },
  error: { label: 'Error', tone: 'danger' },
};

function Count({ label, value, tone }: { label: string; value: number; tone?: 'danger' }) {
  return (
    <div className={tone === 'danger' && value > 0 ? 'count count-danger' : 'count'}>
      <dt>{label}</dt>
      <dd>{formatInteger(value)}</dd>
    </div>
  );
}

/** Goods no row of the ILAB list matches: they import as written and score as unknown data until corrected. */
function GoodWarnings({ preview }: { preview: ImportPreview }) {
  if (preview.goodWarningCount === 0) return null;
  const n = preview.goodWarningCount;
  return (
    <section className="import-good-warnings">
      <Alert tone="warning" title={`${formatInteger(n)} ${n === 1 ? 'good' : 'goods'} not recognised`}>
        The ILAB list of goods produced with child or forced labour has no good like{' '}
        {n === 1 ? 'this one' : 'these'}, so {n === 1 ? 'it is' : 'they are'} scored as unknown data, not as
        "not listed". The file can still be imported; to match {n === 1 ? 'it' : 'them'}, use one of the
        closest listed goods in your file, or correct the goods on the supplier afterwards.
      </Alert>
      <TableScroll label="Goods not recognised">
        <table className="table table-compact">
          <caption className="visually-hidden">Goods not recognised</caption>
          <thead>
            <tr>
              <th scope="col" className="cell-number cell-shrink">
                Line
              </th>
              <th scope="col">Good</th>
              <th scope="col">Closest ILAB goods</th>
            </tr>
          </thead>
          <tbody>
            {preview.goodWarnings.map((w) => (
              <tr key={`${w.row}:${w.good}`}>
                <td className="cell-number">{w.row}</td>
                <td>{w.good}</td>
                <td>
                  {w.suggestions.length > 0 ? (
                    w.suggestions.join(', ')
                  ) : (
                    <span className="muted">none close</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {preview.goodWarnings.length < n ? (
        <p className="muted">
          Showing the first {formatInteger(preview.goodWarnings.length)} of {formatInteger(n)}.
        </p>
      ) : null}
    </section>
  );
}

/** What committing the file would do: counts, every problem found, and a sample of rows with their action. */
export function ImportPreviewView({ preview }: { preview: ImportPreview }) {
  const changes = preview.create + preview.update;
  return (
    <div className="import-preview">
      <dl className="counts" aria-label={`Check of ${preview.fileName}`}>
        <Count label="Rows" value={preview.rows} />
        <Count label="To add" value={preview.create} />
        <Count label="To update" value={preview.update} />
        <Count label="Unchanged" value={preview.unchanged} />
        <Count label="Errors" value={preview.errorCount} tone="danger" />
      </dl>

      {preview.errorCount > 0 ? (
        <>
          <Alert
            tone="error"
            title={`${formatInteger(preview.errorCount)} ${preview.errorCount === 1 ? 'problem' : 'problems'} to fix`}
          >
            Nothing has been imported. Correct these in your file, save it as CSV (UTF-8) and choose it again:
            the import adds all rows or none.
          </Alert>
          <TableScroll label="Problems found in the file">
            <table className="table table-compact">
              <caption className="visually-hidden">Problems found in the file</caption>
              <thead>
                <tr>
                  <th scope="col" className="cell-number cell-shrink">
                    Line
                  </th>
                  <th scope="col">Column</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {preview.errors.map((issue, index) => (
                  // Several problems can share a line and column; their order is the server's.
                  // biome-ignore lint/suspicious/noArrayIndexKey: see above
                  <tr key={index}>
                    <td className="cell-number">{issue.row === 0 ? 'File' : issue.row}</td>
                    <td>
                      {issue.column ? (
                        <code className="code">{issue.column}</code>
                      ) : (
                        <span className="muted">–</span>
                      )}
                    </td>
                    <td>{issue.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
          {preview.errors.length < preview.errorCount ? (
            <p className="muted">
              Showing the first {formatInteger(preview.errors.length)} of {formatInteger(preview.errorCount)}{' '}
              problems.
            </p>
          ) : null}
        </>
      ) : changes === 0 ? (
        <Alert tone="info" title="Nothing would change">
          Every row matches the register already, so importing this file would change nothing.
        </Alert>
      ) : (
        <Alert tone="success" title="The file is ready to import">
          {formatInteger(preview.create)} to add, {formatInteger(preview.update)} to update,{' '}
          {formatInteger(preview.unchanged)} unchanged.
        </Alert>
      )}

      <GoodWarnings preview={preview} />

      {preview.sample.length > 0 ? (
        <section aria-labelledby="sample-title">
          <h3 className="subsection-title" id="sample-title">
            {preview.sample.length < preview.rows
              ? `The first ${formatInteger(preview.sample.length)} rows`
              : 'Every row'}
          </h3>
          <TableScroll label="What importing would do to each row" className="table-scroll">
            <table className="table table-compact">
              <caption className="visually-hidden">What importing would do to each row</caption>
              <thead>
                <tr>
                  <th scope="col" className="cell-number cell-shrink">
                    Line
                  </th>
                  <th scope="col">Action</th>
                  <th scope="col">External ref.</th>
                  <th scope="col">Name</th>
                  <th scope="col">Country</th>
                  <th scope="col">Changes</th>
                </tr>
              </thead>
              <tbody>
                {preview.sample.map((row) => (
                  <tr key={row.row}>
                    <td className="cell-number">{row.row}</td>
                    <td>
                      <Badge tone={ACTIONS[row.action].tone}>{ACTIONS[row.action].label}</Badge>
                    </td>
                    <td>{row.externalRef ?? <span className="muted">–</span>}</td>
                    <td>{row.name ?? <span className="muted">–</span>}</td>
                    <td>{row.country ?? <span className="muted">–</span>}</td>
                    <td>
                      {row.changedFields.length > 0 ? (
                        row.changedFields.join(', ')
                      ) : (
                        <span className="muted">–</span>
                      )}
                      {row.goodsNotRecognised.length > 0 ? (
                        <div className="row-warning">
                          Goods not recognised: {row.goodsNotRecognised.join(', ')}
                        </div>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        </section>
      ) : null}
    </div>
  );
}
