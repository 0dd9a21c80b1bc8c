import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Policy } from '#shared/schemas/policy.js';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { scoringCounts, waitForJob } from '../../../test/factories.js';
import { describeRevisions } from '../../../test/revision.js';
import { withTenant } from '../../db/tenant.js';
import { findPublishedPolicy } from './policies.repo.js';

let t: TestContext;
let admin: Client;
let adminB: Client;

beforeAll(async () => {
  t = await setupTestApp();
  admin = await t.login(t.orgA.admin);
  adminB = await t.login(t.orgB.admin);
});
afterAll(() => t?.close());

const published = async (client: Client): Promise<Policy> =>
  (await client.get('/api/policies')).json().items.find((p: Policy) => p.status === 'published');

let n = 0;
const newDraft = async (client: Client): Promise<Policy> => {
  const res = await client.post('/api/policies', {
    basedOn: (await published(client)).id,
    name: `Draft ${++n}`,
  });
  if (res.statusCode !== 201) throw new Error(`draft: ${res.statusCode} ${res.body}`);
  return res.json();
};

describeRevisions({
  noun: 'policy',
  t: () => t,
  editor: () => admin,
  editorB: () => adminB,
  create: () => newDraft(admin),
  createB: () => newDraft(adminB),
  url: (id) => `/api/policies/${id}`,
  hasGet: true,
  read: async (client, id) => (await client.get(`/api/policies/${id}`)).json(),
  changes: [{ name: 'Renamed by the first' }, { name: 'Renamed by the second' }],
  pick: (p) => ({ name: p.name }),
});

describe('publishing and revisions', () => {
  it('a new draft is at revision 1, with its ETag', async () => {
    const res = await admin.post('/api/policies', { basedOn: (await published(admin)).id, name: 'Fresh' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ revision: 1, version: null });
    expect(res.headers.etag).toBe('"1"');
  });

  it('publishing with a stale If-Match is refused (409): the draft edited since is not published', async () => {
    const d = await newDraft(admin);
    expect((await admin.patch(`/api/policies/${d.id}`, { name: 'Edited after review' })).statusCode).toBe(
      200,
    );
    const before = await scoringCounts(t);
    const res = await admin.request('POST', `/api/policies/${d.id}/publish`, {}, { 'if-match': '"1"' });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().error.current).toMatchObject({
      name: 'Edited after review',
      status: 'draft',
      revision: 2,
    });
    expect(await scoringCounts(t)).toEqual(before);
  });

  it('publishing the revision reviewed works, bumps it, and bumps the retired version too', async () => {
    const old = await published(admin);
    const d = await newDraft(admin);
    const res = await admin.request('POST', `/api/policies/${d.id}/publish`, {}, { 'if-match': '"1"' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().policy).toMatchObject({ status: 'published', revision: 2 });
    await waitForJob(admin, res.json().job.id);
    expect((await admin.get(`/api/policies/${old.id}`)).json()).toMatchObject({
      status: 'retired',
      revision: old.revision + 1,
    });
  });
});

describe('the published policy as scoring reads it', () => {
  it('reads the document once per process and revision, and the new one as soon as another is published', async () => {
    const read = () => withTenant(t.db, t.orgA.id, (tx) => findPublishedPolicy(tx, t.orgA.id));
    const first = (await read())!;
    const again = (await read())!;
    expect(again.id).toBe(first.id);
    // Kept parsed and frozen, per process: the same object, not parsed again.
    expect(again.document).toBe(first.document);
    expect(Object.isFrozen(again.document)).toBe(true);

    const draft = await newDraft(admin);
    const changed = { ...draft.document, answerValidityMonths: 7 };
    expect((await admin.patch(`/api/policies/${draft.id}`, { document: changed })).statusCode).toBe(200);
    const pub = await admin.post(`/api/policies/${draft.id}/publish`, {});
    expect(pub.statusCode, pub.body).toBe(200);
    await waitForJob(admin, pub.json().job.id);
    const after = (await read())!;
    expect(after.id).toBe(draft.id);
    expect(after.document.answerValidityMonths).toBe(7);
    // Org B's published policy is its own.
    const b = await withTenant(t.db, t.orgB.id, (tx) => findPublishedPolicy(tx, t.orgB.id));
    expect(b!.orgId).toBe(t.orgB.id);
  });
});
