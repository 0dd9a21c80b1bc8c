import { describe, expect, it } from 'vitest';
import { deriveOperationId, singular } from './docs-operation-id.js';

describe('deriveOperationId', () => {
  it.each([
    ['get', '/api/suppliers', 'listSuppliers'],
    ['post', '/api/suppliers', 'createSupplier'],
    ['get', '/api/suppliers/{id}', 'getSupplier'],
    ['patch', '/api/suppliers/{id}', 'updateSupplier'],
    ['put', '/api/suppliers/{id}', 'replaceSupplier'],
    ['delete', '/api/suppliers/{id}', 'deleteSupplier'],
    ['post', '/api/suppliers/{id}/restore', 'restoreSupplier'],
    ['post', '/api/suppliers/{id}/assess', 'assessSupplier'],
    ['get', '/api/suppliers/{id}/tree', 'getSupplierTree'],
    ['get', '/api/suppliers/{id}/assessments', 'listSupplierAssessments'],
    ['post', '/api/suppliers/import/preview', 'previewSuppliersImport'],
    ['get', '/api/suppliers/export.csv', 'getSuppliersExportCsv'],
    ['post', '/api/policies/{id}/what-if', 'whatIfPolicy'],
    ['get', '/api/reference-data', 'getReferenceData'],
    ['get', '/api/reference-data/countries/{iso2}', 'getReferenceDataCountry'],
    ['get', '/api/api-keys', 'listApiKeys'],
    ['delete', '/api/api-keys/{id}', 'deleteApiKey'],
    ['get', '/api/audit-events', 'listAuditEvents'],
    ['post', '/api/audit-events/checkpoints', 'createAuditEventsCheckpoint'],
    ['get', '/api/health', 'getHealth'],
    ['get', '/api/me', 'getMe'],
    ['put', '/api/me/password', 'replaceMePassword'],
    ['get', '/api/', 'getRoot'],
    // Fastify's own form of a path parameter gives the same name as OpenAPI's.
    ['GET', '/api/jobs/:id', 'getJob'],
  ])('%s %s → %s', (method, path, id) => {
    expect(deriveOperationId(method, path)).toBe(id);
  });
});

describe('singular', () => {
  it.each([
    ['suppliers', 'supplier'],
    ['policies', 'policy'],
    ['countries', 'country'],
    ['keys', 'key'],
    ['addresses', 'address'],
    ['boxes', 'box'],
    ['status', 'status'],
    ['analysis', 'analysis'],
    ['assess', 'assess'],
    ['data', 'data'],
  ])('%s → %s', (plural, one) => {
    expect(singular(plural)).toBe(one);
  });
});
