import { ROLE_LABELS, ROLES } from '#shared/roles.js';
import type { SelectOption } from '../components/ui/field.js';

export const ROLE_OPTIONS: readonly SelectOption[] = ROLES.map((role) => ({
  value: role,
  label: ROLE_LABELS[role],
}));
