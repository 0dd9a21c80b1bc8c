import { describe, expectTypeOf, it } from 'vitest';
import { findSupplier } from '../modules/suppliers/suppliers.repo.js';
import type { Db, RawTx, Tx } from './client.js';
import { withTenant } from './tenant.js';

// Compiled by `npm run typecheck`: the assertions are the type errors that must (and must not) happen.
// Repositories take the tenant transaction only. The root handle and a bare transaction on it bypass the
// tenant (no app.org_id), so handing either to a repository must not compile.

const misuse = (db: Db, raw: RawTx) => {
  // @ts-expect-error the root handle is not a tenant transaction
  void findSupplier(db, 'org', 'id');
  // @ts-expect-error a transaction that did not enter a tenant is not one either
  void findSupplier(raw, 'org', 'id');
  // The one way in: withTenant hands the repository its Tx.
  void withTenant(db, 'org', (tx) => findSupplier(tx, 'org', 'id'));
};

describe('tenant-only handles', () => {
  it('repositories accept only what withTenant produces', () => {
    expectTypeOf<Db>().not.toExtend<Tx>();
    expectTypeOf<RawTx>().not.toExtend<Tx>();
    expectTypeOf<Tx>().toExtend<RawTx>();
    expectTypeOf(misuse).toBeFunction();
  });
});
