import { describe, expect, it } from 'vitest';
import type { SupplierRow } from './suppliers.repo.js';
import { parseRow } from './suppliers-csv.js';
import { countActions, planImport, refsToLookUp } from './suppliers-import.plan.js';

// The import planner on its own: rows as the CSV reader parses them, the register as a map, no database.

const ORG = '00000000-0000-4000-8000-0000000000aa';
const BASE_HEADER = ['external_ref', 'name', 'country', 'tier', 'parent_external_ref'];

/** Cells by column name → parsed rows numbered as file lines (the header is line 1). */
const rows = (header: string[], lines: Record<string, string>[]) =>
  lines.map((cells, i) => parseRow(Object.fromEntries(header.map((h) => [h, cells[h] ?? ''])), i + 2));

const line = (ref: string, parent = '', extra: Record<string, string> = {}) => ({
  external_ref: ref,
  name: `Site ${ref}`,
  country: 'BD',
  // Below a parent the tier is derived (left empty); a given one is checked against the chain.
  tier: parent ? '' : '1',
  parent_external_ref: parent,
  ...extra,
});

const registered = (ref: string, over: Partial<SupplierRow> = {}): SupplierRow => ({
  id: `20000000-0000-4000-8000-${ref.padStart(12, '0')}`,
  orgId: ORG,
  name: `Site ${ref}`,
  legalName: null,
  country: 'BD',
  goods: [],
  goodKeys: [],
  goodKeysVersion: null,
  sector: null,
  tier: 1,
  parentId: null,
  annualSpend: null,
  currency: 'USD',
  headcount: null,
  migrantWorkerShare: null,
  agencyWorkerShare: null,
  status: 'onboarding',
  externalRef: ref,
  tags: [],
  contacts: [],
  createdAt: new Date(0),
  updatedAt: new Date(0),
  archivedAt: null,
  currentAssessmentId: null,
  rating: null,
  ratingFloor: null,
  ratingRank: 0,
  inherentScore: null,
  residualScore: null,
  assessedAt: null,
  policyVersion: null,
  chainRiskRank: 0,
  chainRiskScore: null,
  chainRiskRating: null,
  chainRiskSupplierId: null,
  revision: 1,
  ...over,
});

const plan = (
  lines: Record<string, string>[],
  { header = BASE_HEADER, register = [] as SupplierRow[] } = {},
) => {
  let n = 0;
  return planImport({
    orgId: ORG,
    header,
    rows: rows(header, lines),
    existing: new Map(register.map((s) => [s.externalRef!, s])),
    newId: () => `10000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  });
};
const NEW_1 = '10000000-0000-4000-8000-000000000001';
const byRef = (p: ReturnType<typeof plan>, ref: string) =>
  p.planned.find((x) => x.row.input?.externalRef === ref);

describe('planImport: create, update or leave each supplier, by external reference', () => {
  it.each([
    {
      case: 'a reference not in the register is created with a new id',
      register: [],
      cells: line('1'),
      action: 'create',
      id: NEW_1,
      changes: undefined,
    },
    {
      case: 'a registered reference with the same values is left unchanged',
      register: [registered('1')],
      cells: line('1'),
      action: 'unchanged',
      id: registered('1').id,
      changes: undefined,
    },
    {
      case: 'a registered reference with another name is updated from its revision, naming the change',
      register: [registered('1', { revision: 7 })],
      cells: line('1', '', { name: 'Renamed' }),
      action: 'update',
      id: registered('1').id,
      changes: { name: { from: 'Site 1', to: 'Renamed' } },
      revision: 7,
    },
  ])('$case', ({ register, cells, action, id, changes, revision }) => {
    const p = plan([cells], { register });
    expect(p.issues).toEqual([]);
    expect(p.planned).toHaveLength(1);
    expect(p.planned[0]).toMatchObject({ action, id });
    if (changes) expect(p.planned[0]).toMatchObject({ changes, revision });
  });

  it('a created supplier carries the organisation, its id and every column value', () => {
    const [created] = plan([line('1', '', { sector: 'Textiles' })], {
      header: [...BASE_HEADER, 'sector'],
    }).planned;
    expect(created).toMatchObject({
      action: 'create',
      depth: 0,
      values: { orgId: ORG, id: NEW_1, name: 'Site 1', sector: 'Textiles', parentId: null, tier: 1 },
    });
  });
});

describe('planImport: a re-import overwrites only the columns the file has', () => {
  const before = registered('1', {
    legalName: 'Site One Ltd',
    annualSpend: 1000,
    goods: ['cotton'],
    goodKeys: ['cotton'],
    parentId: registered('9').id,
  });
  const register = [registered('9'), before];
  it.each([
    { case: 'no legal_name column keeps the legal name', column: 'legal_name', cell: undefined, changes: {} },
    {
      // Today an empty text cell reads as "not given" (numbers and the parent read as "none"): pinned here so
      // a change to it is a decision, not an accident.
      case: 'an empty legal_name cell keeps it too',
      column: 'legal_name',
      cell: '',
      changes: {},
    },
    {
      case: 'an empty annual_spend cell clears the spend',
      column: 'annual_spend',
      cell: '',
      changes: { annualSpend: { from: 1000, to: null } },
    },
    { case: 'no goods column keeps the goods', column: 'goods', cell: undefined, changes: {} },
    {
      case: 'a goods cell replaces them',
      column: 'goods',
      cell: 'cotton; rice',
      changes: { goods: { from: ['cotton'], to: ['cotton', 'rice'] } },
    },
    {
      case: 'an empty parent_external_ref cell detaches it from its parent',
      column: 'parent_external_ref',
      cell: '',
      changes: { parentId: { from: registered('9').id, to: null } },
    },
  ])('$case', ({ column, cell, changes }) => {
    const base = BASE_HEADER.filter((h) => h !== 'parent_external_ref');
    const header = cell === undefined ? base : [...base, column];
    const cells = {
      ...line('1'),
      parent_external_ref: '',
      ...(cell === undefined ? {} : { [column]: cell }),
    };
    const p = plan([cells], { header, register });
    expect(p.issues).toEqual([]);
    const [one] = p.planned;
    if (Object.keys(changes).length === 0) expect(one?.action).toBe('unchanged');
    else expect(one).toMatchObject({ action: 'update', changes });
  });

  it('without a parent_external_ref column the parent is kept', () => {
    const header = BASE_HEADER.filter((h) => h !== 'parent_external_ref');
    expect(plan([line('1')], { header, register }).planned[0]?.action).toBe('unchanged');
  });
});

describe('planImport: parents by external reference, in the register or in the file', () => {
  it('resolves a parent in the register to its id', () => {
    const p = plan([line('1', '9')], { register: [registered('9')] });
    expect(p.issues).toEqual([]);
    expect(p.planned[0]).toMatchObject({ values: { parentId: registered('9').id }, depth: 0 });
  });

  it('resolves a parent in the file, wherever it is, and orders creations parent first', () => {
    const p = plan([line('C', 'B'), line('B', 'A'), line('A')]);
    expect(p.issues).toEqual([]);
    const [c, b, a] = ['C', 'B', 'A'].map((ref) => byRef(p, ref)!);
    expect(c).toMatchObject({ action: 'create', depth: 2, values: { parentId: b!.id } });
    expect(b).toMatchObject({ action: 'create', depth: 1, values: { parentId: a!.id } });
    expect(a).toMatchObject({ action: 'create', depth: 0, values: { parentId: null } });
  });

  it('refuses a parent found neither in the register nor in the file', () => {
    const p = plan([line('1', 'NOPE'), line('2')]);
    expect(p.issues).toEqual([
      {
        row: 2,
        column: 'parent_external_ref',
        message: 'No supplier with external_ref "NOPE" in the register or in this file',
      },
    ]);
    expect(p.planned.map((x) => x.row.row)).toEqual([3]);
  });

  it.each([
    { case: 'a supplier that is its own parent', lines: [line('A', 'A')], refused: ['A'] },
    {
      case: 'two suppliers that are each other’s parent',
      lines: [line('A', 'B'), line('B', 'A')],
      refused: ['A', 'B'],
    },
    {
      case: 'a supplier whose chain runs into a loop',
      lines: [line('C', 'A'), line('A', 'B'), line('B', 'A'), line('D', 'C'), line('E')],
      refused: ['C', 'A', 'B', 'D'],
    },
  ])('refuses $case', ({ lines, refused }) => {
    const p = plan(lines);
    const refusedRefs = p.issues.map((i) => lines[i.row - 2]!.external_ref);
    expect(refusedRefs.sort()).toEqual([...refused].sort());
    expect(p.issues.every((i) => i.message === 'The parent chain loops back to this supplier')).toBe(true);
    expect(p.planned.map((x) => x.row.input?.externalRef)).toEqual(
      lines.map((l) => l.external_ref).filter((r) => !refused.includes(r)),
    );
  });

  it('a parent chain that passes through the register is cut there: depth counts rows of the file only', () => {
    const p = plan([line('2', '1'), line('3', '2')], { register: [registered('1')] });
    expect(byRef(p, '2')).toMatchObject({ depth: 0, values: { parentId: registered('1').id } });
    expect(byRef(p, '3')).toMatchObject({ depth: 1 });
  });
});

describe('planImport: tier follows the parent chain', () => {
  it('derives an empty tier from the parent, in the file or in the register, through a long chain', () => {
    const lines = [
      line('A'),
      ...Array.from({ length: 29 }, (_, i) => line(`C${i + 1}`, i === 0 ? 'A' : `C${i}`)),
    ];
    const p = plan([line('R', '9'), ...lines.reverse()], { register: [registered('9', { tier: 3 })] });
    expect(p.issues).toEqual([]);
    expect(byRef(p, 'R')).toMatchObject({ values: { tier: 4 } });
    expect(byRef(p, 'A')).toMatchObject({ values: { tier: 1 } });
    expect(byRef(p, 'C29')).toMatchObject({ values: { tier: 30 } });
  });

  it('a given tier that contradicts the chain is a row error naming the tier it must be', () => {
    const p = plan([
      line('A', '', { tier: '2' }),
      line('B', 'A', { tier: '3' }),
      line('C', 'B', { tier: '5' }),
    ]);
    expect(p.issues).toEqual([
      {
        row: 4,
        column: 'tier',
        message: 'tier must be 4: one below its parent "B" (tier 3). Leave it empty to derive it.',
      },
    ]);
    expect(byRef(p, 'B')).toMatchObject({ values: { tier: 3 } });
    expect(byRef(p, 'C')).toBeUndefined();
  });

  it('a re-import that moves a supplier re-derives its tier; a top supplier keeps its own', () => {
    const register = [
      registered('9', { tier: 2 }),
      registered('1', { tier: 1 }),
      registered('5', { tier: 3 }),
    ];
    const p = plan([line('1', '9'), line('5')], { register });
    expect(byRef(p, '1')).toMatchObject({ action: 'update', changes: { tier: { from: 1, to: 3 } } });
    expect(byRef(p, '5')).toMatchObject({ action: 'update', changes: { tier: { from: 3, to: 1 } } });
    const kept = plan([{ ...line('5'), tier: '' }], { register });
    expect(byRef(kept, '5')).toMatchObject({ action: 'unchanged' });
  });
});

describe('planImport: problems of the file', () => {
  it('refuses a repeated reference on its later lines, naming the first, and plans the first', () => {
    const p = plan([line('A'), line('B'), line('A', '', { name: 'Again' }), line('A')]);
    expect(p.issues).toEqual(
      [4, 5].map((row) => ({
        row,
        column: 'external_ref',
        message: 'external_ref "A" is also on line 2: each supplier once per file',
      })),
    );
    expect(p.planned.map((x) => x.row.row)).toEqual([2, 3]);
    expect(countActions(p.planned)).toEqual({ create: 2, update: 0, unchanged: 0 });
  });

  it('carries the rows’ own problems, all sorted by line, and plans none of those rows', () => {
    const p = plan([line('A', 'NOPE'), line('B', '', { country: '' }), line('A'), line('C')]);
    expect(p.issues.map((i) => [i.row, i.column])).toEqual([
      [2, 'parent_external_ref'],
      [3, 'country'],
      [4, 'external_ref'],
    ]);
    expect(p.planned.map((x) => x.row.row)).toEqual([5]);
  });

  it('counts each action', () => {
    const register = [registered('1'), registered('2')];
    const p = plan([line('1'), line('2', '', { name: 'New name' }), line('3'), line('4')], { register });
    expect(countActions(p.planned)).toEqual({ create: 2, update: 1, unchanged: 1 });
  });
});

describe('refsToLookUp', () => {
  it('asks for each row’s reference and its parent’s, once, leaving out refused and repeated rows', () => {
    const lines = [line('A', 'P'), line('B', 'A'), line('A', 'Q'), line('C', 'R', { tier: 'x' })];
    expect(refsToLookUp(rows(BASE_HEADER, lines)).sort()).toEqual(['A', 'B', 'P']);
  });
});
