// One implementation for the server's access log and the web client (shared/src/redact-url.ts).
export { redactSecretPaths } from '#shared/redact-url.js';
