-- The start-up scan of refreshGoodKeys (server/src/modules/suppliers/suppliers-goods.ts) looks for suppliers
-- whose good_keys were computed under another goods synonym table version. Usually there are none; without
-- this index every start read every supplier of every organisation to find that out. The query spells
-- "is distinct from" as null / below / above the current version, which this index answers, then walks ids.
CREATE INDEX "suppliers_good_keys_version_idx" ON "suppliers" USING btree ("good_keys_version","id");
