import fs from 'node:fs';
import path from 'node:path';

/**
 * A key kept in the data directory, created on first use (mode 0600). Several processes may start at once:
 * each writes its own temporary file and links it into place, so exactly one key wins and all read it.
 */
export const readOrCreateKeyFile = (file: string, create: () => string): string => {
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    fs.writeFileSync(tmp, create(), { mode: 0o600 });
    try {
      fs.linkSync(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  return fs.readFileSync(file, 'utf8');
};
