import { z } from 'zod';
import { ROLES } from '../roles.js';
import { EmailSchema, IdSchema } from './common.js';

export const RoleSchema = z.enum(ROLES);

export const LoginSchema = z.object({
  email: EmailSchema,
  // Not trimmed: spaces may be part of a password. Bounded so argon2 is never fed megabytes.
  password: z.string().min(1, 'Password is required').max(1024, 'Must be at most 1024 characters'),
});
export type Login = z.infer<typeof LoginSchema>;

export const OrgSchema = z.object({ id: IdSchema, name: z.string(), slug: z.string() });
export type Org = z.infer<typeof OrgSchema>;

export const MembershipSummarySchema = z.object({ org: OrgSchema, role: RoleSchema });

/** Answer of login, /me and switch-org: who is signed in, where, as what, and the CSRF token to echo. */
export const SessionInfoSchema = z.object({
  user: z.object({ id: IdSchema, email: z.string(), name: z.string() }),
  org: OrgSchema,
  role: RoleSchema,
  csrfToken: z.string(),
  memberships: z.array(MembershipSummarySchema),
  expiresAt: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export const SwitchOrgSchema = z.object({ orgId: IdSchema });

/** Minimum length follows NIST SP 800-63B (length over composition rules). */
export const PasswordSchema = z
  .string()
  .min(12, 'Use at least 12 characters')
  .max(256, 'Must be at most 256 characters');
