import { z } from 'zod';
import { PasswordSchema } from './auth.js';
import { EmailSchema, safeString } from './common.js';

/** The secret of a link, as the page behind it sends it back (never in a URL: it travels in the fragment). */
export const AccountLinkTokenSchema = safeString()
  .trim()
  .min(1, 'The link is incomplete: open it again from the message')
  .max(200, 'The link is not one we issued');

export const ACCOUNT_LINK_KINDS = ['invitation', 'password_reset'] as const;
export const AccountLinkKindSchema = z.enum(ACCOUNT_LINK_KINDS);
export type AccountLinkKind = z.infer<typeof AccountLinkKindSchema>;

export const AccountLinkInspectSchema = z.object({ token: AccountLinkTokenSchema });

/**
 * What the page behind a link shows before anyone is signed in. Whose account it opens (e-mail and name) is
 * told only while the link is live.
 */
export const AccountLinkInfoSchema = z.object({
  kind: AccountLinkKindSchema,
  state: z.enum(['live', 'used', 'expired']),
  email: z.string().nullable(),
  name: z.string().nullable(),
  organisation: z.string(),
  expiresAt: z.string(),
});
export type AccountLinkInfo = z.infer<typeof AccountLinkInfoSchema>;

/** `POST /api/account-links/password`: spends the link and sets the password of its account. */
export const AccountLinkPasswordSchema = z.object({
  token: AccountLinkTokenSchema,
  password: PasswordSchema,
});
export type AccountLinkPassword = z.infer<typeof AccountLinkPasswordSchema>;

export const AccountLinkPasswordSetSchema = z.object({
  ok: z.literal(true),
  kind: AccountLinkKindSchema,
  /** The account's e-mail, so the sign-in page can be filled in. */
  email: z.string(),
  sessionsEnded: z.number().int(),
});

/** `POST /api/auth/password-reset`: asks for a reset link by e-mail (answers the same for any address). */
export const PasswordResetRequestSchema = z.object({ email: EmailSchema });
export type PasswordResetRequest = z.infer<typeof PasswordResetRequestSchema>;

export const PasswordResetRequestedSchema = z.object({ ok: z.literal(true), message: z.string() });

/**
 * A link an admin had issued: e-mailed, or, when no mailer is configured, handed to the admin to pass on
 * (`url`, shown once; only its hash is stored).
 */
export const AccountLinkIssuedSchema = z.object({
  kind: AccountLinkKindSchema,
  delivery: z.enum(['email', 'handed_over']),
  url: z.string().optional(),
  expiresAt: z.string(),
});
export type AccountLinkIssued = z.infer<typeof AccountLinkIssuedSchema>;
