import type { ImportIssue } from '#shared/schemas/suppliers.js';
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
    const all = { ...toColumns(r.input!), parentId };
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
      if (fields.has(k)) values[k as keyof typeof values] = v as never;
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
