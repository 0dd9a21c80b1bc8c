import type { FastifyBaseLogger } from 'fastify';

/**
 * Runs `run` now and then every `everyMs` in this process, never two at once (a run that outlasts the interval
 * makes the next tick a no-op), and logs a failure instead of letting it escape the timer. For the schedules
 * every API process runs: they claim their work in the database, so running in several processes is safe.
 */
export const periodic = (
  run: () => Promise<unknown>,
  log: Pick<FastifyBaseLogger, 'error'>,
  what: string,
) => {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> | undefined;
  const tick = () => {
    if (running) return;
    running = run()
      .catch((err) => log.error({ err }, `${what} error`))
      .finally(() => {
        running = undefined;
      });
  };
  return {
    start(everyMs: number) {
      if (timer) return;
      timer = setInterval(tick, everyMs);
      timer.unref();
      tick();
    },
    /** Stops the timer and waits for a run in progress. */
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
};
