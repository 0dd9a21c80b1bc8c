import { z } from 'zod';
import { RoleSchema } from './auth.js';
import { IdSchema, IsoDateTimeSchema, PageQuerySchema, pageOf, requiredText } from './common.js';

export const ApiKeySchema = z.object({
  id: IdSchema,
  name: z.string(),
  role: RoleSchema,
  /** First characters of the key, so a person can tell keys apart; the key itself is stored only hashed. */
  prefix: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  /** When the key stops working (null: until revoked). */
  expiresAt: z.string().nullable(),
});
export type ApiKey = z.infer<typeof ApiKeySchema>;

export const ApiKeyCreateSchema = z.object({
  name: requiredText(100, 'Name'),
  role: RoleSchema,
  /** Optional end of validity (ISO 8601 with offset); it must lie in the future. Omitted or null: no end. */
  expiresAt: IsoDateTimeSchema.nullable().optional(),
});
export type ApiKeyCreate = z.infer<typeof ApiKeyCreateSchema>;

/** The only answer that carries the secret: it is never shown again. */
export const ApiKeyCreatedSchema = ApiKeySchema.extend({ key: z.string() });

export const ApiKeysQuerySchema = PageQuerySchema.extend({
  includeRevoked: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const ApiKeyPageSchema = pageOf(ApiKeySchema);
