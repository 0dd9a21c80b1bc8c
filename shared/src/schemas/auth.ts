import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../domain/passwords/strength.js';
import { ROLES } from '../roles.js';
import { EmailSchema, IdSchema, safeString } from './common.js';

export const RoleSchema = z.enum(ROLES);

export const LoginSchema = z.object({
  email: EmailSchema,
  // Not trimmed: spaces may be part of a password. Bounded so argon2 is never fed megabytes.
  password: safeString().min(1, 'Password is required').max(1024, 'Must be at most 1024 characters'),
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

/**
 * Length bounds (NIST SP 800-63B: length over composition rules). Strength (zxcvbn, and not the e-mail or
 * name) is checked where the owner is known: `domain/passwords/strength.ts`, by the server and the dashboard.
 */
export const PasswordSchema = safeString()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `Must be at most ${PASSWORD_MAX_LENGTH} characters`);

/** `POST /api/me/password`: the signed-in person changes their own password. */
export const PasswordChangeSchema = z.object({
  currentPassword: LoginSchema.shape.password,
  newPassword: PasswordSchema,
});
export type PasswordChange = z.infer<typeof PasswordChangeSchema>;

export const PasswordChangedSchema = z.object({
  ok: z.literal(true),
  /** Sessions of this person elsewhere (other browsers, other devices) that the change ended. */
  otherSessionsEnded: z.number().int(),
});
export type PasswordChanged = z.infer<typeof PasswordChangedSchema>;
