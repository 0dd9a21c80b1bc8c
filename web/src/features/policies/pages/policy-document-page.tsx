import { PolicyDocumentView } from '../components/policy-document-view.js';
import { usePolicyContext } from './policy-layout.js';

export function PolicyDocumentPage() {
  const { policy } = usePolicyContext();
  return <PolicyDocumentView doc={policy.document} />;
}
