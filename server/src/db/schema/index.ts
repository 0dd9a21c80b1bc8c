export * from './api-keys.js';
export * from './audit.js';
export * from './orgs.js';
export * from './policy-approvals.js';
export * from './rate-limits.js';
export * from './scoring.js';
export * from './suppliers.js';
export * from './users.js';
