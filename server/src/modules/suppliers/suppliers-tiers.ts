import {
  MAX_SUPPLIER_TIER,
  type SupplierUpdate,
  tierBelow,
  tierMismatchMessage,
} from '#shared/schemas/suppliers.js';
import type { Tx } from '../../db/client.js';
import { AppError, unprocessable } from '../../lib/app-error.js';
import type { Actor } from '../../lib/context.js';
import type { ReassessSuppliers } from '../assessments/assessments.reassess.js';
import { appendAuditEvents } from '../audit/audit-append.js';
import * as repo from './suppliers.repo.js';
import {
  deepestTierBelow,
  rollUpChainRisk,
  syncSubtreeTiers,
  type TierChange,
} from './suppliers-chain.repo.js';

// Tier follows the parent chain: a supplier with a parent is its parent's tier + 1; only a supplier without a
// parent has a tier of its own (default 1). The API derives an omitted tier and refuses a contradicting one.

const tierRefused = (expected: number) =>
  new AppError('validation_failed', tierMismatchMessage(expected), [
    { path: 'tier', message: tierMismatchMessage(expected) },
  ]);

const tooDeep = () =>
  unprocessable(`The supply chain would go deeper than tier ${MAX_SUPPLIER_TIER}`, 'parentId');

/** The tier of a new supplier: derived from its parent (checked), or the one given, or 1. */
export const tierOfNew = async (
  tx: Tx,
  orgId: string,
  parentId: string | null | undefined,
  given: number | undefined,
) => {
  if (!parentId) return given ?? 1;
  const parent = await repo.findSupplier(tx, orgId, parentId);
  if (!parent) throw unprocessable(`Parent supplier ${parentId} was not found`, 'parentId');
  const expected = tierBelow(parent.tier);
  if (expected > MAX_SUPPLIER_TIER) throw tooDeep();
  if (given !== undefined && given !== expected) throw tierRefused(expected);
  return expected;
};

/**
 * The tier an update leaves the supplier at: below a parent (kept or new), the parent's tier + 1 (a different
 * one sent is refused); at the top, the tier sent, or 1 when it just left its parent, or the one it had.
 * Refuses a change that would take its sub-tree deeper than MAX_SUPPLIER_TIER.
 */
export const tierAfterUpdate = async (
  tx: Tx,
  orgId: string,
  before: repo.SupplierRow,
  input: SupplierUpdate,
) => {
  const parentId = input.parentId !== undefined ? input.parentId : before.parentId;
  let tier: number;
  if (parentId) {
    const parent = await repo.findSupplier(tx, orgId, parentId);
    if (!parent) throw unprocessable(`Parent supplier ${parentId} was not found`, 'parentId');
    tier = tierBelow(parent.tier);
    if (input.tier !== undefined && input.tier !== tier) throw tierRefused(tier);
  } else {
    tier = input.tier ?? (before.parentId ? 1 : before.tier);
  }
  if (tier !== before.tier && (await deepestTierBelow(tx, orgId, before.id, tier)) > MAX_SUPPLIER_TIER) {
    throw tooDeep();
  }
  return tier;
};

/** What a reassessment of a supplier whose tier followed a move above it records as its cause. */
export const TIER_FOLLOWS_DETAIL = 'profile changed: tier (follows its parent chain)';

/** One audit event per supplier whose tier followed its parent chain, naming the supplier it follows. */
export const tierFollowEvents = (changes: TierChange[], importId?: string) =>
  changes.map((c) => ({
    action: 'supplier.updated' as const,
    entityType: 'supplier' as const,
    entityId: c.id,
    payload: {
      changes: { tier: { from: c.from, to: c.to } },
      tierFollows: c.root,
      ...(importId ? { importId } : {}),
    },
  }));

/**
 * After a supplier's tier or place in the tree changed: its sub-tree's tiers follow (one audit event per
 * supplier whose tier changed, naming the supplier they follow), those suppliers are reassessed (tier is
 * scored), and the chain risk of the old and new ancestors is rolled up.
 */
export const followTreeChange = async (
  tx: Tx,
  args: {
    orgId: string;
    actor: Actor;
    id: string;
    tierChanged: boolean;
    oldParentId: string | null;
    parentChanged: boolean;
    reassess: ReassessSuppliers;
  },
) => {
  const { orgId, actor, id } = args;
  const below = args.tierChanged ? await syncSubtreeTiers(tx, orgId, [id]) : [];
  if (below.length > 0) {
    await appendAuditEvents(tx, orgId, actor, tierFollowEvents(below));
  }
  // The edited supplier itself is reassessed by the edit path (a scored field changed); the ones below it
  // changed without being edited. Reassessing rolls their chain risk up through their ancestors.
  await args.reassess(
    tx,
    { orgId, actor },
    below.map((c) => c.id),
    'profile_changed',
    TIER_FOLLOWS_DETAIL,
  );
  if (args.parentChanged) {
    await rollUpChainRisk(tx, orgId, [id, ...(args.oldParentId ? [args.oldParentId] : [])]);
  }
};
