// npm run bench [-- --suppliers 100000 --only engine,import,rescore,whatif,list,chain,autosave,accept,dashboard,reports]
// Every figure is a ratio against a baseline measured in the same run, on the same machine and database.
import { parseArgs } from 'node:util';
import { benchAccept } from './accept.bench.js';
import { benchAutosave } from './autosave.bench.js';
import { benchChain } from './chain.bench.js';
import { benchBoard, benchDashboard } from './dashboard.bench.js';
import { benchImport, benchList, benchRescore } from './db.bench.js';
import { benchEngine } from './engine.bench.js';
import { benchReports } from './reports.bench.js';
import { setupBench } from './setup.js';
import { benchWhatIf } from './what-if.bench.js';

const { values } = parseArgs({ options: { suppliers: { type: 'string' }, only: { type: 'string' } } });
const n = Number(values.suppliers ?? 100_000);
const only = new Set(
  (values.only ?? 'engine,import,rescore,whatif,list,chain,autosave,accept,dashboard,reports').split(','),
);
const backend = process.env.DATABASE_URL
  ? 'PostgreSQL (DATABASE_URL)'
  : 'embedded PGlite (set DATABASE_URL for the figures that count)';

console.log(
  `Clearsource bench: ${n.toLocaleString('en')} suppliers; database: ${backend}; node ${process.version}\n`,
);
const results: { name: string; figure: string; target: string; pass: boolean }[] = [];

if (only.has('engine')) results.push(benchEngine(n));

if (only.has('import') || only.has('rescore') || only.has('whatif') || only.has('list')) {
  const b = await setupBench();
  try {
    results.push(await benchImport(b, n));
    if (only.has('rescore')) results.push(await benchRescore(b, n));
    if (only.has('whatif')) results.push(await benchWhatIf(b, n));
    if (only.has('list')) results.push(await benchList(b));
  } finally {
    await b.close();
  }
}

// Chain risk on a database of its own: its forest of 30-tier chains is not the import's register.
if (only.has('chain')) {
  const b = await setupBench();
  try {
    results.push(await benchChain(b, n));
  } finally {
    await b.close();
  }
}

// The questionnaire figures, each on a database of its own (a register of a few hundred suppliers).
if (only.has('autosave')) {
  // Trusting X-Forwarded-For: each of the 200 sessions comes from its own address, as suppliers do, and is
  // counted against its own rate limit.
  const b = await setupBench({ trustProxy: true });
  try {
    results.push(await benchAutosave(b));
  } finally {
    await b.close();
  }
}
// The executive dashboard and the task board on a database of its own: 100,000 suppliers with 300,000
// remediation tasks.
if (only.has('dashboard')) {
  const b = await setupBench();
  try {
    results.push(await benchDashboard(b, n));
    results.push(await benchBoard(b));
  } finally {
    await b.close();
  }
}
if (only.has('accept')) {
  const b = await setupBench();
  try {
    results.push(await benchAccept(b));
  } finally {
    await b.close();
  }
}
// The portfolio report over n/10 and n suppliers, each on a database of its own (PostgreSQL only).
if (only.has('reports')) results.push(...(await benchReports(n)));

console.log('\nSummary');
for (const r of results)
  console.log(
    `  ${r.pass ? 'PASS' : 'MISS'}  ${r.name.padEnd(34)} ${r.figure.padEnd(44)} target ${r.target}`,
  );
