import type { Report } from '#shared/schemas/reports.js';
import { USER_ID } from './fixtures.js';

let counter = 0;
const nextId = () => {
  counter += 1;
  return `88888888-8888-4888-8888-${String(counter).padStart(12, '0')}`;
};

export const REPORT_SUPPLIER_ID = '55555555-5555-4555-8555-888888888888';

/** A register entry as GET /api/reports answers it: a ready supplier report, by default. */
export const makeReport = (overrides: Partial<Report> = {}): Report => {
  const id = overrides.id ?? nextId();
  return {
    id,
    registerNumber: `CS-2026-${String(counter).padStart(6, '0')}`,
    kind: 'supplier',
    title: 'Supplier assessment report: Dhaka Knitwear Ltd',
    parameters: { kind: 'supplier', supplierId: REPORT_SUPPLIER_ID },
    status: 'ready',
    jobId: null,
    progress: null,
    issuedAt: '2026-11-30T09:15:00.000Z',
    issuedBy: { id: USER_ID, name: 'Ada Admin' },
    sha256: 'a3f1c2d4e5b6978812345678901234567890abcdef1234567890abcdef123456',
    byteSize: 184_320,
    pageCount: 12,
    policyVersion: { id: '99999999-9999-4999-8999-000000000001', name: 'Default policy', version: 3 },
    auditHead: { seq: 1042, hash: 'f00dfeedbeef00112233445566778899aabbccddeeff00112233445566778899' },
    formats: ['pdf'],
    error: null,
    ...overrides,
  };
};
