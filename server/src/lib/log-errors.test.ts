import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { errForLog } from './log-errors.js';

describe('errForLog', () => {
  it('keeps a failed query’s statement and cause but not the values the request bound to it', () => {
    const cause = Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), {
      code: 'CONNECTION_CLOSED',
    });
    const err = new DrizzleQueryError(
      'select * from users where email = $1',
      ['maria.lopez@example.com', 'ab12cd34ef'],
      cause,
    );
    const logged = JSON.stringify(errForLog(err));
    expect(logged).not.toContain('maria.lopez@example.com');
    expect(logged).not.toContain('ab12cd34ef');
    expect(logged).toContain('select * from users where email = $1');
    expect(logged).toContain('params: (not logged)');
    expect(logged).toContain('CONNECTION_CLOSED');
  });

  it('cleans a failed query among an error’s causes, keeping the outer error’s own fields', () => {
    const query = new DrizzleQueryError(
      'select * from suppliers where name = $1',
      ['Ñandú Textiles'],
      undefined,
    );
    const outer = Object.assign(new Error('import failed', { cause: query }), { code: 'IMPORT_FAILED' });
    const logged = errForLog(outer);
    expect(JSON.stringify(logged)).not.toContain('Ñandú Textiles');
    expect(logged).toMatchObject({ code: 'IMPORT_FAILED' });
    expect(logged.message).toContain('import failed');
    expect(logged.message).toContain('select * from suppliers where name = $1');
  });

  it('logs any other error as pino does', () => {
    const logged = errForLog(Object.assign(new Error('disk full'), { code: 'ENOSPC' }));
    expect(logged).toMatchObject({ type: 'Error', message: 'disk full', code: 'ENOSPC' });
    expect(logged.stack).toContain('disk full');
  });
});
