import { hash, verify } from '@node-rs/argon2';

// argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane). `algorithm: 2` is Argon2id in
// @node-rs/argon2's const enum, which isolatedModules cannot import by name.
const ARGON2ID = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, ARGON2ID);

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password; with no stored hash (unknown e-mail) it still runs one argon2 verification, so the
 * answer takes as long as for a wrong password and cannot reveal which accounts exist.
 */
export const verifyPassword = async (stored: string | undefined, password: string): Promise<boolean> => {
  if (!stored) {
    dummyHash ??= hashPassword('clearsource-timing-equaliser');
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(stored, password).catch(() => false);
};
