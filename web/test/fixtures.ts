import type { Role } from '#shared/roles.js';
import type { SessionInfo } from '#shared/schemas/auth.js';
import type { User } from '#shared/schemas/users.js';

export const ORG_ID = '11111111-1111-4111-8111-111111111111';
export const OTHER_ORG_ID = '22222222-2222-4222-8222-222222222222';
export const USER_ID = '33333333-3333-4333-8333-333333333333';

export const makeSession = (role: Role = 'admin', overrides: Partial<SessionInfo> = {}): SessionInfo => ({
  user: { id: USER_ID, email: 'ada@demo.test', name: 'Ada Admin' },
  org: { id: ORG_ID, name: 'Demo Textiles Ltd', slug: 'demo' },
  role,
  csrfToken: 'csrf-token-123',
  memberships: [{ org: { id: ORG_ID, name: 'Demo Textiles Ltd', slug: 'demo' }, role }],
  expiresAt: '2030-01-01T00:00:00.000Z',
  ...overrides,
});

let counter = 0;
export const makeUser = (overrides: Partial<User> = {}): User => {
  counter += 1;
  return {
    id: `44444444-4444-4444-8444-${String(counter).padStart(12, '0')}`,
    email: `person${counter}@demo.test`,
    name: `Person ${counter}`,
    role: 'officer',
    status: 'active',
    createdAt: '2025-01-15T09:30:00.000Z',
    lastLoginAt: null,
    revision: 1,
    ...overrides,
  };
};

export const pageOf = <T>(items: T[], total = items.length) => ({ items, total, limit: 25, offset: 0 });
