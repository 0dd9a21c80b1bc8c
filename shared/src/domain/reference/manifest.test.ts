import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadReferenceData, REFERENCE_DATA_DIR } from './load-node.js';

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
