import { z } from 'zod';
import { AccountLinkIssuedSchema } from './account-links.js';
import { PasswordSchema, RoleSchema } from './auth.js';
import { EmailSchema, IdSchema, PageQuerySchema, pageOf, requiredText, sortOrder, text } from './common.js';
import { ExpectedRevisionShape, RevisionSchema } from './revision.js';

export const MEMBER_STATUSES = ['active', 'deactivated'] as const;
export const MemberStatusSchema = z.enum(MEMBER_STATUSES);

/** A user as seen by one organisation: the membership decides role and status. */
export const UserSchema = z.object({
  id: IdSchema,
  email: z.string(),
  name: z.string(),
  role: RoleSchema,
  status: MemberStatusSchema,
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
  /** Changes of this membership's role or status so far (optimistic concurrency, see revision.ts). */
  revision: RevisionSchema,
});
export type User = z.infer<typeof UserSchema>;

export const UserCreateSchema = z.object({
  email: EmailSchema,
  name: requiredText(200, 'Name'),
  role: RoleSchema,
  /** Optional: when omitted, a new account is invited to choose its own (a single-use link). */
  password: PasswordSchema.optional(),
});
export type UserCreate = z.infer<typeof UserCreateSchema>;

/**
 * A created user; `invitation` is present when a new account was created without a password: the link to
 * choose one was e-mailed, or (no mailer configured) is in `invitation.url`, shown once.
 */
export const UserCreatedSchema = UserSchema.extend({ invitation: AccountLinkIssuedSchema.optional() });

/** PATCH: role and/or status; `revision` (or If-Match) names the revision the change was made from. */
export const UserUpdateSchema = z
  .object({ role: RoleSchema, status: MemberStatusSchema })
  .partial()
  .extend(ExpectedRevisionShape)
  .refine((v) => v.role !== undefined || v.status !== undefined, {
    message: 'Change the role or the status',
    path: ['role'],
  });
export type UserUpdate = z.infer<typeof UserUpdateSchema>;

export const UsersQuerySchema = PageQuerySchema.extend({
  q: text(200).optional(),
  role: RoleSchema.optional(),
  status: MemberStatusSchema.optional(),
  sort: z.enum(['name', 'email', 'role', 'createdAt']).default('name'),
  order: sortOrder,
});
export type UsersQuery = z.infer<typeof UsersQuerySchema>;

export const UserPageSchema = pageOf(UserSchema);
