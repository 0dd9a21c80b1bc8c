import { spawn } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { seedDashboard } from './dashboard.bench.js';
import { now, seconds, setupBench } from './setup.js';

// The portfolio risk report (issue 11), on PostgreSQL: over n/10 suppliers (10,000 by default) its time against
// pdfkit writing the same text and vector shapes without our data access (render() of the already-loaded data,
// same run, same process), and over n/10 and n suppliers its peak memory, which must stay flat (≤ 1.5×): the
// report loads aggregates and bounded lists, never the register. Each size is measured in a child process of
// its own (reports.worker.ts) on a database seeded as the dashboard bench seeds it, so the peak is the
// report's, not the seeding's.

interface WorkerResult {
  suppliers: number;
  bytes: number;
  firstMs: number;
  peakBytes: number;
  peakRuns: number[];
  growthRuns: number[];
  baselineBytes: number;
  loadMs: number;
  fullMs: number;
  renderMs: number;
  fullRuns: number[];
  renderRuns: number[];
}

const runWorker = (url: string, orgId: string) =>
  new Promise<WorkerResult>((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', fileURLToPath(new URL('./reports.worker.ts', import.meta.url))],
      {
        env: { ...process.env, BENCH_REPORT_URL: url, BENCH_REPORT_ORG: orgId, BENCH_REPORT_RUNS: '5' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      const line = out.trim().split('\n').at(-1);
      if (code !== 0 || !line) reject(new Error(`reports worker exited with ${code}: ${out.slice(-500)}`));
      else resolve(JSON.parse(line) as WorkerResult);
    });
  });

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

const measure = async (size: number) => {
  const b = await setupBench();
  try {
    const t0 = now();
    await seedDashboard(b, size, size * 3);
    console.log(
      `reports: ${size.toLocaleString('en')} suppliers seeded in ${seconds(now() - t0).toFixed(1)} s; load average ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    const r = await runWorker(b.url!, b.orgId);
    console.log(
      `         portfolio report over ${r.suppliers.toLocaleString('en')} suppliers: ${(r.bytes / 1024).toFixed(0)} KB; peak resident ${mb(r.peakBytes)} (${r.peakRuns.map(mb).join(' / ')}), of which ${r.growthRuns.map(mb).join(' / ')} above the ${mb(r.baselineBytes)} resident before the report; time median ${r.fullMs.toFixed(0)} ms, of which loading ${r.loadMs.toFixed(0)} ms (${r.fullRuns.map((x) => x.toFixed(0)).join(' / ')}), render only ${r.renderMs.toFixed(0)} ms (${r.renderRuns.map((x) => x.toFixed(0)).join(' / ')}); first run ${r.firstMs.toFixed(0)} ms`,
    );
    return r;
  } finally {
    await b.close();
  }
};

export const benchReports = async (n: number) => {
  if (!process.env.DATABASE_URL) {
    // The embedded database lives in the measuring process: its memory grows with the register, so neither
    // figure would be the report's. The issue measures them on PostgreSQL.
    console.log(
      'reports: skipped; the portfolio report figures are measured on PostgreSQL (set DATABASE_URL)',
    );
    return [];
  }
  const small = await measure(Math.round(n / 10));
  const large = await measure(n);
  const time = small.fullMs / small.renderMs;
  const memory = large.peakBytes / small.peakBytes;
  return [
    {
      name: `portfolio report ${small.suppliers.toLocaleString('en')} vs render only`,
      figure: `${time.toFixed(2)}× (${small.fullMs.toFixed(0)} ms vs ${small.renderMs.toFixed(0)} ms)`,
      target: '≤ 3×',
      pass: time <= 3,
    },
    {
      name: `portfolio report memory ${large.suppliers.toLocaleString('en')} vs ${small.suppliers.toLocaleString('en')}`,
      figure: `${memory.toFixed(2)}× (${mb(large.peakBytes)} vs ${mb(small.peakBytes)} peak)`,
      target: '≤ 1.5×',
      pass: memory <= 1.5,
    },
  ];
};
