import { describe, expect, it } from 'vitest';
import type { Client, TestContext } from './app.js';
import { auditOf, issuePaths } from './factories.js';

type Json = Record<string, unknown>;

/** One editable resource, as the shared optimistic-concurrency tests below see it. */
export interface RevisionedResource {
  /** The noun of its 409 message ("Someone else changed this supplier …"). */
  noun: string;
  t: () => TestContext;
  /** Who may change it in organisation A, and in organisation B. */
  editor: () => Client;
  editorB: () => Client;
  /** A fresh record in organisation A, as the API answered it (with `id` and `revision`). */
  create: () => Promise<Json>;
  /** In organisation B. */
  createB: () => Promise<Json>;
  url: (id: string) => string;
  /** Whether `url` answers GET (one record); else `read` finds the record another way. */
  hasGet: boolean;
  /** The record as the API shows it now, read by `client`. */
  read: (client: Client, id: string) => Promise<Json>;
  /** Two different changes, each made from the same read. */
  changes: [Json, Json];
  /** The part of the record the changes touch: shows which one stuck. */
  pick: (record: Json) => unknown;
}

const auditCount = async (t: TestContext) => (await auditOf(t, t.orgA.id)).length;

/**
 * Lost updates (issue 7, defect 2), the same contract for every editable resource: responses carry the
 * revision (field and ETag); an update made from a stale revision (If-Match or body) answers 409 with the
 * record as it is now and writes nothing; without one the last write wins.
 */
export const describeRevisions = (r: RevisionedResource) =>
  describe(`${r.noun}: optimistic concurrency`, () => {
    const t = () => r.t();
    const patch = (id: string, body: Json, headers: Record<string, string> = {}) =>
      r.editor().request('PATCH', r.url(id), body, headers);
    const current = (record: Json) => r.read(r.editor(), record.id as string);

    it('answers the revision as a field and as a strong ETag', async () => {
      const a = await r.create();
      expect(a.revision).toBe(1);
      const res = await patch(a.id as string, r.changes[0]);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().revision).toBe(2);
      expect(res.headers.etag).toBe('"2"');
      if (r.hasGet) {
        const got = await r.editor().get(r.url(a.id as string));
        expect(got.headers.etag).toBe('"2"');
        expect(got.json().revision).toBe(2);
      }
    });

    it('two edits from the same read (If-Match): the first 200, the second 409 with the current record, writing nothing', async () => {
      const a = await r.create();
      const first = await patch(a.id as string, r.changes[0], { 'if-match': '"1"' });
      expect(first.statusCode, first.body).toBe(200);
      const events = await auditCount(t());
      const second = await patch(a.id as string, r.changes[1], { 'if-match': '"1"' });
      expect(second.statusCode, second.body).toBe(409);
      const { error } = second.json();
      expect(error.code).toBe('conflict');
      expect(error.message).toMatch(new RegExp(`Someone else changed this ${r.noun}.*revision 2`));
      expect(error.current).toEqual(first.json());
      expect(await auditCount(t())).toBe(events);
      const now = await current(a);
      expect(r.pick(now)).toEqual(r.pick(first.json()));
      expect(now.revision).toBe(2);
      // Made again from the current revision, the change goes through.
      const retry = await patch(a.id as string, r.changes[1], { 'if-match': second.headers.etag ?? '"2"' });
      expect(retry.statusCode, retry.body).toBe(200);
      expect(retry.json().revision).toBe(3);
    });

    it('honours the body `revision` the same way, and a weak ETag in If-Match', async () => {
      const a = await r.create();
      expect((await patch(a.id as string, { ...r.changes[0], revision: 1 })).statusCode).toBe(200);
      const stale = await patch(a.id as string, { ...r.changes[1], revision: 1 });
      expect(stale.statusCode, stale.body).toBe(409);
      expect(stale.json().error.current.revision).toBe(2);
      const weak = await patch(a.id as string, r.changes[1], { 'if-match': 'W/"2"' });
      expect(weak.statusCode, weak.body).toBe(200);
    });

    it('ten edits at once from the same read: exactly one is applied', async () => {
      const a = await r.create();
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => patch(a.id as string, r.changes[i % 2]!, { 'if-match': '"1"' })),
      );
      const codes = answers.map((x) => x.statusCode).sort();
      expect(codes).toEqual([200, ...Array(9).fill(409)]);
      expect((await current(a)).revision).toBe(2);
    });

    it('without If-Match or revision the last write wins (and still bumps the revision)', async () => {
      const a = await r.create();
      expect((await patch(a.id as string, r.changes[0])).statusCode).toBe(200);
      const last = await patch(a.id as string, r.changes[1], { 'if-match': '*' });
      expect(last.statusCode, last.body).toBe(200);
      expect(last.json().revision).toBe(3);
      expect(r.pick(last.json())).toEqual(r.pick({ ...a, ...r.changes[0], ...r.changes[1] }));
    });

    it('refuses a malformed If-Match, or one that disagrees with the body, with 400, writing nothing', async () => {
      const a = await r.create();
      const events = await auditCount(t());
      for (const bad of ['2', '"x"', '"1", "2"', '"0"', 'W/2']) {
        const res = await patch(a.id as string, r.changes[0], { 'if-match': bad });
        expect(res.statusCode, `${bad}: ${res.body}`).toBe(400);
        expect(issuePaths(res)).toEqual(['if-match']);
      }
      const both = await patch(a.id as string, { ...r.changes[0], revision: 2 }, { 'if-match': '"1"' });
      expect(both.statusCode, both.body).toBe(400);
      expect(issuePaths(both)).toEqual(['revision']);
      expect(await auditCount(t())).toBe(events);
      expect((await current(a)).revision).toBe(1);
    });

    it("answers 404 for another organisation's record, with or without If-Match, and leaves it alone", async () => {
      const b = await r.createB();
      const tries: Record<string, string>[] = [{}, { 'if-match': '"1"' }, { 'if-match': '"7"' }];
      for (const headers of tries) {
        const res = await patch(b.id as string, r.changes[0], headers);
        expect(res.statusCode, res.body).toBe(404);
        expect(res.json().error.current).toBeUndefined();
      }
      expect(await r.read(r.editorB(), b.id as string)).toEqual(b);
    });
  });
