// Node-only (reads files): the dashboard gets reference data from the API and never imports this module.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseReferenceData } from './parse.js';
import { type ReportingCriteriaFile, ReportingCriteriaFileSchema } from './reporting-criteria.js';
import type { ReferenceData } from './types.js';

/** shared/reference-data, found from this file so it works from any working directory. */
export const REFERENCE_DATA_DIR = fileURLToPath(new URL('../../../reference-data/', import.meta.url));

let cached: ReferenceData | undefined;

/** The shipped reference data, parsed once per process (the same object every call, so indexes are reused). */
export const loadReferenceData = (): ReferenceData => {
  if (cached) return cached;
  const read = (file: string) => readFileSync(`${REFERENCE_DATA_DIR}${file}`, 'utf8');
  cached = parseReferenceData({
    manifest: JSON.parse(read('manifest.json')),
    tipCsv: read('us-tip-tiers.csv'),
    gsiCsv: read('global-slavery-index.csv'),
    ilabCsv: read('ilab-goods.csv'),
    iloJson: JSON.parse(read('ilo-forced-labour-indicators.json')),
  });
  return cached;
};

let criteria: ReportingCriteriaFile | undefined;

/** The shipped reporting-criteria.json (statement drafts), parsed once per process. */
export const loadReportingCriteria = (): ReportingCriteriaFile => {
  criteria ??= ReportingCriteriaFileSchema.parse(
    JSON.parse(readFileSync(`${REFERENCE_DATA_DIR}reporting-criteria.json`, 'utf8')),
  );
  return criteria;
};
