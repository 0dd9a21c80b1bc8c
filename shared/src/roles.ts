/**
 * Roles of a membership. Order matters: each role can do everything the roles after it can.
 * admin: users, API keys, scoring policies; officer: the register and its workflows; executive: read-only.
 */
export const ROLES = ['admin', 'officer', 'executive'] as const;
export type Role = (typeof ROLES)[number];

const rank: Record<Role, number> = { admin: 3, officer: 2, executive: 1 };

/** True when `role` is at least `needed` (admin ⊇ officer ⊇ executive). */
export const roleAtLeast = (role: Role, needed: Role): boolean => rank[role] >= rank[needed];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  officer: 'Compliance officer',
  executive: 'Executive (read-only)',
};
