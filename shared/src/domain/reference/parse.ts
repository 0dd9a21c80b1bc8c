import { z } from 'zod';
import { isCountryCode } from '../../countries.js';
import { normaliseGood } from './goods.js';
import {
  type CountryFacts,
  type DatasetInfo,
  DatasetInfoSchema,
  type DatasetKind,
  ILAB_BASES,
  type IlabListing,
  type IloIndicator,
  IloIndicatorSchema,
  type ReferenceData,
  TIP_TIERS,
} from './types.js';

export interface ReferenceFiles {
  /** manifest.json, parsed. */
  manifest: unknown;
  tipCsv: string;
  gsiCsv: string;
  ilabCsv: string;
  /** ilo-forced-labour-indicators.json, parsed. */
  iloJson: unknown;
}

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF): enough for our own files. Returns rows of cells. */
export const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  if (quoted) throw new Error('unterminated quoted field');
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
};

const describeIssues = (error: z.ZodError): string =>
  error.issues.map((i) => `${i.path.join('.') || '(row)'}: ${i.message}`).join('; ');

/** Parse a CSV file into validated records; errors name the file, the line and the column. */
const readCsv = <T extends z.ZodType>(file: string, text: string, schema: T): z.infer<T>[] => {
  let rows: string[][];
  try {
    rows = parseCsv(text);
  } catch (e) {
    throw new Error(`Reference data ${file}: ${(e as Error).message}`);
  }
  const header = rows[0];
  if (!header) throw new Error(`Reference data ${file}: the file is empty`);
  const out: z.infer<T>[] = [];
  for (let r = 1; r < rows.length; r++) {
    const cells = rows[r]!;
    if (cells.length === 1 && cells[0] === '') continue;
    if (cells.length !== header.length) {
      throw new Error(
        `Reference data ${file} line ${r + 1}: ${cells.length} cells, the header has ${header.length}`,
      );
    }
    const record = Object.fromEntries(header.map((h, c) => [h, cells[c]]));
    const parsed = schema.safeParse(record);
    if (!parsed.success)
      throw new Error(`Reference data ${file} line ${r + 1}: ${describeIssues(parsed.error)}`);
    out.push(parsed.data);
  }
  return out;
};

const iso2 = z.string().refine(isCountryCode, 'not an ISO 3166-1 alpha-2 code (or XK)');
const edition = z.string().regex(/^\d{4}$/, 'expected a four-digit edition year');
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');
const optionalNumber = (min: number, max: number) =>
  z.union([z.literal('').transform(() => null), z.coerce.number().min(min).max(max)]);

export const TipRowSchema = z.object({
  iso_alpha2: iso2,
  country_name: z.string().min(1).max(100),
  tier: z.enum(TIP_TIERS),
  edition,
});

export const GsiRowSchema = z.object({
  iso_alpha2: iso2,
  country_name: z.string().min(1).max(100),
  prevalence_per_1000: optionalNumber(0, 1000),
  vulnerability_score: optionalNumber(0, 100),
  government_response_score: optionalNumber(-100, 100),
});

export const IlabRowSchema = z
  .object({
    iso_alpha2: iso2,
    good: z.string().min(1).max(100),
    sector: z.string().min(1).max(50),
    child_labor: bool,
    forced_labor: bool,
    forced_child_labor: bool,
    listing_basis: z.enum(ILAB_BASES),
    input_country_iso_alpha2: z.union([z.literal('').transform(() => null), iso2]),
    edition,
    removed_in_2024_edition: z.enum(['', 'true', 'false']).transform((v) => v === 'true'),
    notes: z.string().max(1000),
  })
  .refine((r) => r.listing_basis !== 'direct' || r.child_labor || r.forced_labor || r.forced_child_labor, {
    message: 'a direct listing must be for child labour, forced labour or forced child labour',
    path: ['listing_basis'],
  });

const ManifestSchema = z.object({ datasets: z.array(DatasetInfoSchema).min(1).max(50) });
const IloFileSchema = z.object({ indicators: z.array(IloIndicatorSchema).min(1).max(50) });

const parseJson = <T extends z.ZodType>(file: string, value: unknown, schema: T): z.infer<T> => {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new Error(`Reference data ${file}: ${describeIssues(parsed.error)}`);
  return parsed.data;
};

const checkUnique = (file: string, keys: string[]): void => {
  const seen = new Set<string>();
  for (const k of keys) {
    if (seen.has(k)) throw new Error(`Reference data ${file}: duplicate row for ${k}`);
    seen.add(k);
  }
};

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export type IlabRow = z.infer<typeof IlabRowSchema>;

/** One row of the ILAB file as the engine reads it (shipped file and loaded editions alike). */
export const toIlabListing = (r: IlabRow): IlabListing => ({
  iso2: r.iso_alpha2,
  good: r.good,
  goodKey: normaliseGood(r.good),
  sector: r.sector,
  childLabor: r.child_labor,
  forcedLabor: r.forced_labor,
  forcedChildLabor: r.forced_child_labor,
  basis: r.listing_basis,
  inputIso2: r.input_country_iso_alpha2,
  edition: r.edition,
  removedIn2024Edition: r.removed_in_2024_edition,
  note: r.notes === '' ? null : r.notes,
});

/** The reference order of ILAB rows: country code, then good key, then published name. */
export const sortListings = (listings: IlabListing[]): IlabListing[] =>
  listings.sort(
    (a, b) => compare(a.iso2, b.iso2) || compare(a.goodKey, b.goodKey) || compare(a.good, b.good),
  );

/**
 * Build the reference data from the shipped files (pure: the caller reads them). Throws an Error naming the
 * file, line and column at the first malformed row, and when a file's row count disagrees with the manifest.
 */
export const parseReferenceData = (files: ReferenceFiles): ReferenceData => {
  const manifest = parseJson('manifest.json', files.manifest, ManifestSchema);
  const byKind = new Map<DatasetKind, DatasetInfo>();
  for (const d of manifest.datasets) {
    if (byKind.has(d.kind)) throw new Error(`Reference data manifest.json: two datasets of kind ${d.kind}`);
    byKind.set(d.kind, d);
  }
  const dataset = (kind: DatasetKind, rows: number): DatasetInfo => {
    const d = byKind.get(kind);
    if (!d) throw new Error(`Reference data manifest.json: no dataset of kind ${kind}`);
    if (d.rows !== rows)
      throw new Error(`Reference data ${d.file}: ${rows} rows, the manifest says ${d.rows}`);
    return d;
  };

  const tip = readCsv('us-tip-tiers.csv', files.tipCsv, TipRowSchema);
  const gsi = readCsv('global-slavery-index.csv', files.gsiCsv, GsiRowSchema);
  const ilab = readCsv('ilab-goods.csv', files.ilabCsv, IlabRowSchema);
  const ilo = parseJson('ilo-forced-labour-indicators.json', files.iloJson, IloFileSchema).indicators;
  checkUnique(
    'us-tip-tiers.csv',
    tip.map((r) => r.iso_alpha2),
  );
  checkUnique(
    'global-slavery-index.csv',
    gsi.map((r) => r.iso_alpha2),
  );
  checkUnique(
    'ilab-goods.csv',
    ilab.map((r) => `${r.iso_alpha2} ${r.good}`),
  );
  checkUnique(
    'ilo-forced-labour-indicators.json',
    ilo.map((r) => r.key),
  );
  dataset('us_tip', tip.length);
  const gsiInfo = dataset('gsi', gsi.length);
  dataset('ilab', ilab.length);
  dataset('ilo_indicators', ilo.length);

  const tipByIso = new Map(tip.map((r) => [r.iso_alpha2, r]));
  const gsiByIso = new Map(gsi.map((r) => [r.iso_alpha2, r]));
  const codes = [...new Set([...tipByIso.keys(), ...gsiByIso.keys()])].sort(compare);
  const countries: Record<string, CountryFacts> = {};
  for (const code of codes) {
    const t = tipByIso.get(code);
    const g = gsiByIso.get(code);
    countries[code] = {
      iso2: code,
      name: g?.country_name ?? t?.country_name ?? code,
      tip: t ? { tier: t.tier, edition: t.edition } : null,
      gsi: g
        ? {
            prevalencePer1000: g.prevalence_per_1000,
            vulnerability: g.vulnerability_score,
            governmentResponse: g.government_response_score,
            edition: gsiInfo.edition,
          }
        : null,
    };
  }

  const listings = sortListings(ilab.map(toIlabListing));

  const iloIndicators: IloIndicator[] = ilo.map(({ id, key, name, description }) => ({
    id,
    key,
    name,
    description,
  }));
  const datasets = [...manifest.datasets].sort((a, b) => compare(a.id, b.id));
  return { datasets, countries, ilab: listings, iloIndicators };
};
