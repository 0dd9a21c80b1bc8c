import type { TemplateStatus } from '#shared/schemas/templates.js';
import { Badge } from '../../../components/ui/badge.js';
import { STATUS_LABELS, STATUS_TONES } from '../labels.js';

export function TemplateStatusBadge({ status }: { status: TemplateStatus }) {
  return <Badge tone={STATUS_TONES[status]}>{STATUS_LABELS[status]}</Badge>;
}
