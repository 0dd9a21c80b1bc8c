import { describe, expect, it } from 'vitest';
import { redactSecretPaths } from './redact-url.js';

describe('redactSecretPaths', () => {
  it.each([
    ['/api/portal/abcDEF_123-xyz', '/api/portal/[redacted]'],
    ['/api/portal/abc/answers/q1?x=1', '/api/portal/[redacted]/answers/q1?x=1'],
    ['/portal/abc', '/portal/[redacted]'],
    ['/api/suppliers/123', '/api/suppliers/123'],
  ])('%s → %s', (url, expected) => {
    expect(redactSecretPaths(url)).toBe(expected);
  });
});
