// The load of the autosave bench, on a thread of its own so the server's event loop (the main thread) is not
// also the client's: 200 portal sessions, each one keep-alive connection of a node:http Agent sized for them
// (built in: no client dependency), each from its own address (X-Forwarded-For; the bench trusts the proxy),
// as 200 suppliers would be.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

/** @type {import('./autosave.bench.ts').LoadJob} */
const job = workerData;
const agent = new http.Agent({
  keepAlive: true,
  maxSockets: job.tokens.length,
  maxFreeSockets: job.tokens.length,
});
/** @type {Record<string, number>} */
const errors = {};

/** @returns {Promise<{ status: number; text: string }>} */
const send = (method, path, ip, body) =>
  new Promise((resolve, reject) => {
    const data = body === undefined ? undefined : JSON.stringify(body);
    const req = http.request(
      {
        host: '127.0.0.1',
        port: job.port,
        method,
        path,
        agent,
        headers: {
          'x-forwarded-for': ip,
          ...(data ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(data) } : {}),
        },
      },
      (res) => {
        /** @type {Buffer[]} */
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      },
    );
    req.on('error', reject);
    req.end(data);
  });

/** Milliseconds of one request; a non-2xx answer is counted under its status (and still timed). */
const timed = async (method, path, ip, body) => {
  const t = process.hrtime.bigint();
  const res = await send(method, path, ip, body);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (res.status < 200 || res.status > 299)
    errors[`${method} ${res.status}`] = (errors[`${method} ${res.status}`] ?? 0) + 1;
  return { ms, res };
};

const ipOf = (i) => `10.${(i >> 8) & 255}.${i & 255}.7`;
const revisions = job.tokens.map(() => new Map());
const step = job.tokens.map(() => 0);

const health = async (i, n, out) => {
  for (let k = 0; k < n; k++) {
    const { ms } = await timed('GET', '/api/health', ipOf(i));
    out?.push(ms);
  }
};

/** One save with the revision last seen (none for a first answer), as the portal's autosave sends it. */
const save = async (i, out) => {
  const s = step[i]++;
  const a = job.answers[s % job.answers.length];
  const value = a.values[Math.floor(s / job.answers.length) % a.values.length];
  const revision = revisions[i].get(a.questionId);
  const { ms, res } = await timed('PUT', `/api/portal/${job.tokens[i]}/answers/${a.questionId}`, ipOf(i), {
    value,
    ...(revision === undefined ? {} : { revision }),
  });
  if (res.status === 200) revisions[i].set(a.questionId, JSON.parse(res.text).answer.revision);
  out?.push(ms);
};
const autosave = async (i, n, out) => {
  for (let k = 0; k < n; k++) await save(i, out);
};

const all = (fn) => Promise.all(job.tokens.map((_, i) => fn(i)));

/** @type {import('./autosave.bench.ts').LoadResult} */
const result = { health: [], autosave: [], errors };
// Warm-up (untimed): connections opened, code paths compiled, every session's answers saved once.
await all((i) => health(i, 3, null));
await all((i) => autosave(i, job.answers.length, null));
// Alternating phases, so a slower stretch of a shared machine falls on both.
for (let r = 0; r < job.rounds; r++) {
  await all((i) => health(i, job.perSession, result.health));
  await all((i) => autosave(i, job.perSession, result.autosave));
}
agent.destroy();
parentPort.postMessage(result);
