import { useNavigate } from 'react-router';
import { Button } from '../../../components/ui/button.js';
import { describeError } from '../../../lib/form-errors.js';
import { useCreateReport } from '../api.js';

/**
 * The supplier page's "Download assessment report": issues the supplier's report and opens its page, which
 * follows the progress and offers the PDF. A refusal is said next to the button.
 */
export function SupplierReportButton({ supplierId }: { supplierId: string }) {
  const create = useCreateReport();
  const navigate = useNavigate();
  return (
    <>
      <Button
        busy={create.isPending}
        onClick={() =>
          create.mutate(
            { kind: 'supplier', supplierId },
            { onSuccess: (report) => navigate(`/reports/${report.id}`, { state: { issued: true } }) },
          )
        }
      >
        Download assessment report
      </Button>
      {create.isError ? (
        <p className="field-error report-action-error" role="alert">
          The report was not issued. {describeError(create.error)}
        </p>
      ) : null}
    </>
  );
}
