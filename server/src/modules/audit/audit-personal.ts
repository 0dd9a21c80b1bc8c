import { createHash, randomBytes } from 'node:crypto';
import { type AuditAction, type ErasedValue, PERSONAL_FIELDS } from '#shared/schemas/audit.js';

/**
 * Personal data in an append-only chain. The hashed payload holds `{ "$pd": sha256(salt || value) }` where a
 * personal value would be; the value and its salt are kept beside the event (audit_personal_values). The
 * chain commits to the value through the digest, so a kept value is still proven unaltered, and once value
 * and salt are erased the digest reveals nothing: the salt is 16 random bytes, so the digest cannot be
 * tested against guessed e-mail addresses. Every other field, and every hash, verifies as before.
 */
export const DIGEST_KEY = '$pd';

/** sha256 over the salt's bytes followed by the value's UTF-8 bytes, hex. */
export const personalDigest = (saltHex: string, value: string): string =>
  createHash('sha256').update(Buffer.from(saltHex, 'hex')).update(value, 'utf8').digest('hex');

export interface PersonalValue {
  path: string;
  digest: string;
  salt: string;
  value: string;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Calls `fn` for every value at `pattern` (dot path, `*` = any index or key), with its concrete path. */
const visit = (
  node: unknown,
  segments: string[],
  at: string[],
  fn: (parent: Record<string, unknown> | unknown[], key: string, path: string) => void,
) => {
  const [head, ...rest] = segments;
  if (head === undefined) return;
  const keys =
    head === '*'
      ? Array.isArray(node)
        ? node.map((_, i) => String(i))
        : isPlainObject(node)
          ? Object.keys(node)
          : []
      : [head];
  for (const key of keys) {
    const container = node as Record<string, unknown>;
    if (!(Array.isArray(node) || isPlainObject(node)) || !(key in container)) continue;
    if (rest.length === 0) fn(container, key, [...at, key].join('.'));
    else visit(container[key], rest, [...at, key], fn);
  }
};

/**
 * The payload as the chain stores it: each personal string replaced by its salted digest (a copy; the input
 * is not changed), and the values to keep beside the event. Non-string values at personal paths (absent,
 * null) are left as they are.
 */
export const protectPayload = (
  action: AuditAction,
  payload: Record<string, unknown>,
): { stored: Record<string, unknown>; values: PersonalValue[] } => {
  const patterns = (PERSONAL_FIELDS as Partial<Record<AuditAction, readonly string[]>>)[action];
  if (!patterns) return { stored: payload, values: [] };
  // Most payloads hold no personal value at all (a supplier imported without contacts): they are stored as
  // they are, without the deep copy (an import of 100,000 suppliers spent ~0.5 s copying them).
  let found = false;
  for (const pattern of patterns) {
    visit(payload, pattern.split('.'), [], (parent, key) => {
      if (typeof (parent as Record<string, unknown>)[key] === 'string') found = true;
    });
  }
  if (!found) return { stored: payload, values: [] };
  const stored = structuredClone(payload);
  const values: PersonalValue[] = [];
  for (const pattern of patterns) {
    visit(stored, pattern.split('.'), [], (parent, key, path) => {
      const container = parent as Record<string, unknown>;
      const value = container[key];
      if (typeof value !== 'string') return;
      const salt = randomBytes(16).toString('hex');
      const digest = personalDigest(salt, value);
      container[key] = { [DIGEST_KEY]: digest };
      values.push({ path, digest, salt, value });
    });
  }
  return { stored, values };
};

/** A kept value, or the mark of its erasure. */
export type Revealed = { value: string } | { erased: ErasedValue };

const digestAt = (v: unknown): string | undefined =>
  isPlainObject(v) && typeof v[DIGEST_KEY] === 'string' ? (v[DIGEST_KEY] as string) : undefined;

/**
 * The payload as people read it: every `{ "$pd": … }` replaced by its kept value, or by an erasure mark. A
 * digest with no row beside it (which only tampering produces) reads as erased, so nothing fails to render;
 * verification reports it.
 */
export const revealPayload = (
  stored: Record<string, unknown>,
  kept: Map<string, { value: string | null; erasedAt: Date | null }>,
): Record<string, unknown> => {
  const walk = (node: unknown, path: string[]): unknown => {
    const digest = digestAt(node);
    if (digest !== undefined) {
      const row = kept.get(path.join('.'));
      if (row?.value != null) return row.value;
      return {
        erased: true,
        erasedAt: row?.erasedAt?.toISOString() ?? '',
        digest,
      } satisfies ErasedValue;
    }
    if (Array.isArray(node)) return node.map((v, i) => walk(v, [...path, String(i)]));
    if (isPlainObject(node)) {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, [...path, k])]));
    }
    return node;
  };
  return walk(stored, []) as Record<string, unknown>;
};

/** Whether a stored payload has any digested field (events written before digests existed have none). */
export const hasDigests = (stored: unknown): boolean => JSON.stringify(stored).includes(`"${DIGEST_KEY}"`);

/** The digest stored at a concrete path of a payload, if any. */
export const digestOfPath = (stored: Record<string, unknown>, path: string): string | undefined => {
  let node: unknown = stored;
  for (const key of path.split('.')) {
    if (!(Array.isArray(node) || isPlainObject(node))) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return digestAt(node);
};
