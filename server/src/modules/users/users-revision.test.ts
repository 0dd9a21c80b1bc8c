import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, PASSWORD, setupTestApp, type TestContext } from '../../../test/app.js';
import { describeRevisions } from '../../../test/revision.js';

let t: TestContext;
let admin: Client;
let adminB: Client;

beforeAll(async () => {
  t = await setupTestApp();
  admin = await t.login(t.orgA.admin);
  adminB = await t.login(t.orgB.admin);
});
afterAll(() => t?.close());

let n = 0;
const addMember = async (client: Client) => {
  const email = `member${++n}@revisions.test`;
  const res = await client.post('/api/users', {
    email,
    name: `Member ${n}`,
    role: 'officer',
    password: PASSWORD,
  });
  if (res.statusCode !== 201) throw new Error(`add member: ${res.statusCode} ${res.body}`);
  return res.json();
};

/** No GET of one member: found in the list, as the users page shows it. */
const readMember = async (client: Client, id: string) => {
  const page = (await client.get('/api/users?limit=200')).json();
  return page.items.find((u: { id: string }) => u.id === id);
};

describeRevisions({
  noun: 'user',
  t: () => t,
  editor: () => admin,
  editorB: () => adminB,
  create: () => addMember(admin),
  createB: () => addMember(adminB),
  url: (id) => `/api/users/${id}`,
  hasGet: false,
  read: readMember,
  changes: [{ role: 'executive' }, { role: 'admin', status: 'deactivated' }],
  pick: (u) => ({ role: u.role, status: u.status }),
});

describe('member revisions', () => {
  it('POST answers the new member at revision 1 with its ETag; the list carries each revision', async () => {
    const res = await admin.post('/api/users', {
      email: 'fresh@revisions.test',
      name: 'Fresh',
      role: 'executive',
      password: PASSWORD,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().revision).toBe(1);
    expect(res.headers.etag).toBe('"1"');
    expect((await readMember(admin, res.json().id)).revision).toBe(1);
  });

  it("signing in does not change a member's revision (it is not an edit)", async () => {
    const m = await addMember(admin);
    await t.login(m.email);
    expect((await readMember(admin, m.id)).revision).toBe(1);
  });

  it('a stale deactivation is refused and leaves the sessions of the member alone', async () => {
    const m = await addMember(admin);
    const session = await t.login(m.email);
    expect((await admin.patch(`/api/users/${m.id}`, { role: 'executive' })).statusCode).toBe(200);
    const stale = await admin.patch(`/api/users/${m.id}`, { status: 'deactivated', revision: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toMatchObject({ role: 'executive', status: 'active', revision: 2 });
    expect((await session.get('/api/me')).statusCode).toBe(200);
  });
});
