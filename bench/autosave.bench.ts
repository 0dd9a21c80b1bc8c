import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { sendQuestionnaires } from './questionnaires.setup.js';
import { type Bench, percentile } from './setup.js';

export const AUTOSAVE_SESSIONS = 200;

/** What the load thread (load.worker.mjs, plain JavaScript: a worker thread gets no TypeScript loader) is given. */
export interface LoadJob {
  port: number;
  tokens: string[];
  /** Timed requests per session and phase. */
  perSession: number;
  rounds: number;
  /** The answers each session saves, round-robin: question id and the values it alternates between. */
  answers: { questionId: string; values: unknown[] }[];
}
/** What it answers: milliseconds per request, and non-2xx answers by method and status. */
export interface LoadResult {
  health: number[];
  autosave: number[];
  errors: Record<string, number>;
}

/**
 * The portal's autosave under load: 200 suppliers, each with its own link and connection, saving answers in
 * a loop (each save with the revision it last saw) against the server listening on a port, vs GET
 * /api/health from the same 200 sessions in the same run (the floor any request of this server pays: HTTP,
 * the shared rate-limit count in the database, one query). p95 of each, phases alternating.
 */
export const benchAutosave = async (b: Bench, perSession = 15, rounds = 2) => {
  const { definition, assignments } = await sendQuestionnaires(b, AUTOSAVE_SESSIONS);
  // Questions every supplier sees at first, answered back and forth (a supplier changing its mind).
  const byType = (type: string) =>
    definition.sections.flatMap((s) => s.questions).find((q) => q.type === type && !q.showIf);
  const yesNo = byType('yes_no');
  const number = byType('number');
  const choice = byType('single_choice');
  const answers: LoadJob['answers'] = [];
  if (yesNo) answers.push({ questionId: yesNo.id, values: ['yes', 'no'] });
  if (number?.type === 'number') {
    const lo = number.min ?? 0;
    answers.push({ questionId: number.id, values: [lo + 1, lo + 2, lo + 3] });
  }
  if (choice?.type === 'single_choice')
    answers.push({ questionId: choice.id, values: choice.options.slice(0, 2).map((o) => o.id) });
  if (answers.length === 0) throw new Error('the shipped questionnaire has no simple questions to save');

  await b.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = b.app.server.address() as AddressInfo;
  const job: LoadJob = { port, tokens: assignments.map((a) => a.token), perSession, rounds, answers };
  const result = await new Promise<LoadResult>((resolve, reject) => {
    const w = new Worker(new URL('./load.worker.mjs', import.meta.url), { workerData: job });
    w.once('message', resolve);
    w.once('error', reject);
    w.once('exit', (code) => code !== 0 && reject(new Error(`load worker exited with ${code}`)));
  });

  const ms = (xs: number[], p: number) => percentile(xs, p).toFixed(1);
  const ratio = percentile(result.autosave, 95) / percentile(result.health, 95);
  const failed = Object.entries(result.errors).map(([k, v]) => `${v}× ${k}`);
  console.log(
    `autosave ${AUTOSAVE_SESSIONS} portal sessions over HTTP, ${result.autosave.length} saves (${answers.map((a) => a.questionId).join(', ')}): PUT answer p50 ${ms(result.autosave, 50)} ms, p95 ${ms(result.autosave, 95)} ms; GET /api/health (${result.health.length}) p50 ${ms(result.health, 50)} ms, p95 ${ms(result.health, 95)} ms; ratio p95 ${ratio.toFixed(2)}×${failed.length ? `; non-2xx: ${failed.join(', ')}` : ''}`,
  );
  return {
    name: 'autosave p95 vs health, 200 sessions',
    figure: `${ratio.toFixed(2)}× (${ms(result.autosave, 95)} ms vs ${ms(result.health, 95)} ms)`,
    target: '≤ 3×',
    pass: ratio <= 3 && failed.length === 0,
  };
};
