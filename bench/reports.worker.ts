// One size of the reports bench, in a process of its own (reports.bench.ts starts it), so its peak memory is
// the report's and not the seeding's. Prints one JSON line: the peak and the timings.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { openDb } from '../server/src/db/client.js';
import { withTenant } from '../server/src/db/tenant.js';
import type { PortfolioReportData } from '../server/src/modules/reports/portfolio/data.js';
import { portfolioReport } from '../server/src/modules/reports/portfolio/index.js';
import type { ReportMeta } from '../server/src/modules/reports/report-types.js';
import type { PortfolioReportParams } from '../shared/src/schemas/reports.js';

const url = process.env.BENCH_REPORT_URL!;
const orgId = process.env.BENCH_REPORT_ORG!;
const runs = Number(process.env.BENCH_REPORT_RUNS ?? 5);

const meta: ReportMeta = {
  registerNumber: 'CS-2026-000001',
  kind: 'portfolio',
  issuedAt: new Date('2026-11-30T12:00:00Z'),
  organisation: { id: orgId, name: 'Bench Org' },
  issuedBy: { name: 'Bench Admin' },
  policy: null,
  sources: [],
  auditHead: null,
  auditSignature: null,
};
const noop = () => {};
const params: PortfolioReportParams = { kind: 'portfolio' };

/** Reads the PDF as the register does: every byte hashed (SHA-256) and counted, nothing kept. */
const drain = async (pdf: Readable) => {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of pdf) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { bytes, sha256: hash.digest('hex') };
};

const database = await openDb({ databaseUrl: url, maxConnections: 2 });
const load = (p: PortfolioReportParams) =>
  withTenant(database.db, orgId, (tx) => portfolioReport.load(tx, orgId, p, noop));
const render = (data: PortfolioReportData) => drain(portfolioReport.render(data, meta, noop).pdf);
/** The whole report: the snapshot read (the data access), then the PDF written and hashed. */
const issue = async (p: PortfolioReportParams) => render(await load(p));

// Warm-up: the same code over no supplier (a country none has), so module code, fonts and the connection are
// loaded before the baseline and what is measured after it is the report's own memory.
await withTenant(database.db, orgId, (tx) => tx.execute(sql`select 1`));
await issue({ kind: 'portfolio', filters: { country: 'AQ' } });

// Peak memory: the process's peak resident set (VmHWM, kept by the kernel, so no allocation between two samples
// is missed) while it issues the report. The peak is reset first (writing 5 to /proc/self/clear_refs, Linux ≥
// 4.0), so module loading and the warm-up do not count. RSS, not heapUsed: pdfkit's buffers and the driver's
// rows live outside the V8 heap too. The whole peak is the figure, not its growth over the resident set just
// before: a report that holds only aggregates and bounded lists grows the process by a few MB, within what the
// collector's timing moves, so a ratio of two growths measures noise (it came out negative). The growth is
// printed beside it. Three runs, each after a full collection; the median is the figure.
const residentKb = (field: 'VmHWM' | 'VmRSS') =>
  Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync('/proc/self/status', 'utf8'))?.[1]);
const gc = (globalThis as { gc?: () => void }).gc;
const peaks: number[] = [];
const growths: number[] = [];
let first = { bytes: 0, sha256: '' };
let firstMs = 0;
let baseline = 0;
for (let i = 0; i < 3; i++) {
  gc?.();
  fs.writeFileSync('/proc/self/clear_refs', '5');
  baseline = residentKb('VmRSS') * 1024;
  const started = process.hrtime.bigint();
  first = await issue(params);
  if (i === 0) firstMs = Number(process.hrtime.bigint() - started) / 1e6;
  const peak = residentKb('VmHWM') * 1024;
  peaks.push(peak);
  growths.push(peak - baseline);
}
const peakBytes = [...peaks].sort((a, b) => a - b)[1]!;

// Time: the whole report against render() of the already-loaded data (pdfkit writing the same text and
// vector shapes, hashed the same way, without our data access), alternating, medians of `runs` each.
const data = await load(params);
const full: number[] = [];
const renderOnly: number[] = [];
const loadOnly: number[] = [];
for (let i = 0; i < runs; i++) {
  let t = process.hrtime.bigint();
  const loaded = await load(params);
  loadOnly.push(Number(process.hrtime.bigint() - t) / 1e6);
  await render(loaded);
  full.push(Number(process.hrtime.bigint() - t) / 1e6);
  t = process.hrtime.bigint();
  await render(data);
  renderOnly.push(Number(process.hrtime.bigint() - t) / 1e6);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(
  JSON.stringify({
    suppliers: data.summary.suppliers,
    bytes: first.bytes,
    firstMs,
    peakBytes,
    peakRuns: peaks,
    growthRuns: growths,
    baselineBytes: baseline,
    loadMs: median(loadOnly),
    fullMs: median(full),
    renderMs: median(renderOnly),
    fullRuns: full,
    renderRuns: renderOnly,
  }),
);
await database.close();
