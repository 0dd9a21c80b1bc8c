import { z } from 'zod';

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Why `value` cannot be stored as text, or undefined when it can. The one rule for text that enters the
 * system (the zod schemas below, the CSV import, uploaded file names):
 * - no control characters (Unicode Cc: C0, DEL, C1) other than tab and line feed, and carriage return in
 *   multi-line text: PostgreSQL refuses U+0000, and the others are invisible in every screen, export and
 *   report that shows the value later;
 * - well-formed UTF-16: a surrogate without its partner is not a character, and PostgreSQL refuses it in JSON.
 */
export const unsafeTextReason = (value: string, { multiline = false } = {}): string | undefined => {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const control =
      c < 0x20 ? c !== 0x09 && c !== 0x0a && !(multiline && c === 0x0d) : c >= 0x7f && c <= 0x9f;
    if (control) return `Contains a control character (${hex(c)}) at position ${i + 1}: remove it`;
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = value.charCodeAt(i + 1);
      if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        i++; // a well-formed pair: one character outside the Basic Multilingual Plane
        continue;
      }
      return `Contains invalid Unicode (an unpaired surrogate ${hex(c)}) at position ${i + 1}`;
    }
  }
  return undefined;
};

/**
 * A string free of control characters (tab and line feed allowed; carriage return too when `multiline`)
 * and of ill-formed UTF-16. Not trimmed: the base for passwords; other text uses `text`/`requiredText`.
 */
export const safeString = ({ multiline = false } = {}) =>
  z.string().check((ctx) => {
    const reason = unsafeTextReason(ctx.value, { multiline });
    if (reason) ctx.issues.push({ code: 'custom', message: reason, input: ctx.value });
  });

/** Trimmed, bounded, safe text: every free string in the API goes through one of these. */
export const text = (max: number, opts: { multiline?: boolean } = {}) =>
  safeString(opts).trim().max(max, `Must be at most ${max} characters`);
export const requiredText = (max: number, label = 'This field', opts: { multiline?: boolean } = {}) =>
  text(max, opts).min(1, `${label} is required`);

/**
 * A type guard for membership of a constant list (a subset of statuses, say): `memberOf(LIST)(value)` narrows
 * `value` to the list's elements. One helper instead of an `includes` cast per list.
 */
export const memberOf =
  <const T extends string>(list: readonly T[]) =>
  (value: string): value is T =>
    (list as readonly string[]).includes(value);

export const IdSchema = z.uuid({ message: 'Must be a valid id (UUID)' });
export const IdParamsSchema = z.object({ id: IdSchema });

export const EmailSchema = safeString()
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
