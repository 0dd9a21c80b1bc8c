import pino from 'pino';

/**
 * An error as the log keeps it: pino's standard form, but a failed query's bound values left out. drizzle's
 * DrizzleQueryError carries them in its message, its stack and a `params` field, and they are what the
 * request sent: e-mail addresses, names, answers, token digests. The statement's text stays (it names what
 * failed), and so does the driver's error in `cause` (postgres.js keeps its own copy of the values
 * non-enumerable, so it never reaches the log). A failed query anywhere in an error's causes is cleaned
 * too: pino writes the causes' messages and stacks into the error's own.
 */
export const errForLog = (err: unknown) => pino.stdSerializers.err(withoutBoundValues(err) as Error);

const PARAMS_LINE = /\nparams: [^\n]*/;
const scrub = (text: string) => text.replace(PARAMS_LINE, '\nparams: (not logged)');

const withoutBoundValues = (err: unknown, depth = 0): unknown => {
  if (!(err instanceof Error) || depth > 10) return err;
  const cause = withoutBoundValues(err.cause, depth + 1);
  const isQuery = 'params' in err && 'query' in err;
  if (!isQuery && cause === err.cause) return err;
  const clean = new Error(isQuery ? scrub(err.message) : err.message, { cause });
  clean.name = err.name;
  if (err.stack) clean.stack = isQuery ? scrub(err.stack) : err.stack;
  // The error's own fields (a code, a status) as they were, but never the values.
  for (const [key, value] of Object.entries(err))
    if (key !== 'params' && key !== 'cause') Object.assign(clean, { [key]: value });
  return clean;
};
