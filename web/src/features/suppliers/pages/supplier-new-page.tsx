import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { describeError } from '../../../lib/form-errors.js';
import { useSupplier } from '../api.js';
import { SupplierForm } from '../components/supplier-form.js';
import '../suppliers.css';

/** Add a supplier; `?parentId=` starts a sub-supplier of that supplier. */
export function SupplierNewPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const parentId = params.get('parentId');
  const parent = useSupplier(parentId);

  return (
    <>
      <PageHeader
        title="Add supplier"
        description="One record per production site. Inherent risk is scored from its country, goods and workforce."
        actions={
          <Link className="btn btn-secondary" to="/suppliers/import">
            Import many from CSV
          </Link>
        }
      />
      {parentId && parent.isError ? (
        <Alert tone="warning" title="The parent supplier could not be loaded">
          {describeError(parent.error)} You can still choose a parent below.
        </Alert>
      ) : null}
      {parentId && parent.isPending ? (
        <p className="loading-text" role="status">
          Loading…
        </p>
      ) : (
        <section className="panel">
          <SupplierForm
            parent={parent.data}
            onSaved={(supplier) =>
              navigate(`/suppliers/${supplier.id}`, { state: { notice: 'Supplier added.' } })
            }
            onCancel={() => navigate(parentId ? `/suppliers/${parentId}` : '/suppliers')}
          />
        </section>
      )}
    </>
  );
}
