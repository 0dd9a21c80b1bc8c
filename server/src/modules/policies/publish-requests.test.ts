import { randomUUID } from 'node:crypto';
import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Policy } from '#shared/schemas/policy.js';
import type { PublishApprovalSetting, PublishRequest } from '#shared/schemas/publish-requests.js';
import { type Client, setupTestApp, type TestContext, type TestOrg } from '../../../test/app.js';
import { auditOf, createSupplier, createTestOrg, issuePaths, waitForJob } from '../../../test/factories.js';
import { policyPublishRequests } from '../../db/schema/policy-approvals.js';

// Four-eyes publishing (issue 8): org C has two admins, so a second admin's approval is required by default.

let t: TestContext;
let orgC: TestOrg;
let first: Client; // asks
let second: Client; // approves or rejects
let officer: Client;
let executive: Client;
let adminB: Client;
let adminA: Client; // org A: a lone admin
let published: Policy;

beforeAll(async () => {
  t = await setupTestApp();
  orgC = await createTestOrg(t, 'c', [
    { email: 'first@c.test', name: 'First Admin', role: 'admin' },
    { email: 'second@c.test', name: 'Second Admin', role: 'admin' },
    { email: 'officer@c.test', name: 'Officer C', role: 'officer' },
    { email: 'executive@c.test', name: 'Executive C', role: 'executive' },
  ]);
  first = await t.login('first@c.test');
  second = await t.login('second@c.test');
  officer = await t.login('officer@c.test');
  executive = await t.login('executive@c.test');
  adminB = await t.login(t.orgB.admin);
  adminA = await t.login(t.orgA.admin);
  await createSupplier(officer, { name: 'Turkmen Cotton', country: 'TM', goods: ['cotton'] });
  published = (await executive.get('/api/policies')).json().items[0];
});
afterAll(() => t?.close());

const newDraft = async (name: string): Promise<Policy> => {
  const res = await first.post('/api/policies', { basedOn: published.id, name });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const requestFor = async (draft: Policy, comment = 'Stricter thresholds, reviewed') => {
  const res = await first.post(`/api/policies/${draft.id}/publish-requests`, {
    comment,
    revision: draft.revision,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as PublishRequest;
};
const requestCount = async () => (await t.owner.select({ n: count() }).from(policyPublishRequests))[0]!.n;
const actionsOf = async (orgId: string, entityId: string) =>
  (await auditOf(t, orgId)).filter((e) => e.entityId === entityId).map((e) => e.action);

describe('the rule', () => {
  it('is on by default with two active admins, off with one, and says why', async () => {
    const c: PublishApprovalSetting = (await executive.get('/api/publish-approval')).json();
    expect(c).toMatchObject({ required: true, source: 'default', activeAdmins: 2 });
    expect(c.reason).toMatch(/two or more administrators/);
    const a: PublishApprovalSetting = (await adminA.get('/api/publish-approval')).json();
    expect(a).toMatchObject({ required: false, source: 'default', activeAdmins: 1 });
    expect(a.reason).toMatch(/nobody to approve/);
  });

  it('refuses a direct publish with a plain 422 when approval is required, writing nothing', async () => {
    const draft = await newDraft('Direct');
    const before = (await auditOf(t, orgC.id)).length;
    const res = await first.post(`/api/policies/${draft.id}/publish`);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/second administrator's approval.*request approval/);
    expect((await auditOf(t, orgC.id)).length).toBe(before);
    expect((await first.get(`/api/policies/${draft.id}`)).json().status).toBe('draft');
  });

  it('lets a lone admin publish directly and refuses a request there (nobody could approve it)', async () => {
    // Org A cannot copy org C's policy either.
    expect((await adminA.post('/api/policies', { basedOn: published.id, name: 'x' })).statusCode).toBe(422);
    const mine = (await adminA.get('/api/policies')).json().items[0] as Policy;
    const d = (await adminA.post('/api/policies', { basedOn: mine.id, name: 'Lone' })).json() as Policy;
    const res = await adminA.post(`/api/policies/${d.id}/publish-requests`, { comment: 'x', revision: 1 });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.message).toMatch(/publish the draft directly/);
    expect((await adminA.post(`/api/policies/${d.id}/publish`)).statusCode).toBe(200);
  });
});

describe('request → approve', () => {
  let draft: Policy;
  let request: PublishRequest;

  it('an admin asks, pinning the revision reviewed; a stale revision is a 409 and bad input a 400', async () => {
    draft = await newDraft('Stricter');
    const edited = await first.patch(`/api/policies/${draft.id}`, { name: 'Stricter v2' });
    expect(edited.statusCode).toBe(200);
    const n = await requestCount();
    const stale = await first.post(`/api/policies/${draft.id}/publish-requests`, {
      comment: 'go',
      revision: draft.revision,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current.revision).toBe(draft.revision + 1);
    for (const body of [
      { revision: 2 },
      { comment: '', revision: 2 },
      { comment: 'a\u0000b', revision: 2 },
    ]) {
      const bad = await first.post(`/api/policies/${draft.id}/publish-requests`, body);
      expect(bad.statusCode).toBe(400);
      expect(issuePaths(bad)).toContain('comment');
    }
    const noRevision = await first.post(`/api/policies/${draft.id}/publish-requests`, { comment: 'go' });
    expect(issuePaths(noRevision)).toContain('revision');
    expect(await requestCount()).toBe(n);
    draft = edited.json();
    request = await requestFor(draft);
    expect(request).toMatchObject({
      policyId: draft.id,
      policyRevision: draft.revision,
      status: 'pending',
      requestedBy: { name: 'First Admin' },
      comment: 'Stricter thresholds, reviewed',
      decidedBy: null,
    });
  });

  it('freezes the draft while pending (edit and a second request: 422), and lists it as awaiting', async () => {
    const edit = await first.patch(`/api/policies/${draft.id}`, { name: 'Sneaky' });
    expect(edit.statusCode).toBe(422);
    expect(edit.json().error.message).toMatch(/awaiting a second administrator's approval.*withdraw/);
    const del = await first.request('DELETE', `/api/policies/${draft.id}`);
    expect(del.statusCode).toBe(422);
    expect(del.json().error.message).toMatch(/withdraw the request before deleting it/);
    const again = await second.post(`/api/policies/${draft.id}/publish-requests`, {
      comment: 'me too',
      revision: draft.revision,
    });
    expect(again.statusCode).toBe(422);
    const list = (await executive.get('/api/publish-requests?status=pending')).json().items;
    expect(list.map((r: PublishRequest) => r.id)).toEqual([request.id]);
  });

  it('officers and executives get 403; the requester cannot approve their own request', async () => {
    for (const c of [officer, executive]) {
      for (const url of [
        `/api/publish-requests/${request.id}/approve`,
        `/api/publish-requests/${request.id}/reject`,
        `/api/publish-requests/${request.id}/withdraw`,
        `/api/policies/${draft.id}/publish-requests`,
      ]) {
        expect((await c.post(url, { comment: 'x', revision: 2 })).statusCode, url).toBe(403);
      }
    }
    const own = await first.post(`/api/publish-requests/${request.id}/approve`, {});
    expect(own.statusCode).toBe(403);
    expect(own.json().error.message).toMatch(/another administrator must approve/);
    const notMine = await second.post(`/api/publish-requests/${request.id}/withdraw`, {});
    expect(notMine.statusCode).toBe(403);
  });

  it('another admin approves: the draft is published, the rescore job runs, every step is audited', async () => {
    const res = await second.post(`/api/publish-requests/${request.id}/approve`, {
      comment: 'Checked the what-if',
    });
    expect(res.statusCode, res.body).toBe(200);
    const { request: decided, publish } = res.json();
    expect(decided).toMatchObject({
      status: 'approved',
      decidedBy: { name: 'Second Admin' },
      decisionComment: 'Checked the what-if',
    });
    expect(publish.policy).toMatchObject({ id: draft.id, status: 'published', version: 2 });
    expect(publish.job).toMatchObject({ kind: 'rescore' });
    expect((await waitForJob(second, publish.job.id)).status).toBe('succeeded');
    expect(await actionsOf(orgC.id, draft.id)).toEqual([
      'policy.created',
      'policy.updated',
      'policy.publish_requested',
      'policy.publish_approved',
      'policy.published',
    ]);
    const events = await auditOf(t, orgC.id);
    expect(
      events.find((e) => e.action === 'policy.published' && e.entityId === draft.id)?.payload,
    ).toMatchObject({
      requestId: request.id,
      version: 2,
    });
    const again = await second.post(`/api/publish-requests/${request.id}/approve`, {});
    expect(again.statusCode).toBe(422);
    published = publish.policy;
  });
});

describe('reject and withdraw', () => {
  it('another admin rejects with a comment (required); the draft can be edited again', async () => {
    const draft = await newDraft('Rejected');
    const request = await requestFor(draft);
    const noComment = await second.post(`/api/publish-requests/${request.id}/reject`, {});
    expect(noComment.statusCode).toBe(400);
    expect(issuePaths(noComment)).toContain('comment');
    expect(
      (await first.post(`/api/publish-requests/${request.id}/reject`, { comment: 'x' })).statusCode,
    ).toBe(403);
    const res = await second.post(`/api/publish-requests/${request.id}/reject`, { comment: 'Too strict' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'rejected', decisionComment: 'Too strict' });
    expect((await first.patch(`/api/policies/${draft.id}`, { name: 'Rejected v2' })).statusCode).toBe(200);
    expect((await first.get(`/api/policies/${draft.id}`)).json().status).toBe('draft');
    expect(await actionsOf(orgC.id, draft.id)).toEqual([
      'policy.created',
      'policy.publish_requested',
      'policy.publish_rejected',
      'policy.updated',
    ]);
  });

  it('the requester withdraws; the approval of a withdrawn request is refused', async () => {
    const draft = await newDraft('Withdrawn');
    const request = await requestFor(draft);
    const res = await first.post(`/api/publish-requests/${request.id}/withdraw`, { comment: 'Not yet' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'withdrawn', decidedBy: { name: 'First Admin' } });
    expect((await second.post(`/api/publish-requests/${request.id}/approve`, {})).statusCode).toBe(422);
    expect(await actionsOf(orgC.id, draft.id)).toEqual([
      'policy.created',
      'policy.publish_requested',
      'policy.publish_withdrawn',
    ]);
  });
});

describe('the organisation setting', () => {
  it('an admin turns the rule off (audited) and publishes directly; null returns to the default', async () => {
    expect((await officer.request('PUT', '/api/publish-approval', { required: false })).statusCode).toBe(403);
    const bad = await first.request('PUT', '/api/publish-approval', { required: 'no' });
    expect(bad.statusCode).toBe(400);
    expect(issuePaths(bad)).toContain('required');
    const off = await first.request('PUT', '/api/publish-approval', { required: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ required: false, source: 'explicit' });
    const draft = await newDraft('Direct after all');
    expect((await first.post(`/api/policies/${draft.id}/publish`)).statusCode).toBe(200);
    const back = await first.request('PUT', '/api/publish-approval', { required: null });
    expect(back.json()).toMatchObject({ required: true, source: 'default' });
    const set = (await auditOf(t, orgC.id)).filter((e) => e.action === 'org.publish_approval_set');
    expect(set.map((e) => e.payload)).toEqual([
      { required: false, previous: null },
      { required: null, previous: false },
    ]);
    expect(set.every((e) => e.entityType === 'organization' && e.entityId === orgC.id)).toBe(true);
  });
});

describe('tenancy', () => {
  it("another organisation's admin gets 404 on every route, and sees none of the requests", async () => {
    const draft = await newDraft('Private');
    const request = await requestFor(draft);
    const n = await requestCount();
    expect(
      (await adminB.post(`/api/policies/${draft.id}/publish-requests`, { comment: 'x', revision: 1 }))
        .statusCode,
    ).toBe(404);
    for (const action of ['approve', 'reject', 'withdraw']) {
      const res = await adminB.post(`/api/publish-requests/${request.id}/${action}`, { comment: 'x' });
      expect(res.statusCode, action).toBe(404);
    }
    expect((await adminB.get('/api/publish-requests')).json().items).toEqual([]);
    expect((await adminB.get(`/api/publish-requests?policyId=${draft.id}`)).json().items).toEqual([]);
    expect(await requestCount()).toBe(n);
    const [row] = await t.owner
      .select()
      .from(policyPublishRequests)
      .where(eq(policyPublishRequests.id, request.id));
    expect(row?.status).toBe('pending');
    expect((await second.post(`/api/publish-requests/${randomUUID()}/approve`, {})).statusCode).toBe(404);
  });
});
