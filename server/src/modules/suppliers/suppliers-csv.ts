import { closest, distance } from 'fastest-levenshtein';
import { countryName, countryNameIndex, isCountryCode } from '#shared/countries.js';
import { unsafeTextReason } from '#shared/schemas/common.js';
import {
  type ImportIssue,
  REQUIRED_CSV_COLUMNS,
  SUPPLIER_CSV_COLUMNS,
  SUPPLIER_CSV_EXPORT_ONLY_COLUMNS,
  type SupplierCreate,
  SupplierCreateSchema,
  type SupplierCsvColumn,
} from '#shared/schemas/suppliers.js';

/**
 * Which supplier fields each CSV column sets: a re-import only touches the columns the file has, and a
 * validation issue on a field is reported against the column it came from.
 */
export const FIELDS_OF_COLUMN: Record<string, string[]> = {
  external_ref: ['externalRef'],
  name: ['name'],
  legal_name: ['legalName'],
  country: ['country'],
  goods: ['goods', 'goodKeys'],
  sector: ['sector'],
  tier: ['tier'],
  parent_external_ref: ['parentId'],
  annual_spend: ['annualSpend'],
  currency: ['currency'],
  headcount: ['headcount'],
  migrant_worker_share: ['migrantWorkerShare'],
  agency_worker_share: ['agencyWorkerShare'],
  status: ['status'],
  tags: ['tags'],
  contact_name: ['contacts'],
};

const COLUMN_OF_FIELD: Record<string, string> = Object.fromEntries(
  Object.entries(FIELDS_OF_COLUMN).flatMap(([column, fields]) => fields.map((f) => [f, column])),
);

/** Longest cell text echoed back (in the preview sample and in messages): a 5 MB cell is not sent back. */
export const CELL_SHOWN = 200;

/** A cell as it may be shown: at most CELL_SHOWN characters (with an ellipsis), never half a surrogate pair. */
export const clip = (cell: string): string => {
  if (cell.length <= CELL_SHOWN) return cell;
  const end = /[\uD800-\uDBFF]/.test(cell[CELL_SHOWN - 1]!) ? CELL_SHOWN - 1 : CELL_SHOWN;
  return `${cell.slice(0, end)}…`;
};

/** Longer than the longest country name with room for typos ("The United Kingdom of Great Britain…" is 52). */
const SUGGEST_UP_TO = 80;

/**
 * Accepts an ISO alpha-2 or alpha-3 code or an English country name (official or common, any case);
 * anything else is an error suggesting the closest name, so "Bangaldesh" gets "did you mean Bangladesh (BD)?".
 */
export const resolveCountry = (cell: string): { code?: string; error?: string } => {
  const v = cell.trim();
  if (v.length === 2 && isCountryCode(v.toUpperCase())) return { code: v.toUpperCase() };
  const index = countryNameIndex();
  const exact = index.get(v.toLowerCase());
  if (exact) return { code: exact };
  const advice = 'Use the two-letter ISO code or the English name.';
  // Edit distance costs length × length: no suggestion for a cell far longer than any country name.
  if (v.length > SUGGEST_UP_TO) return { error: `Unknown country "${clip(v)}". ${advice}` };
  const guess = closest(
    v.toLowerCase(),
    [...index.keys()].filter((k) => k.length > 3),
  );
  const code = index.get(guess)!;
  const near = distance(v.toLowerCase(), guess) <= Math.max(3, v.length / 3);
  const hint = near ? `: did you mean ${countryName(code) ?? guess} (${code})?` : '.';
  return { error: `Unknown country "${clip(v)}"${hint} ${advice}` };
};

const list = (cell: string) =>
  cell
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter(Boolean);

const NUMBER = /^-?\d+(\.\d+)?$/;
const number = (cell: string, column: string, issues: ImportIssue[], row: number, percent = false) => {
  const v = percent ? cell.replace(/%$/, '').trim() : cell.replace(/[\s_]/g, '');
  if (!NUMBER.test(v)) {
    issues.push({
      row,
      column,
      message: `"${clip(cell)}" is not a number: use digits and a dot for decimals, e.g. 1250000.50`,
    });
    return undefined;
  }
  return Number(v);
};

export interface ParsedRow {
  row: number;
  /** The identifying cells as written, so a person can tell which supplier a refused row is. */
  cells: { externalRef: string | null; name: string | null; country: string | null };
  input?: SupplierCreate;
  /** Columns the file has: only these overwrite an existing supplier on re-import. */
  parentRef?: string;
  issues: ImportIssue[];
}

/** Checks the header: required columns present, no unknown or repeated ones. */
export const checkHeader = (header: string[]): ImportIssue[] => {
  const issues: ImportIssue[] = [];
  // The export's read-only columns (rating, scores) are accepted and ignored, so an export re-imports.
  const known = new Set<string>([...SUPPLIER_CSV_COLUMNS, ...SUPPLIER_CSV_EXPORT_ONLY_COLUMNS]);
  const seen = new Set<string>();
  for (const h of header) {
    if (!known.has(h))
      issues.push({
        row: 1,
        column: h,
        message: `Unknown column "${h}". Expected columns: ${SUPPLIER_CSV_COLUMNS.join(', ')}`,
      });
    if (seen.has(h)) issues.push({ row: 1, column: h, message: `Column "${h}" appears twice` });
    seen.add(h);
  }
  for (const r of REQUIRED_CSV_COLUMNS) {
    if (!seen.has(r)) issues.push({ row: 1, column: r, message: `Missing required column "${r}"` });
  }
  return issues;
};

/**
 * Cells of the template's columns that hold control characters or ill-formed Unicode, one issue each. Line
 * breaks inside a quoted cell are the CSV's business here; the supplier schema decides per field after.
 */
const unsafeCells = (cells: Record<string, string>, row: number): ImportIssue[] => {
  const issues: ImportIssue[] = [];
  for (const column of SUPPLIER_CSV_COLUMNS) {
    const v = cells[column];
    const reason = v === undefined ? undefined : unsafeTextReason(v, { multiline: true });
    if (reason) issues.push({ row, column, message: reason });
  }
  return issues;
};

/** One CSV record (header → cell) to a validated supplier, or the issues that stop it. */
export const parseRow = (cells: Record<string, string>, row: number): ParsedRow => {
  const issues = unsafeCells(cells, row);
  const get = (c: SupplierCsvColumn) => {
    const v = cells[c];
    // Undo the export's formula neutralisation ('=…, '+44…), so that an export re-imports unchanged.
    return v === undefined ? undefined : v.trim().replace(/^'(?=[=+\-@\t\r])/, '');
  };
  const opt = (c: SupplierCsvColumn) => get(c) || undefined;
  const show = (c: SupplierCsvColumn) => {
    const v = opt(c);
    return v === undefined || unsafeTextReason(v, { multiline: true }) ? null : clip(v);
  };
  const shown = { externalRef: show('external_ref'), name: show('name'), country: show('country') };
  // A cell PostgreSQL cannot store stops the row here: the checks below would only add noise about it.
  if (issues.length > 0) return { row, cells: shown, issues };
  const raw: Record<string, unknown> = {
    externalRef: get('external_ref') || undefined,
    name: get('name') ?? '',
    legalName: opt('legal_name'),
    sector: opt('sector'),
    currency: opt('currency'),
    status: opt('status')?.toLowerCase(),
  };
  if (!raw.externalRef)
    issues.push({
      row,
      column: 'external_ref',
      message: 'external_ref is required: it identifies the supplier on re-import',
    });
  const country = get('country');
  if (country) {
    const r = resolveCountry(country);
    if (r.error) issues.push({ row, column: 'country', message: r.error });
    raw.country = r.code;
  } else issues.push({ row, column: 'country', message: 'country is required' });
  // Empty: derived from the parent chain (the plan checks a given one against it).
  const tier = get('tier');
  if (tier) raw.tier = number(tier, 'tier', issues, row);
  for (const [column, field, percent] of [
    ['annual_spend', 'annualSpend', false],
    ['headcount', 'headcount', false],
    ['migrant_worker_share', 'migrantWorkerShare', true],
    ['agency_worker_share', 'agencyWorkerShare', true],
  ] as const) {
    const v = get(column);
    if (v === undefined) continue;
    raw[field] = v === '' ? null : number(v, column, issues, row, percent);
  }
  const goods = get('goods');
  if (goods !== undefined) raw.goods = list(goods);
  const tags = get('tags');
  if (tags !== undefined) raw.tags = list(tags);
  const contactName = get('contact_name');
  if (contactName) {
    raw.contacts = [
      {
        name: contactName,
        email: get('contact_email') || undefined,
        phone: get('contact_phone') || undefined,
      },
    ];
  } else if (get('contact_email') || get('contact_phone')) {
    issues.push({
      row,
      column: 'contact_name',
      message: 'A contact needs a name when an email or phone is given',
    });
  }
  if (issues.length > 0) return { row, cells: shown, issues };

  const parsed = SupplierCreateSchema.safeParse(raw);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const field = String(i.path[0] ?? '');
      const column =
        field === 'contacts' && i.path[2] === 'email' ? 'contact_email' : (COLUMN_OF_FIELD[field] ?? field);
      issues.push({ row, column, message: i.message });
    }
    return { row, cells: shown, issues };
  }
  return {
    row,
    cells: shown,
    input: parsed.data,
    parentRef: get('parent_external_ref') || undefined,
    issues,
  };
};

/** A downloadable template: the header and two example rows that import cleanly. */
export const TEMPLATE_ROWS: Record<SupplierCsvColumn, string>[] = [
  {
    external_ref: 'V-10001',
    name: 'Dhaka Knitwear Ltd',
    legal_name: 'Dhaka Knitwear Limited',
    country: 'BD',
    goods: 'garments;textiles',
    sector: 'Apparel',
    tier: '1',
    parent_external_ref: '',
    annual_spend: '2400000',
    currency: 'USD',
    headcount: '1850',
    migrant_worker_share: '5',
    agency_worker_share: '12',
    status: 'active',
    tags: 'strategic;apparel',
    contact_name: 'Rahim Chowdhury',
    contact_email: 'compliance@dhaka-knitwear.example',
    contact_phone: '+880 2 5555 0101',
  },
  {
    external_ref: 'V-10002',
    name: 'Ahal Cotton Ginnery',
    legal_name: '',
    country: 'Turkmenistan',
    goods: 'cotton lint',
    sector: 'Agriculture',
    tier: '2',
    parent_external_ref: 'V-10001',
    annual_spend: '',
    currency: 'USD',
    headcount: '',
    migrant_worker_share: '',
    agency_worker_share: '',
    status: 'onboarding',
    tags: 'raw-material',
    contact_name: '',
    contact_email: '',
    contact_phone: '',
  },
];
