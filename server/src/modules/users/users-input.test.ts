import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, setupTestApp, type TestContext } from '../../../test/app.js';
import { issuePaths, rowCounts, userIdOf } from '../../../test/factories.js';

let t: TestContext;
let admin: Client;
let officerId: string;
beforeAll(async () => {
  t = await setupTestApp();
  admin = await t.login(t.orgA.admin);
  officerId = await userIdOf(t, t.orgA.officer);
});
afterAll(() => t?.close());

const valid = { email: 'valid.person@a.test', name: 'Valid Name', role: 'officer', password: 'twelve-chars' };

describe('POST /api/users refuses bad input with 400, names the field, and writes nothing', () => {
  it.each([
    ['wrong types', { email: 42, name: true, role: 'officer' }, ['email', 'name']],
    ['missing fields', {}, ['email', 'name', 'role']],
    ['an e-mail of 300 characters', { ...valid, email: `${'a'.repeat(293)}@a.test` }, ['email']],
    ['something that is not an e-mail', { ...valid, email: 'not-an-email' }, ['email']],
    ['a name of 201 characters', { ...valid, name: 'n'.repeat(201) }, ['name']],
    ['a name of spaces only', { ...valid, name: '   ' }, ['name']],
    ['an unknown role', { ...valid, role: 'root' }, ['role']],
    ['a password of 11 characters', { ...valid, password: 'eleven-char' }, ['password']],
    ['a password of 257 characters', { ...valid, password: 'p'.repeat(257) }, ['password']],
    ['a repeated-character password', { ...valid, password: 'aaaaaaaaaaaa' }, ['password']],
    ['a common password', { ...valid, password: 'password1234' }, ['password']],
    ['the e-mail as password', { ...valid, password: valid.email }, ['password']],
    ['the name inside the password', { ...valid, password: 'Valid-Name-2026!' }, ['password']],
  ])('%s', async (_label, payload, fields) => {
    const before = await rowCounts(t);
    const res = await admin.post('/api/users', payload);
    expect(res.statusCode).toBe(400);
    const { error } = res.json();
    expect(error).toMatchObject({ code: 'validation_failed', requestId: expect.any(String) });
    expect(issuePaths(res)).toEqual(expect.arrayContaining(fields));
    for (const f of fields) expect(error.message).toContain(f);
    expect(await rowCounts(t)).toEqual(before);
  });

  it('a weak password is refused saying why, in the words the dashboard shows', async () => {
    const res = await admin.post('/api/users', { ...valid, password: 'password1234' });
    expect(res.json().error.issues).toEqual([
      {
        path: 'password',
        message: expect.stringMatching(
          /^It is too easy to guess\. This is similar to a commonly used password\./,
        ),
      },
    ]);
  });

  it('the boundaries themselves are accepted (254-character e-mail, 200-character name, 12-character password)', async () => {
    const email = `${'b'.repeat(64)}@${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(56)}.test`;
    expect(email).toHaveLength(254);
    const res = await admin.post('/api/users', {
      email,
      name: 'n'.repeat(200),
      role: 'officer',
      password: 'Kx7#mQ2$vL9p',
    });
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('PATCH /api/users/:id refuses bad input with 400 and changes nothing', () => {
  it.each([
    ['an empty change', () => `/api/users/${officerId}`, {}, 'role'],
    ['an unknown role', () => `/api/users/${officerId}`, { role: 'root' }, 'role'],
    ['a role of the wrong type', () => `/api/users/${officerId}`, { role: 3 }, 'role'],
    ['an unknown status', () => `/api/users/${officerId}`, { status: 'deleted' }, 'status'],
    ['an id that is not a UUID', () => '/api/users/not-a-uuid', { role: 'executive' }, 'id'],
  ])('%s', async (_label, url, payload, field) => {
    const before = await rowCounts(t);
    const res = await admin.patch(url(), payload);
    expect(res.statusCode).toBe(400);
    expect(issuePaths(res)).toContain(field);
    expect(await rowCounts(t)).toEqual(before);
    expect((await admin.get(`/api/users?q=${t.orgA.officer}`)).json().items[0]).toMatchObject({
      role: 'officer',
      status: 'active',
    });
  });
});

describe('bodies the server cannot read', () => {
  const raw = (payload: string, contentType = 'application/json') =>
    t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.info.csrfToken, 'content-type': contentType },
      payload,
    });

  it('malformed JSON answers 400 bad_request', async () => {
    const before = await rowCounts(t);
    const res = await raw('{"email": "x@a.test", ');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'bad_request', requestId: expect.any(String) });
    expect(await rowCounts(t)).toEqual(before);
  });

  it('a body over the 1 MiB limit answers 413', async () => {
    const before = await rowCounts(t);
    const res = await raw(JSON.stringify({ ...valid, name: 'n'.repeat(1024 * 1024) }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('payload_too_large');
    expect(await rowCounts(t)).toEqual(before);
  });

  it('a content type the API does not read answers 400, not 415 or 500', async () => {
    const before = await rowCounts(t);
    const res = await raw('<user email="x@a.test"/>', 'application/xml');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('bad_request');
    expect(await rowCounts(t)).toEqual(before);
  });

  it('a JSON array instead of an object answers 400', async () => {
    const res = await raw('[]');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('validation_failed');
  });
});
