import pino from 'pino';

/**
 * An error as the log keeps it: pino's standard form, but a failed query's bound values left out. drizzle's
 * DrizzleQueryError carries them in its message, its stack and a `params` field, and they are what the
 * request sent: e-mail addresses, names, answers, token digests. The statement's text stays (it names what
 * failed), and so does the driver's error in `cause` (postgres.js keeps its own copy of the values
 * non-enumerable, so it never reaches the log).
 */
export const errForLog = (err: unknown) => pino.stdSerializers.err(withoutBoundValues(err) as Error);

const PARAMS_LINE = /\nparams: [^\n]*/;

const withoutBoundValues = (err: unknown): unknown => {
  if (!(err instanceof Error) || !('params' in err) || !('query' in err)) return err;
  const clean = new Error(err.message.replace(PARAMS_LINE, '\nparams: (not logged)'), { cause: err.cause });
  clean.name = err.name;
  if (err.stack) clean.stack = err.stack.replace(PARAMS_LINE, '\nparams: (not logged)');
  return clean;
};
