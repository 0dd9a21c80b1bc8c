-- Supply-chain tiers and chain risk (issue 8, defect 5). See server/src/modules/suppliers/suppliers-chain.repo.ts.
--
-- 1. Chain risk, denormalised on each supplier: the riskiest current supplier of its sub-tree, itself included
--    (worst rating, then highest residual score, then lowest id), so the register sorts and filters on it.
--    They are columns of suppliers: its row-level security policy and grants cover them.
ALTER TABLE "suppliers" ADD COLUMN "chain_risk_rank" smallint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "suppliers" ADD COLUMN "chain_risk_score" double precision;--> statement-breakpoint
ALTER TABLE "suppliers" ADD COLUMN "chain_risk_rating" text;--> statement-breakpoint
ALTER TABLE "suppliers" ADD COLUMN "chain_risk_supplier_id" uuid;--> statement-breakpoint
CREATE INDEX "suppliers_org_chain_risk_idx" ON "suppliers" USING btree ("org_id","chain_risk_rank","chain_risk_score");
--> statement-breakpoint
-- 2. Tiers follow the parent chain from now on: a supplier with a parent is its parent's tier + 1. Rows saved
--    before that rule (a node 14 levels deep recorded as tier 1) are recomputed from the chain: a supplier
--    without a parent keeps its tier, everything below it takes that tier + its depth. Each corrected row gets
--    a new revision (a form opened on the old tier is refused, not silently overwritten); no audit event is
--    written (a migration has no actor), the reassessment happens at the next assessment or rescore.
WITH RECURSIVE down(id, tier, path) AS (
  SELECT id, tier::int, ARRAY[id] FROM suppliers WHERE parent_id IS NULL
  UNION ALL
  SELECT s.id, down.tier + 1, down.path || s.id
  FROM suppliers s JOIN down ON s.parent_id = down.id
  WHERE NOT s.id = ANY(down.path) AND cardinality(down.path) <= 101
)
UPDATE suppliers s SET tier = least(d.tier, 32767), revision = s.revision + 1
FROM down d WHERE s.id = d.id AND s.tier <> d.tier;
--> statement-breakpoint
-- 3. The chain risk of every existing supplier (the same computation as recomputeChainRisk, for all
--    organisations at once: parents never cross organisations).
WITH RECURSIVE down(id, path, rank, score, rating) AS (
  SELECT s.id, ARRAY[s.id], s.rating_rank, s.residual_score, s.rating FROM suppliers s
  WHERE s.archived_at IS NULL AND NOT EXISTS (
    SELECT 1 FROM suppliers p WHERE p.id = s.parent_id AND p.org_id = s.org_id AND p.archived_at IS NULL)
  UNION ALL
  SELECT c.id, d.path || c.id, c.rating_rank, c.residual_score, c.rating
  FROM down d JOIN suppliers c ON c.parent_id = d.id
  WHERE c.archived_at IS NULL AND NOT c.id = ANY(d.path) AND cardinality(d.path) <= 101
), best AS (
  SELECT DISTINCT ON (anc) anc, d.rank, d.score, d.rating, d.id AS sid
  FROM down d CROSS JOIN LATERAL unnest(d.path) AS anc
  WHERE d.rank > 0
  ORDER BY anc, d.rank DESC, d.score DESC, d.id ASC
)
UPDATE suppliers s SET chain_risk_rank = b.rank, chain_risk_score = b.score, chain_risk_rating = b.rating,
  chain_risk_supplier_id = b.sid
FROM best b WHERE s.id = b.anc;
