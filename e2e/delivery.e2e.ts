import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { baseUrl } from './support/browser.js';
import { chromiumAvailable } from './support/chromium.js';

const ASSETS = path.join(fileURLToPath(new URL('..', import.meta.url)), 'dist/web/assets');

// The real build, as the real server sends it (the server's own test covers the plugin on a made-up build).
describe.skipIf(!chromiumAvailable)('the built dashboard as delivered', () => {
  it('is split into chunks, sent compressed to a browser that accepts it, and never with its source maps', async () => {
    const page = await (await fetch(`${baseUrl()}/`)).text();
    const entry = page.match(/src="(\/assets\/[^"]+\.js)"/)?.[1];
    expect(entry).toBeDefined();

    // fetch() asks for br and gzip and decodes the answer; the header says what was sent.
    const script = await fetch(`${baseUrl()}${entry}`);
    expect(script.status).toBe(200);
    expect(['br', 'gzip']).toContain(script.headers.get('content-encoding'));

    const maps = fs.readdirSync(ASSETS).filter((file) => file.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(0);
    for (const map of maps.slice(0, 3)) {
      expect((await fetch(`${baseUrl()}/assets/${map}`)).status, map).toBe(404);
    }
    expect(fs.readdirSync(ASSETS).filter((file) => file.endsWith('.js')).length).toBeGreaterThan(10);
  });
});
