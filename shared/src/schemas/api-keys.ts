import { z } from 'zod';
import { RoleSchema } from './auth.js';
import { IdSchema, PageQuerySchema, pageOf, requiredText } from './common.js';

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
});
export type ApiKey = z.infer<typeof ApiKeySchema>;

export const ApiKeyCreateSchema = z.object({ name: requiredText(100, 'Name'), role: RoleSchema });
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
