import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadReferenceData, loadReportingCriteria, REFERENCE_DATA_DIR } from './load-node.js';
import { statementLaw } from './reporting-criteria.js';

describe('the shipped manifest', () => {
  it('records the SHA-256 of every dataset file, and the files match it', () => {
    const { datasets } = loadReferenceData();
    expect(datasets.length).toBeGreaterThan(0);
    for (const d of datasets) {
      const actual = createHash('sha256')
        .update(readFileSync(`${REFERENCE_DATA_DIR}${d.file}`))
        .digest('hex');
      expect(d.sha256, d.file).toBe(actual);
    }
  });
});

describe('the shipped reporting criteria', () => {
  const manifest = JSON.parse(readFileSync(`${REFERENCE_DATA_DIR}manifest.json`, 'utf8'));

  it('match the SHA-256 the manifest records for them', () => {
    const entry = manifest.reportingCriteria;
    const actual = createHash('sha256')
      .update(readFileSync(`${REFERENCE_DATA_DIR}${entry.file}`))
      .digest('hex');
    expect(entry.sha256).toBe(actual);
  });

  it('give each statement framework its law, criteria in the law’s order', () => {
    const file = loadReportingCriteria();
    expect(statementLaw(file, 'uk').criteria.map((c) => c.citation)).toEqual([
      's.54(5)(a)',
      's.54(5)(b)',
      's.54(5)(c)',
      's.54(5)(d)',
      's.54(5)(e)',
      's.54(5)(f)',
    ]);
    expect(statementLaw(file, 'au').criteria).toHaveLength(7);
    expect(statementLaw(file, 'ca').criteria.map((c) => c.citation)[0]).toBe('s.11(1)');
    expect(statementLaw(file, 'ca').criteria).toHaveLength(8);
  });
});
