import { Link, useNavigate, useParams } from 'react-router';
import { Alert } from '../../../components/ui/alert.js';
import { PageHeader } from '../../../components/ui/page-header.js';
import { describeError } from '../../../lib/form-errors.js';
import { useSupplier } from '../api.js';
import { SupplierForm } from '../components/supplier-form.js';
import '../suppliers.css';

export function SupplierEditPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const supplier = useSupplier(id);

  if (supplier.isError) {
    return (
      <>
        <PageHeader title="Edit supplier" />
        <Alert tone="error" title="The supplier could not be loaded">
          {describeError(supplier.error)} <Link to="/suppliers">Back to suppliers</Link>
        </Alert>
      </>
    );
  }
  if (!supplier.data) {
    return (
      <p className="loading-text" role="status">
        Loading supplier…
      </p>
    );
  }
  const back = `/suppliers/${supplier.data.id}`;
  return (
    <>
      <PageHeader
        title={`Edit ${supplier.data.name}`}
        description="Changes to country, goods, tier or workforce change inherent risk at the next assessment."
      />
      <section className="panel">
        <SupplierForm
          supplier={supplier.data}
          onSaved={() => navigate(back, { state: { notice: 'Changes saved.' } })}
          onCancel={() => navigate(back)}
        />
      </section>
    </>
  );
}
