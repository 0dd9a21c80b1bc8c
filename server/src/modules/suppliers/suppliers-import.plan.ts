import { type ImportIssue, MAX_SUPPLIER_TIER } from '#shared/schemas/suppliers.js';
import { diffColumns, toColumns } from './suppliers.mapping.js';
import type { SupplierInsert, SupplierRow } from './suppliers.repo.js';
import { FIELDS_OF_COLUMN, type ParsedRow } from './suppliers-csv.js';

// The import's decisions, as pure logic (no I/O, no clock, ids from the caller): the service reads the file,
// looks up the suppliers this plan needs, and applies it.

export type Planned =
  | { row: ParsedRow; action: 'create'; id: string; values: SupplierInsert; depth: number }
  | {
      row: ParsedRow;
      action: 'update';
      id: string;
      /** The revision the plan was made from: the write is refused if another one came in meanwhile. */
      revision: number;
      values: Partial<SupplierInsert>;
      changes: Record<string, { from: unknown; to: unknown }>;
    }
  | { row: ParsedRow; action: 'unchanged'; id: string };

export interface Plan {
  planned: Planned[];
  /** Every problem of the file (parse issues included), in line order: any one refuses a commit. */
  issues: ImportIssue[];
}

/** The first row of each external reference; later ones are problems (each supplier once per file). */
const firstRowPerRef = (rows: ParsedRow[], issues?: ImportIssue[]): ParsedRow[] => {
  const firstRowOfRef = new Map<string, number>();
  const valid: ParsedRow[] = [];
  for (const r of rows) {
    if (!r.input) continue;
    const ref = r.input.externalRef!;
    const first = firstRowOfRef.get(ref);
    if (first !== undefined) {
      issues?.push({
        row: r.row,
        column: 'external_ref',
        message: `external_ref "${ref}" is also on line ${first}: each supplier once per file`,
      });
      continue;
    }
    firstRowOfRef.set(ref, r.row);
    valid.push(r);
  }
  return valid;
};

/** The external references the plan needs looked up in the register: the rows' own and their parents'. */
export const refsToLookUp = (rows: ParsedRow[]): string[] => {
  const valid = firstRowPerRef(rows);
  return [
    ...new Set([
      ...valid.map((r) => r.input!.externalRef!),
      ...valid.flatMap((r) => (r.parentRef ? [r.parentRef] : [])),
    ]),
  ];
};

/**
 * Decides, for every valid row, create / update / unchanged, resolving parents by external reference (in
 * the register or in the same file). A re-import only overwrites the columns the file has (`header`).
 * `existing` holds the organisation's suppliers found for `refsToLookUp(rows)`; `newId` names new ones.
 */
export const planImport = (args: {
  orgId: string;
  header: string[];
  rows: ParsedRow[];
  existing: ReadonlyMap<string, SupplierRow>;
  newId: () => string;
}): Plan => {
  const { orgId, existing } = args;
  const issues: ImportIssue[] = args.rows.flatMap((r) => r.issues);
  const fields = new Set(args.header.flatMap((c) => FIELDS_OF_COLUMN[c] ?? []));
  const valid = firstRowPerRef(args.rows, issues);
  const idOfRef = new Map<string, string>();
  for (const [ref, s] of existing) idOfRef.set(ref, s.id);
  for (const r of valid)
    if (!idOfRef.has(r.input!.externalRef!)) idOfRef.set(r.input!.externalRef!, args.newId());

  const parentOfRef = new Map(valid.map((r) => [r.input!.externalRef!, r.parentRef]));
  const loops = chainsReachingLoops(parentOfRef);
  const depthOf = depthsInFile(parentOfRef);
  const hasParentColumn = args.header.includes('parent_external_ref');
  const tierOf = tiersInFile(valid, existing, loops, hasParentColumn);
  const planned: Planned[] = [];
  for (const r of valid) {
    const ref = r.input!.externalRef!;
    const id = idOfRef.get(ref)!;
    let parentId: string | null = null;
    if (r.parentRef) {
      const pid = idOfRef.get(r.parentRef);
      if (!pid) {
        issues.push({
          row: r.row,
          column: 'parent_external_ref',
          message: `No supplier with external_ref "${r.parentRef}" in the register or in this file`,
        });
        continue;
      }
      if (loops.has(ref)) {
        issues.push({
          row: r.row,
          column: 'parent_external_ref',
          message: 'The parent chain loops back to this supplier',
        });
        continue;
      }
      parentId = pid;
    }
    const tier = tierOf(ref);
    if (tier > MAX_SUPPLIER_TIER) {
      issues.push({
        row: r.row,
        column: 'tier',
        message: `The chain goes deeper than tier ${MAX_SUPPLIER_TIER}`,
      });
      continue;
    }
    const belowParent = r.parentRef ?? (hasParentColumn ? undefined : existing.get(ref)?.parentId);
    if (belowParent && r.input!.tier !== undefined && r.input!.tier !== tier) {
      const parent = r.parentRef ? `"${r.parentRef}"` : 'supplier';
      issues.push({
        row: r.row,
        column: 'tier',
        message: `tier must be ${tier}: one below its parent ${parent} (tier ${tier - 1}). Leave it empty to derive it.`,
      });
      continue;
    }
    // Tier always follows the chain, whatever columns the file has: a moved parent moves its rows' tiers.
    const all = { ...toColumns(r.input!), parentId, tier };
    const before = existing.get(ref);
    if (!before) {
      planned.push({
        row: r,
        action: 'create',
        id,
        values: { ...all, orgId, id } as SupplierInsert,
        depth: depthOf(ref),
      });
      continue;
    }
    const values: Partial<SupplierInsert> = {};
    for (const [k, v] of Object.entries(all))
      if (fields.has(k) || k === 'tier') values[k as keyof typeof values] = v as never;
    const changes = diffColumns(before, values);
    planned.push(
      Object.keys(changes).length === 0
        ? { row: r, action: 'unchanged', id }
        : { row: r, action: 'update', id, revision: before.revision, values, changes },
    );
  }
  issues.sort((a, b) => a.row - b.row);
  return { planned, issues };
};

/**
 * The file's rows whose parent chain (through rows of the same file) runs into a loop, itself included.
 * Each row is walked once: a chain stops at the first row already decided.
 */
const chainsReachingLoops = (parentOf: Map<string, string | undefined>): Set<string> => {
  const decided = new Map<string, boolean>();
  for (const start of parentOf.keys()) {
    const path: string[] = [];
    const onPath = new Set<string>();
    let loops = false;
    for (let p: string | undefined = start; p !== undefined; p = parentOf.get(p)) {
      const known = decided.get(p);
      if (known !== undefined) {
        loops = known;
        break;
      }
      if (onPath.has(p)) {
        loops = true;
        break;
      }
      onPath.add(p);
      path.push(p);
    }
    for (const p of path) decided.set(p, loops);
  }
  return new Set([...decided].flatMap(([ref, loops]) => (loops ? [ref] : [])));
};

/**
 * Each row's tier as the parent chain makes it: below a parent (a row of the file, or else a supplier of the
 * register), the parent's tier + 1; at the top, the tier given, or for a supplier already at the top the one
 * it has, or 1. Only asked of rows whose chain has no loop; walked iteratively (a file can hold a deep chain).
 */
const tiersInFile = (
  valid: ParsedRow[],
  existing: ReadonlyMap<string, SupplierRow>,
  loops: Set<string>,
  hasParentColumn: boolean,
) => {
  const rowOf = new Map(valid.map((r) => [r.input!.externalRef!, r]));
  const tier = new Map<string, number>();
  const topTier = (r: ParsedRow) => {
    const ref = r.input!.externalRef!;
    const registerParent = r.parentRef ? existing.get(r.parentRef) : undefined;
    if (registerParent) return registerParent.tier + 1; // a parent not in the file
    const before = existing.get(ref);
    // Without the column the stored parent stays, and with it the stored tier (the chain keeps it right).
    if (!hasParentColumn && before?.parentId) return before.tier;
    return r.input!.tier ?? (before && !before.parentId ? before.tier : 1);
  };
  return (ref: string): number => {
    const path: ParsedRow[] = [];
    let r: ParsedRow | undefined = rowOf.get(ref);
    let base: number | undefined;
    while (r) {
      const known = tier.get(r.input!.externalRef!);
      if (known !== undefined) {
        base = known;
        break;
      }
      path.push(r);
      const parent: ParsedRow | undefined = r.parentRef ? rowOf.get(r.parentRef) : undefined;
      if (!parent || loops.has(r.input!.externalRef!)) break;
      r = parent;
    }
    for (let i = path.length - 1; i >= 0; i--) {
      const p = path[i]!;
      const t = base !== undefined ? base + 1 : topTier(p);
      tier.set(p.input!.externalRef!, t);
      base = t;
    }
    return tier.get(ref)!;
  };
};

/**
 * How many of a row's ancestors are rows of the same file, so parents are inserted before their children.
 * Only asked of rows whose chain has no loop; each row is walked once.
 */
const depthsInFile = (parentOf: Map<string, string | undefined>) => {
  const depth = new Map<string, number>();
  return (ref: string): number => {
    const path: string[] = [];
    let p: string | undefined = ref;
    let base = -1;
    while (p !== undefined && parentOf.has(p)) {
      const known = depth.get(p);
      if (known !== undefined) {
        base = known;
        break;
      }
      path.push(p);
      p = parentOf.get(p);
    }
    for (let i = path.length - 1; i >= 0; i--) depth.set(path[i]!, ++base);
    return depth.get(ref)!;
  };
};

/** How many rows each action takes. */
export const countActions = (planned: Planned[]) => ({
  create: planned.filter((p) => p.action === 'create').length,
  update: planned.filter((p) => p.action === 'update').length,
  unchanged: planned.filter((p) => p.action === 'unchanged').length,
});
