import { type Role, roleAtLeast } from '#shared/roles.js';

// What each role may see in the dashboard. The server enforces the same rules (403 forbidden); these only
// keep people from being offered actions they cannot take.
export const canManageUsers = (role: Role): boolean => role === 'admin';
export const canManageApiKeys = (role: Role): boolean => role === 'admin';
export const canReadAuditLog = (role: Role): boolean => roleAtLeast(role, 'officer');
