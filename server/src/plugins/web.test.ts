import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/db.js';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import type { Database } from '../db/client.js';

// A dashboard build as vite writes it: hashed assets with their .br/.gz twins and a hidden source map.
const SCRIPT = `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ i, name: `supplier ${i}` })))};\n`;
const distDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cs-web-'));
const assets = path.join(distDir, 'assets');
fs.mkdirSync(assets);
fs.writeFileSync(path.join(distDir, 'index.html'), '<!doctype html><div id="root"></div>');
fs.writeFileSync(path.join(distDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
fs.writeFileSync(path.join(assets, 'index-abc123.js'), SCRIPT);
fs.writeFileSync(path.join(assets, 'index-abc123.js.gz'), zlib.gzipSync(SCRIPT));
fs.writeFileSync(path.join(assets, 'index-abc123.js.br'), zlib.brotliCompressSync(SCRIPT));
fs.writeFileSync(path.join(assets, 'index-abc123.js.map'), '{"version":3,"sources":["secret.tsx"]}');

let app: FastifyInstance;
let database: Database;

beforeAll(async () => {
  database = await openTestDb();
  const config = { ...loadConfig({ DATA_DIR: os.tmpdir(), LOG_LEVEL: 'silent' }), webDistDir: distDir };
  app = await buildApp({ config, database, serveWeb: true, logger: false });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await database?.close();
  fs.rmSync(distDir, { recursive: true, force: true });
});

const get = (url: string, encoding?: string) =>
  app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });

describe('the dashboard build as served', () => {
  it('sends a script as its brotli twin to a browser that accepts br, cached for a year', async () => {
    const res = await get('/assets/index-abc123.js', 'gzip, deflate, br');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers.vary).toMatch(/accept-encoding/i);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(zlib.brotliDecompressSync(res.rawPayload).toString()).toBe(SCRIPT);
  });

  it('sends the gzip twin to a client that only accepts gzip, and the plain file to one that accepts neither', async () => {
    const gzip = await get('/assets/index-abc123.js', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(zlib.gunzipSync(gzip.rawPayload).toString()).toBe(SCRIPT);

    const plain = await get('/assets/index-abc123.js');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it('never serves a source map, nor the page in place of a missing asset', async () => {
    for (const url of ['/assets/index-abc123.js.map', '/assets/index-gone99.js']) {
      const res = await get(url, 'gzip, br');
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe('not_found');
      expect(res.body).not.toContain('secret.tsx');
    }
  });

  it('serves the files of a dashboard rebuilt while the server runs, and the favicon', async () => {
    fs.writeFileSync(path.join(assets, 'index-new456.js'), 'export {};\n');
    const rebuilt = await get('/assets/index-new456.js');
    expect(rebuilt.statusCode).toBe(200);
    expect(rebuilt.body).toBe('export {};\n');

    const favicon = await get('/favicon.svg');
    expect(favicon.statusCode).toBe(200);
    expect(favicon.headers['content-type']).toMatch(/svg/);
  });

  it('serves the supplier portal page for a link, and tells the browser never to pass its address on', async () => {
    const res = await get('/portal/abcDEF123-secret-link-0123456789');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
  });

  it('still answers client routes with the page', async () => {
    const res = await get('/suppliers/new');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.headers['cache-control']).toBe('no-cache');
  });
});

describe('API answers', () => {
  it('are compressed for a client that asks, and plain for one that does not', async () => {
    const plain = await get('/api/openapi.json');
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();

    const res = await get('/api/openapi.json', 'gzip');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    const body = zlib.gunzipSync(res.rawPayload).toString();
    expect(body).toBe(plain.body);
    expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
  });
});
