import { type AnswerStyle, demoAnswer } from '../server/src/seed/demo-answers.js';
import { syntheticSupplierCsv } from '../server/src/seed/synthetic.js';
import { visibleQuestions } from '../shared/src/domain/questionnaires/visibility.js';
import type { AnswerMap, AnswerValue } from '../shared/src/schemas/questionnaire-answers.js';
import type { TemplateDefinition } from '../shared/src/schemas/questionnaires.js';
import { multipart, waitForJob } from './db.bench.js';
import { type Bench, rawQuery } from './setup.js';

const streamText = async (s: NodeJS.ReadableStream) => {
  const chunks: Buffer[] = [];
  for await (const c of s) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
};

/** The organisation's shipped questionnaire (published when an organisation is created). */
export const shippedTemplate = async (b: Bench) => {
  const res = await b.app.inject({
    method: 'GET',
    url: '/api/templates?status=published&limit=1',
    headers: b.headers,
  });
  const item = res.json().items[0] as { id: string } | undefined;
  if (!item) throw new Error(`no published questionnaire: ${res.statusCode} ${res.body.slice(0, 300)}`);
  const full = await b.app.inject({ method: 'GET', url: `/api/templates/${item.id}`, headers: b.headers });
  return { id: item.id, definition: full.json().definition as TemplateDefinition };
};

/**
 * `count` active suppliers of a synthetic register (imported through the API, so tiers, parents and
 * assessments are as in the product), each sent the shipped questionnaire: their ids and portal tokens.
 */
export const sendQuestionnaires = async (b: Bench, count: number) => {
  const csv = await streamText(syntheticSupplierCsv(Math.ceil(count * 1.5), 7));
  const { body, type } = multipart(csv, 'bench.csv');
  const imported = await b.app.inject({
    method: 'POST',
    url: '/api/suppliers/import/commit',
    headers: { ...b.headers, 'content-type': type },
    payload: body,
  });
  if (imported.statusCode !== 200) throw new Error(`import: ${imported.statusCode} ${imported.body}`);
  const jobId = imported.json().assessJobId as string | null;
  if (jobId) await waitForJob(b, jobId, 'import assessment');
  const rows = (await rawQuery(
    b,
    `select id from suppliers where org_id = $1 and archived_at is null
       and id not in (select supplier_id from questionnaire_assignments) order by id limit $2`,
    [b.orgId, count],
  )) as { id: string }[];
  if (rows.length < count) throw new Error(`only ${rows.length} suppliers to send to`);
  const template = await shippedTemplate(b);
  const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
  const sent = await b.app.inject({
    method: 'POST',
    url: '/api/assignments',
    headers: b.headers,
    payload: { templateId: template.id, supplierIds: rows.map((r) => r.id), dueDate: due },
  });
  if (sent.statusCode !== 201) throw new Error(`send: ${sent.statusCode} ${sent.body.slice(0, 300)}`);
  const items = sent.json().items as { id: string; supplierId: string; portalUrl: string }[];
  return {
    definition: template.definition,
    assignments: items.map((a) => ({
      id: a.id,
      supplierId: a.supplierId,
      token: a.portalUrl.slice(a.portalUrl.lastIndexOf('/') + 1),
    })),
  };
};

/** The answers a supplier of `style` gives, in the order it gives them (conditions followed as it goes). */
export const answersInOrder = (def: TemplateDefinition, style: AnswerStyle) => {
  const given: Record<string, AnswerValue> = {};
  const order: [string, AnswerValue][] = [];
  for (let progress = true; progress; ) {
    progress = false;
    for (const q of visibleQuestions(def, given as AnswerMap)) {
      if (q.id in given) continue;
      const value = demoAnswer(q, style);
      if (value === undefined) continue;
      given[q.id] = value;
      order.push([q.id, value]);
      progress = true;
      break;
    }
  }
  return order;
};
