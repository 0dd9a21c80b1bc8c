import { answersInOrder, sendQuestionnaires } from './questionnaires.setup.js';
import { type Bench, now, percentile, rawQuery, seconds } from './setup.js';

const json = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'bigint' ? x.toString() : x));

/** Answers and submits each questionnaire through the portal (8 suppliers at a time), half cleanly, half risky. */
const answerAll = async (b: Bench, def: Parameters<typeof answersInOrder>[0], tokens: string[]) => {
  const styles = { good: answersInOrder(def, 'good'), risky: answersInOrder(def, 'risky') };
  const one = async (token: string, i: number) => {
    // Each supplier from its own address, as in life: the portal's rate limit counts per address.
    const remoteAddress = `10.1.${(i >> 8) & 255}.${i & 255}`;
    for (const [q, value] of i % 2 ? styles.risky : styles.good) {
      const res = await b.app.inject({
        method: 'PUT',
        url: `/api/portal/${token}/answers/${q}`,
        payload: { value },
        remoteAddress,
      });
      if (res.statusCode !== 200) throw new Error(`save ${q}: ${res.statusCode} ${res.body.slice(0, 300)}`);
    }
    const res = await b.app.inject({ method: 'POST', url: `/api/portal/${token}/submit`, remoteAddress });
    if (res.statusCode !== 200) throw new Error(`submit: ${res.statusCode} ${res.body.slice(0, 300)}`);
  };
  for (let i = 0; i < tokens.length; i += 8)
    await Promise.all(tokens.slice(i, i + 8).map((t, j) => one(t, i + j)));
  return styles.good.length;
};

/** What one accept wrote, read back (untimed) and prepared as the JSON a request would send. */
const writtenBy = async (b: Bench, a: { id: string; supplierId: string }) => {
  const [assignment] = await rawQuery(b, 'select * from questionnaire_assignments where id = $1', [a.id]);
  const [supplier] = await rawQuery(b, 'select * from suppliers where id = $1', [a.supplierId]);
  const [assessment] = (await rawQuery(
    b,
    `select * from assessments where supplier_id = $1 and trigger = 'questionnaire_accepted'`,
    [a.supplierId],
  )) as { id: string }[];
  const found = (await rawQuery(b, 'select * from findings where assignment_id = $1', [a.id])) as {
    id: string;
  }[];
  const audit = await rawQuery(
    b,
    `select * from audit_events where org_id = $1 and entity_id = any($2::text[])
       and action in ('assignment.accepted', 'assessment.created', 'finding.opened')`,
    [b.orgId, [a.id, assessment!.id, ...found.map((f) => f.id)]],
  );
  return {
    assignment: json(assignment),
    supplier: json(supplier),
    assessment: json(assessment),
    findings: json(found),
    audit: json(audit),
  };
};

/** Scratch tables shaped like the real ones, and the plain-SQL transaction that writes one accept's rows. */
const plainSqlWrites = async (b: Bench) => {
  for (const t of ['questionnaire_assignments', 'suppliers', 'assessments', 'findings', 'audit_events'])
    await rawQuery(b, `create table bench_acc_${t} (like ${t} including all)`);
  await rawQuery(
    b,
    'insert into bench_acc_questionnaire_assignments select * from questionnaire_assignments',
  );
  await rawQuery(b, 'insert into bench_acc_suppliers select * from suppliers');
  const supplierColumns = (
    (await rawQuery(
      b,
      `select column_name from information_schema.columns where table_name = 'suppliers' and column_name <> 'id'
         order by ordinal_position`,
    )) as { column_name: string }[]
  ).map((c) => `"${c.column_name}"`);
  const setAll = (cols: string[]) => `(${cols.join(', ')}) = (${cols.map((c) => `r.${c}`).join(', ')})`;
  return async (w: Awaited<ReturnType<typeof writtenBy>>) => {
    await rawQuery(b, 'begin');
    await rawQuery(
      b,
      `update bench_acc_questionnaire_assignments t set ${setAll(['status', 'accepted_at', 'accepted_by', 'valid_until', 'criterion_answers', 'updated_at', 'revision'])}
         from json_populate_record(null::bench_acc_questionnaire_assignments, $1::text::json) r where t.id = r.id`,
      [w.assignment],
    );
    await rawQuery(
      b,
      'insert into bench_acc_assessments select * from json_populate_record(null::bench_acc_assessments, $1::text::json)',
      [w.assessment],
    );
    await rawQuery(
      b,
      `update bench_acc_suppliers t set ${setAll(supplierColumns)}
         from json_populate_record(null::bench_acc_suppliers, $1::text::json) r where t.id = r.id`,
      [w.supplier],
    );
    await rawQuery(
      b,
      'insert into bench_acc_findings select * from json_populate_recordset(null::bench_acc_findings, $1::text::json)',
      [w.findings],
    );
    await rawQuery(
      b,
      'insert into bench_acc_audit_events select * from json_populate_recordset(null::bench_acc_audit_events, $1::text::json)',
      [w.audit],
    );
    await rawQuery(b, 'commit');
  };
};

/**
 * Accepting questionnaires through the API (lock, read the answers, score the supplier under the published
 * policy, store the assessment and the supplier's current risk, roll chain risk up, open findings, audit all
 * of it, its events queued to join the chain after commit), one after another as an officer does, vs the
 * same rows written as plain SQL in the same run: per accept one transaction that updates the assignment and
 * the supplier and inserts the assessment, the findings and the audit events, into scratch tables shaped like
 * the real ones (no row-level security, foreign keys, triggers, scoring or hashing): the floor for those
 * writes.
 *
 * Both are measured warm, as on a server that has run a while: the first WARM_UP accepts (one per pooled
 * connection, so each has prepared its statements, and the JIT has compiled the path) and their plain-SQL
 * writes run untimed. (Alternating each accept with its plain-SQL twin was tried: the reading back between
 * accepts, and its garbage, slowed the API by a fifth and the ratio did not settle more.)
 */
const WARM_UP = 10;

export const benchAccept = async (b: Bench, n = 60) => {
  const { definition, assignments } = await sendQuestionnaires(b, WARM_UP + n);
  const answered = await answerAll(
    b,
    definition,
    assignments.map((a) => a.token),
  );
  const api: number[] = [];
  let findings = 0;
  for (const [i, a] of assignments.entries()) {
    const t = now();
    const res = await b.app.inject({
      method: 'POST',
      url: `/api/assignments/${a.id}/accept`,
      headers: b.headers,
      payload: { evidenceAccepted: [] },
    });
    const ms = seconds(now() - t) * 1000;
    if (res.statusCode !== 200) throw new Error(`accept: ${res.statusCode} ${res.body.slice(0, 300)}`);
    if (i < WARM_UP) continue;
    api.push(ms);
    findings += res.json().findings.length;
  }
  // The events each accept queued are chained after its commit (off the request's path): all of them first.
  await rawQuery(b, 'select audit_pending_drain($1)', [b.orgId]);
  const writes = [];
  for (const a of assignments) writes.push(await writtenBy(b, a));
  const floorWrites = await plainSqlWrites(b);
  const floor: number[] = [];
  for (const [i, w] of writes.entries()) {
    const t = now();
    await floorWrites(w);
    if (i >= WARM_UP) floor.push(seconds(now() - t) * 1000);
  }

  const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  const ratio = sum(api) / sum(floor);
  const ms = (xs: number[], p: number) => percentile(xs, p).toFixed(1);
  console.log(
    `accept   ${n} submitted questionnaires, after ${WARM_UP} untimed on each side (${answered}+ answers each, half with red flags; ${findings} findings): API p50 ${ms(api, 50)} ms, p95 ${ms(api, 95)} ms, ${(sum(api) / 1000).toFixed(2)} s in all; the same writes as plain SQL p50 ${ms(floor, 50)} ms, p95 ${ms(floor, 95)} ms, ${(sum(floor) / 1000).toFixed(2)} s; ratio ${ratio.toFixed(2)}× (p50 ${(percentile(api, 50) / percentile(floor, 50)).toFixed(2)}×)`,
  );
  return {
    name: 'accept vs its writes as plain SQL',
    figure: `${ratio.toFixed(2)}× (${(sum(api) / n).toFixed(1)} ms vs ${(sum(floor) / n).toFixed(1)} ms each)`,
    target: '≤ 2×',
    pass: ratio <= 2,
  };
};
