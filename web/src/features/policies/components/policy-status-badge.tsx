import type { PolicyStatus } from '#shared/schemas/policy.js';
import { Badge } from '../../../components/ui/badge.js';
import { STATUS_LABELS, STATUS_TONES } from '../labels.js';

export function PolicyStatusBadge({ status }: { status: PolicyStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
