import { randomUUID } from 'node:crypto';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Tx } from '../server/src/db/client.js';
import { summaryQuery } from '../server/src/modules/dashboard/dashboard.repo.js';
import { windowOf } from '../server/src/modules/dashboard/dashboard.service.js';
import { supplierFilter } from '../server/src/modules/suppliers/suppliers.repo.js';
import { taskListQueries } from '../server/src/modules/tasks/tasks.repo.js';
import { HEAT_MAP_MAX_COUNTRIES, HEAT_MAP_MAX_GOODS } from '../shared/src/schemas/dashboard.js';
import { TasksQuerySchema, todayUtc } from '../shared/src/schemas/tasks.js';
import { shippedTemplate } from './questionnaires.setup.js';
import { type Bench, now, percentile, rawQuery, seconds } from './setup.js';

// The executive dashboard (issue 10): GET /api/dashboard/summary over 100,000 suppliers, 300,000 remediation
// tasks, ~170,000 assessments, questionnaires and red flags, against the one statement it runs sent as plain
// SQL on a raw connection (no request, no transaction, no row-level security), in the same run.

const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const COUNTRIES = ['CN', 'IN', 'BD', 'VN', 'TR', 'PK', 'MY', 'TH', 'ID', 'BR', 'MX', 'ET', 'GB', 'DE', 'US'];
const GOODS = [
  'cotton',
  'garments',
  'electronics',
  'textiles',
  'coffee',
  'cocoa',
  'palm oil',
  'rubber',
  'fish',
];
const TAGS = ['apparel', 'food', 'electronics', 'packaging', 'logistics'];
const RATING_OF = (score: number): [string, number] =>
  score >= 75 ? ['critical', 4] : score >= 50 ? ['high', 3] : score >= 25 ? ['medium', 2] : ['low', 1];
const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Inserts `rows` as the owner, 5,000 at a time, through json_populate_recordset (one parameter). */
const insertAll = async (b: Bench, table: string, columns: string, rows: Record<string, unknown>[]) => {
  for (let i = 0; i < rows.length; i += 5000) {
    await rawQuery(
      b,
      `insert into ${table} (${columns}) select ${columns}
       from json_populate_recordset(null::${table}, $1::text::json)`,
      [JSON.stringify(rows.slice(i, i + 5000))],
    );
  }
};

/** The dashboard's register (also the reports bench's): `n` suppliers with their history, tasks, findings, questionnaires. */
export const seedDashboard = async (b: Bench, n: number, tasks: number) => {
  const rand = mulberry32(10);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const [policy] = (await rawQuery(b, 'select id from policies where org_id = $1 limit 1', [b.orgId])) as {
    id: string;
  }[];
  const [member] = (await rawQuery(b, 'select user_id from memberships where org_id = $1 limit 1', [
    b.orgId,
  ])) as { user_id: string }[];
  const templateId = (await shippedTemplate(b)).id;
  const userId = member!.user_id;
  const today = Date.now();

  const suppliers: Record<string, unknown>[] = [];
  const assessments: Record<string, unknown>[] = [];
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const id = randomUUID();
    ids.push(id);
    const assessed = rand() >= 0.15;
    let current: string | null = null;
    let last = 0;
    if (assessed) {
      // One to three assessments over the last year; the newest is the supplier's current one.
      const runs = 1 + Math.floor(rand() * 3);
      for (let r = 0; r < runs; r++) {
        last = Math.round(rand() * rand() * 1000) / 10;
        current = randomUUID();
        assessments.push({
          id: current,
          org_id: b.orgId,
          supplier_id: id,
          policy_id: policy!.id,
          policy_version: 1,
          engine_version: 'bench',
          inputs: {},
          result: {},
          result_sha256: '0'.repeat(64),
          inherent_score: last,
          control_score: 0,
          residual_score: last,
          rating: RATING_OF(last)[0],
          trigger: 'seed',
          created_at: new Date(today - (runs - r) * Math.floor(rand() * 120) * DAY).toISOString(),
        });
      }
    }
    const goods = [...new Set([pick(GOODS), ...(rand() < 0.5 ? [pick(GOODS)] : [])])];
    suppliers.push({
      id,
      org_id: b.orgId,
      name: `Dashboard Supplier ${i + 1}`,
      country: pick(COUNTRIES),
      goods,
      good_keys: goods,
      tier: 1 + Math.floor(rand() * 4),
      tags: [pick(TAGS)],
      status: 'active',
      annual_spend: rand() < 0.8 ? Math.round(rand() * 1e6) : null,
      currency: rand() < 0.9 ? 'USD' : 'EUR',
      current_assessment_id: current,
      rating: assessed ? RATING_OF(last)[0] : null,
      rating_rank: assessed ? RATING_OF(last)[1] : 0,
      residual_score: assessed ? last : null,
      inherent_score: assessed ? last : null,
      assessed_at: assessed ? new Date(today).toISOString() : null,
    });
  }
  await insertAll(
    b,
    'suppliers',
    'id, org_id, name, country, goods, good_keys, tier, tags, status, annual_spend, currency, current_assessment_id, rating, rating_rank, residual_score, inherent_score, assessed_at',
    suppliers,
  );
  await insertAll(
    b,
    'assessments',
    'id, org_id, supplier_id, policy_id, policy_version, engine_version, inputs, result, result_sha256, inherent_score, control_score, residual_score, rating, trigger, created_at',
    assessments,
  );

  const statuses = ['open', 'in_progress', 'pending_verification', 'closed', 'closed', 'risk_accepted'];
  const taskRows: Record<string, unknown>[] = [];
  for (let i = 0; i < tasks; i++) {
    const status = pick(statuses);
    const created = today - Math.floor(rand() * 365) * DAY;
    taskRows.push({
      org_id: b.orgId,
      supplier_id: pick(ids),
      title: `Task ${i + 1}`,
      severity: pick(['low', 'medium', 'high', 'critical']),
      due_date: day(created + 60 * DAY),
      status,
      created_by: userId,
      created_at: new Date(created).toISOString(),
      submitted_by_user_id: status === 'pending_verification' ? userId : null,
      submitted_at: status === 'pending_verification' ? new Date(today).toISOString() : null,
      closed_by: status === 'closed' ? userId : null,
      closed_at: status === 'closed' ? new Date(Math.min(today, created + 40 * DAY)).toISOString() : null,
      risk_acceptance_justification: status === 'risk_accepted' ? 'Bench' : null,
      risk_accepted_until: status === 'risk_accepted' ? day(today + Math.floor(rand() * 200) * DAY) : null,
      risk_accepted_by: status === 'risk_accepted' ? userId : null,
      risk_accepted_at: status === 'risk_accepted' ? new Date(today).toISOString() : null,
    });
  }
  await insertAll(
    b,
    'remediation_tasks',
    'org_id, supplier_id, title, severity, due_date, status, created_by, created_at, submitted_by_user_id, submitted_at, closed_by, closed_at, risk_acceptance_justification, risk_accepted_until, risk_accepted_by, risk_accepted_at',
    taskRows,
  );

  const findings = Array.from({ length: Math.round(n / 5) }, () => ({
    org_id: b.orgId,
    supplier_id: pick(ids),
    assessment_id: randomUUID(),
    kind: rand() < 0.3 ? 'red_flag' : 'criterion',
    key: 'identity_documents_retained',
    title: 'Identity documents retained',
    detail: 'bench',
    severity: 'critical',
    citation: 'ILO',
    status: rand() < 0.7 ? 'open' : 'closed',
  }));
  await insertAll(
    b,
    'findings',
    'org_id, supplier_id, assessment_id, kind, key, title, detail, severity, citation, status',
    findings,
  );

  const questionnaires = Array.from({ length: Math.round(n / 3) }, () => {
    const status = pick(['sent', 'in_progress', 'submitted', 'returned', 'accepted', 'accepted', 'accepted']);
    return {
      org_id: b.orgId,
      supplier_id: pick(ids),
      template_id: templateId,
      status,
      due_date: day(today + Math.floor((rand() - 0.5) * 120) * DAY),
      submitted_at: status === 'submitted' || status === 'accepted' ? new Date(today).toISOString() : null,
      accepted_at: status === 'accepted' ? new Date(today).toISOString() : null,
      accepted_by: status === 'accepted' ? userId : null,
      valid_until: status === 'accepted' ? day(today + Math.floor((rand() - 0.2) * 365) * DAY) : null,
    };
  });
  await insertAll(
    b,
    'questionnaire_assignments',
    'org_id, supplier_id, template_id, status, due_date, submitted_at, accepted_at, accepted_by, valid_until',
    questionnaires,
  );
  for (const t of ['suppliers', 'assessments', 'remediation_tasks', 'findings', 'questionnaire_assignments'])
    await rawQuery(b, `analyze ${t}`);
  return {
    assessments: assessments.length,
    findings: findings.length,
    questionnaires: questionnaires.length,
  };
};

/** The endpoint vs its statement as plain SQL, alternating, p50 and p95 of `runs` each. */
const compare = async (b: Bench, query: string, filter: Record<string, string>, runs: number) => {
  const where = supplierFilter(b.orgId, { archived: 'false', ...filter });
  const statement = new PgDialect().sqlToQuery(
    summaryQuery(b.orgId, where, windowOf(new Date()), {
      countries: HEAT_MAP_MAX_COUNTRIES,
      goods: HEAT_MAP_MAX_GOODS,
    }),
  );
  const ours: number[] = [];
  const raw: number[] = [];
  let suppliers = 0;
  for (let i = 0; i < runs + 3; i++) {
    let t = now();
    const res = await b.app.inject({
      method: 'GET',
      url: `/api/dashboard/summary${query}`,
      headers: b.headers,
    });
    const a = seconds(now() - t) * 1000;
    if (res.statusCode !== 200)
      throw new Error(`summary failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
    suppliers = res.json().suppliers;
    t = now();
    await rawQuery(b, statement.sql, statement.params);
    const r = seconds(now() - t) * 1000;
    if (i >= 3) {
      ours.push(a);
      raw.push(r);
    }
  }
  const p50 = percentile(ours, 50) / percentile(raw, 50);
  const p95 = percentile(ours, 95) / percentile(raw, 95);
  console.log(
    `         summary${query || ' (no filter)'} over ${suppliers.toLocaleString('en')} suppliers: endpoint p50 ${percentile(ours, 50).toFixed(1)} ms, p95 ${percentile(ours, 95).toFixed(1)} ms; raw SQL p50 ${percentile(raw, 50).toFixed(1)} ms, p95 ${percentile(raw, 95).toFixed(1)} ms; ratio p50 ${p50.toFixed(2)}×, p95 ${p95.toFixed(2)}×`,
  );
  return { p50, p95 };
};

/**
 * One page of the task board (GET /api/tasks, 50 tasks) vs its two statements (the page and its count), built by
 * the repo's own query builder and sent raw with the same parameters, alternating, p50 and p95 of `runs` each.
 */
const compareBoard = async (b: Bench, query: string, runs: number) => {
  const q = TasksQuerySchema.parse(Object.fromEntries(new URLSearchParams(query)));
  const built = taskListQueries(b.database.db as unknown as Tx, { ...q, orgId: b.orgId }, q, todayUtc());
  const page = built.items.toSQL();
  const total = built.total.toSQL();
  const ours: number[] = [];
  const raw: number[] = [];
  let shown = 0;
  let matched = 0;
  for (let i = 0; i < runs + 3; i++) {
    let t = now();
    const res = await b.app.inject({ method: 'GET', url: `/api/tasks?${query}`, headers: b.headers });
    const a = seconds(now() - t) * 1000;
    if (res.statusCode !== 200) throw new Error(`board failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
    ({ total: matched } = res.json());
    shown = res.json().items.length;
    t = now();
    await Promise.all([rawQuery(b, page.sql, page.params), rawQuery(b, total.sql, total.params)]);
    const r = seconds(now() - t) * 1000;
    if (i >= 3) {
      ours.push(a);
      raw.push(r);
    }
  }
  const p50 = percentile(ours, 50) / percentile(raw, 50);
  const p95 = percentile(ours, 95) / percentile(raw, 95);
  console.log(
    `         tasks?${query.replace(/supplierId=[^&]+/, 'supplierId=…')}: ${shown} of ${matched.toLocaleString('en')}: endpoint p50 ${percentile(ours, 50).toFixed(1)} ms, p95 ${percentile(ours, 95).toFixed(1)} ms; raw SQL p50 ${percentile(raw, 50).toFixed(1)} ms, p95 ${percentile(raw, 95).toFixed(1)} ms; ratio p50 ${p50.toFixed(2)}×, p95 ${p95.toFixed(2)}×`,
  );
  return { p50, p95 };
};

/** The task board (issue 10: 50 tasks, filtered, ≤ 2× its raw SQL) on the dashboard's seed. */
export const benchBoard = async (b: Bench) => {
  // The supplier with the most tasks: the supplier detail's list and the board filtered to one supplier.
  const [busiest] = (await rawQuery(
    b,
    'select supplier_id from remediation_tasks where org_id = $1 group by 1 order by count(*) desc limit 1',
    [b.orgId],
  )) as { supplier_id: string }[];
  const results = [
    await compareBoard(b, 'status=open&severity=high&limit=50', 20),
    await compareBoard(b, 'overdue=true&limit=50', 20),
    await compareBoard(b, `supplierId=${busiest!.supplier_id}&limit=50`, 20),
  ];
  const worst = Math.max(...results.map((r) => r.p50));
  return {
    name: 'task board page vs raw SQL',
    figure: `p50 ${results.map((r) => `${r.p50.toFixed(2)}×`).join(' / ')}, p95 ${Math.max(...results.map((r) => r.p95)).toFixed(2)}×`,
    target: '≤ 2×',
    pass: worst <= 2,
  };
};

export const benchDashboard = async (b: Bench, n: number) => {
  const tasks = n * 3;
  const t0 = now();
  const seeded = await seedDashboard(b, n, tasks);
  console.log(
    `dashboard ${n.toLocaleString('en')} suppliers, ${tasks.toLocaleString('en')} tasks, ${seeded.assessments.toLocaleString('en')} assessments, ${seeded.questionnaires.toLocaleString('en')} questionnaires, ${seeded.findings.toLocaleString('en')} findings (seeded as the owner in ${seconds(now() - t0).toFixed(1)} s)`,
  );
  const all = await compare(b, '', {}, 20);
  const cn = await compare(b, '?country=CN&tier=1', { country: 'CN', tier: 1 } as never, 20);
  const worst = Math.max(all.p50, cn.p50);
  return {
    name: 'dashboard summary vs raw SQL',
    figure: `p50 ${all.p50.toFixed(2)}× (filtered ${cn.p50.toFixed(2)}×), p95 ${all.p95.toFixed(2)}×`,
    target: '≤ 1.2×',
    pass: worst <= 1.2,
  };
};
