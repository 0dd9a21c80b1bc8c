import { z } from 'zod';

/** Trimmed, bounded text: every free string in the API goes through one of these. */
export const text = (max: number) => z.string().trim().max(max, `Must be at most ${max} characters`);
export const requiredText = (max: number, label = 'This field') => text(max).min(1, `${label} is required`);

export const IdSchema = z.uuid({ message: 'Must be a valid id (UUID)' });
export const IdParamsSchema = z.object({ id: IdSchema });

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, 'Must be at most 254 characters')
  .pipe(z.email({ message: 'Enter a valid email address' }));

export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

/** Offset paging shared by every list endpoint; query strings are coerced (the only place z.coerce is used). */
export const PageQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
  });

export const sortOrder = z.enum(['asc', 'desc']).default('desc');

export const OkSchema = z.object({ ok: z.literal(true) });
