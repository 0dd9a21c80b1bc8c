import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import path from 'node:path';
import { readOrCreateKeyFile } from './key-file.js';

/**
 * Encrypts secrets that must be read back later but must not sit readable in the database: the link of an
 * e-mail waiting in the outbox. AES-256-GCM with a key outside the database (LINK_SEALING_KEY, else a key
 * file generated into the data directory), so a copy of the database alone reveals no link.
 * Several API processes must share the key (set LINK_SEALING_KEY, or share the data directory).
 */
export interface Sealer {
  seal(plain: string): string;
  /** The plain text, or undefined when the sealed value was not made with this key or was altered. */
  unseal(sealed: string): string | undefined;
}

const VERSION = 'v1';

const keyFrom = (text: string): Buffer => {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new Error('LINK_SEALING_KEY must be 32 bytes, base64-encoded');
  return key;
};

export const createSealer = (key: Buffer): Sealer => ({
  seal(plain) {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), body]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
      .join('.');
  },
  unseal(sealed) {
    const [version, iv, tag, body] = sealed.split('.');
    if (version !== VERSION || !iv || !tag || body === undefined) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    } catch {
      return undefined;
    }
  },
});

export const loadSealer = (dataDir: string, fromEnv?: string): Sealer =>
  createSealer(
    keyFrom(
      fromEnv ??
        readOrCreateKeyFile(path.join(dataDir, 'link-sealing-key'), () => randomBytes(32).toString('base64')),
    ),
  );
