import type { z } from 'zod';
import { countryName, isCountryCode } from '#shared/countries.js';
import { GsiRowSchema, IlabRowSchema, TipRowSchema, toIlabListing } from '#shared/domain/reference/parse.js';
import { unsafeTextReason } from '#shared/schemas/common.js';
import {
  EDITION_MAX_ROWS,
  type EditionContent,
  type EditionIssue,
  type LoadableKind,
} from '#shared/schemas/datasets.js';
import { AppError } from '../../lib/app-error.js';
import { clip, resolveCountry } from '../suppliers/suppliers-csv.js';

/** The shipped files' columns (shared/reference-data), the ones scoring reads marked required. */
const FORMATS: Record<LoadableKind, { columns: string[]; required: string[]; nameColumn: string }> = {
  us_tip: {
    columns: [
      'iso_alpha2',
      'iso_alpha3',
      'country_name',
      'tier',
      'edition',
      'movement_vs_2024',
      'tier_2024_if_2wl_or_3',
      'sources',
      'state_dept_country_page',
    ],
    required: ['iso_alpha2', 'country_name', 'tier'],
    nameColumn: 'country_name',
  },
  gsi: {
    columns: [
      'iso_alpha2',
      'iso_alpha3',
      'country_name',
      'region',
      'population',
      'prevalence_per_1000',
      'estimated_number',
      'vulnerability_score',
      'vuln_governance_issues',
      'vuln_lack_of_basic_needs',
      'vuln_inequality',
      'vuln_disenfranchised_groups',
      'vuln_effects_of_conflict',
      'government_response_score',
      'cross_checked_prevalence',
    ],
    required: [
      'iso_alpha2',
      'country_name',
      'prevalence_per_1000',
      'vulnerability_score',
      'government_response_score',
    ],
    nameColumn: 'country_name',
  },
  ilab: {
    columns: [
      'iso_alpha2',
      'country',
      'good',
      'sector',
      'child_labor',
      'forced_labor',
      'forced_child_labor',
      'listing_basis',
      'input_country_iso_alpha2',
      'edition',
      'removed_in_2024_edition',
      'notes',
    ],
    required: [
      'iso_alpha2',
      'good',
      'sector',
      'child_labor',
      'forced_labor',
      'forced_child_labor',
      'listing_basis',
    ],
    nameColumn: 'country',
  },
};

const BOOLEAN_COLUMNS = new Set([
  'child_labor',
  'forced_labor',
  'forced_child_labor',
  'removed_in_2024_edition',
]);
const COUNTRY_COLUMNS = ['iso_alpha2', 'input_country_iso_alpha2'];

export const requiredColumns = (kind: LoadableKind) => FORMATS[kind].required;

const checkHeader = (kind: LoadableKind, header: string[]): EditionIssue[] => {
  const { columns, required } = FORMATS[kind];
  const issues: EditionIssue[] = [];
  const seen = new Set<string>();
  for (const h of header) {
    if (seen.has(h)) issues.push({ row: 1, column: h, message: `Column "${clip(h)}" appears twice` });
    seen.add(h);
    if (!columns.includes(h)) {
      issues.push({
        row: 1,
        column: clip(h),
        message: `Unknown column "${clip(h)}": this dataset's columns are ${columns.join(', ')}`,
      });
    }
  }
  for (const r of required) {
    if (!seen.has(r)) issues.push({ row: 1, column: r, message: `Missing required column "${r}"` });
  }
  return issues;
};

/**
 * Why a country cell is not an ISO alpha-2 code, with the closest country (the supplier import's
 * suggestion code): a name or alpha-3 code gets its alpha-2, a typo gets "did you mean …".
 */
const countryIssue = (cell: string, nameCell: string | undefined): string | undefined => {
  const v = cell.trim().toUpperCase();
  if (isCountryCode(v)) return undefined;
  if (v === '') return 'A two-letter ISO 3166-1 code is required';
  const byCell = resolveCountry(cell);
  if (byCell.code) {
    return `"${clip(cell)}" is not a two-letter ISO code: use ${byCell.code} (${countryName(byCell.code) ?? byCell.code})`;
  }
  const byName = nameCell ? resolveCountry(nameCell) : undefined;
  if (byName?.code) {
    return `Unknown country code "${clip(cell)}": did you mean ${byName.code} (${countryName(byName.code) ?? byName.code})?`;
  }
  return byCell.error;
};

const zodIssues = (row: number, error: z.ZodError): EditionIssue[] =>
  error.issues.map((i) => ({
    row,
    column: i.path.length > 0 ? String(i.path[0]) : null,
    message: i.message,
  }));

export interface ValidatedEdition {
  content: EditionContent | null;
  rows: number;
  issues: EditionIssue[];
}

/**
 * Checks an uploaded grid against the shipped format of `kind`, row by row, and builds the rows scoring
 * reads. Every problem is reported (row, column, message), as the supplier import does; nothing is built
 * when there is one. Row numbers are the spreadsheet's (the header is row 1).
 */
export const validateEdition = (kind: LoadableKind, edition: string, grid: string[][]): ValidatedEdition => {
  const [rawHeader = [], ...body] = grid;
  const header = rawHeader.map((h) => h.trim().toLowerCase());
  while (header.length > 0 && header[header.length - 1] === '') header.pop();
  if (header.length === 0)
    throw new AppError('bad_request', 'The file is empty: it needs a header row and data rows');
  const headerIssues = checkHeader(kind, header);
  if (headerIssues.length > 0) return { content: null, rows: 0, issues: headerIssues };

  const dataRows = body
    .map((cells, i) => ({ cells, row: i + 2 }))
    .filter(({ cells }) => cells.some((c) => c.trim() !== ''));
  if (dataRows.length === 0) throw new AppError('bad_request', 'The file has a header but no data rows');
  if (dataRows.length > EDITION_MAX_ROWS) {
    throw new AppError(
      'payload_too_large',
      `The file has ${dataRows.length} rows; an edition may have at most ${EDITION_MAX_ROWS}`,
    );
  }
  const { nameColumn } = FORMATS[kind];
  const issues: EditionIssue[] = [];
  const firstRowOf = new Map<string, number>();
  const tip: EditionContent & { kind: 'us_tip' } = { kind: 'us_tip', rows: [] };
  const gsi: EditionContent & { kind: 'gsi' } = { kind: 'gsi', rows: [] };
  const ilab: EditionContent & { kind: 'ilab' } = { kind: 'ilab', rows: [] };

  for (const { cells, row } of dataRows) {
    if (cells.slice(header.length).some((c) => c.trim() !== '')) {
      issues.push({
        row,
        column: null,
        message: `More cells than the header has columns (${header.length})`,
      });
      continue;
    }
    const record: Record<string, string> = {
      edition,
      input_country_iso_alpha2: '',
      removed_in_2024_edition: '',
      notes: '',
    };
    const before = issues.length;
    header.forEach((h, c) => {
      const v = (cells[c] ?? '').trim();
      record[h] = BOOLEAN_COLUMNS.has(h) ? v.toLowerCase() : v;
      const unsafe = unsafeTextReason(v);
      if (unsafe) issues.push({ row, column: h, message: unsafe });
    });
    for (const col of COUNTRY_COLUMNS) {
      if (!(col in record) || (col !== 'iso_alpha2' && record[col] === '')) continue;
      record[col] = record[col]!.toUpperCase();
      const message = countryIssue(record[col]!, record[nameColumn]);
      if (message) issues.push({ row, column: col, message });
    }
    if (record.edition !== edition) {
      issues.push({
        row,
        column: 'edition',
        message: `Edition ${clip(record.edition!)} differs from the edition being loaded (${edition})`,
      });
    }
    if (issues.length > before) continue;

    if (kind === 'us_tip') {
      const p = TipRowSchema.safeParse(record);
      if (!p.success) issues.push(...zodIssues(row, p.error));
      else tip.rows.push({ iso2: p.data.iso_alpha2, name: p.data.country_name, tier: p.data.tier });
    } else if (kind === 'gsi') {
      const p = GsiRowSchema.safeParse(record);
      if (!p.success) issues.push(...zodIssues(row, p.error));
      else
        gsi.rows.push({
          iso2: p.data.iso_alpha2,
          name: p.data.country_name,
          prevalencePer1000: p.data.prevalence_per_1000,
          vulnerability: p.data.vulnerability_score,
          governmentResponse: p.data.government_response_score,
        });
    } else {
      const p = IlabRowSchema.safeParse(record);
      if (!p.success) issues.push(...zodIssues(row, p.error));
      else ilab.rows.push(toIlabListing(p.data));
    }
    if (issues.length > before) continue;
    // One row per country (per country and good for ILAB), as the shipped files have.
    const iso2 = record.iso_alpha2!;
    // The published name, as parse.ts checks the shipped file (several names may share one matching key).
    const key = kind === 'ilab' ? `${iso2} ${record.good!.toLowerCase()}` : iso2;
    const first = firstRowOf.get(key);
    if (first !== undefined) {
      const what = kind === 'ilab' ? `${clip(record.good!)} for ${iso2}` : iso2;
      issues.push({
        row,
        column: kind === 'ilab' ? 'good' : 'iso_alpha2',
        message: `${what} is also on row ${first}`,
      });
    } else firstRowOf.set(key, row);
  }
  const content = kind === 'us_tip' ? tip : kind === 'gsi' ? gsi : ilab;
  return { content: issues.length === 0 ? content : null, rows: dataRows.length, issues };
};
