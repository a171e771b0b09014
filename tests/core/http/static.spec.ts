import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { resolveStaticPath } from '../../../src-main/core/http/static-files.js';
import { send, startTestServer, type TestServer } from './helpers.js';

const INDEX_HTML =
  '<!doctype html><title>Heatmap</title>' +
  '<script type="module" src="./assets/app-1a2b.js"></script>';
const APP_JS = 'console.log("app");';

let root: string;
let staticDir: string;
let server: TestServer | undefined;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'heatmap-static-'));
  staticDir = join(root, 'renderer');
  await mkdir(join(staticDir, 'assets'), { recursive: true });
  await writeFile(join(staticDir, 'index.html'), INDEX_HTML);
  await writeFile(join(staticDir, 'assets', 'app-1a2b.js'), APP_JS);
  await writeFile(join(staticDir, 'assets', 'app-1a2b.css'), 'body{}');
  await writeFile(join(staticDir, 'favicon.svg'), '<svg/>');
  // A file next to the served directory that traversal must never reach.
  await writeFile(join(root, 'secret.txt'), 'top secret');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function serve(dir: string | undefined): Promise<TestServer> {
  server = await startTestServer(dir === undefined ? {} : { staticDir: dir });
  return server;
}

describe('static renderer', () => {
  it('serves index.html for / with a CSP and revalidation', async () => {
    const { port } = await serve(staticDir);
    const res = await send(port, '/');

    expect(res.status).toBe(200);
    expect(res.text).toBe(INDEX_HTML);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(res.headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(res.headers['content-security-policy']).toContain("img-src 'self' data: blob:");
  });

  it('serves hashed assets with their content type and long caching', async () => {
    const { port } = await serve(staticDir);

    const js = await send(port, '/assets/app-1a2b.js');
    expect(js.status).toBe(200);
    expect(js.text).toBe(APP_JS);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');

    const css = await send(port, '/assets/app-1a2b.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');

    const svg = await send(port, '/favicon.svg?v=1');
    expect(svg.headers['content-type']).toBe('image/svg+xml');
    expect(svg.headers['cache-control']).toBe('no-cache');
  });

  it('answers HEAD with headers only', async () => {
    const { port } = await serve(staticDir);
    const res = await send(port, '/', { method: 'HEAD' });

    expect(res.status).toBe(200);
    expect(res.headers['content-length']).toBe(String(INDEX_HTML.length));
    expect(res.text).toBe('');
  });

  it('answers 404 JSON for a missing file or a directory', async () => {
    const { port } = await serve(staticDir);

    for (const path of ['/missing.js', '/assets']) {
      const res = await send(port, path);
      expect(res.status, path).toBe(404);
      expect(res.json(), path).toEqual({ error: 'Not found.' });
    }
  });

  it('refuses directory traversal, plain or encoded', async () => {
    const { port } = await serve(staticDir);

    for (const path of [
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets%2f..%2f..%2fsecret.txt',
    ]) {
      const res = await send(port, path);
      expect(res.status, path).toBe(403);
      expect(res.text, path).not.toContain('top secret');
    }
    // A literal `..` is resolved by the URL parser and stays inside the root.
    const literal = await send(port, '/../secret.txt');
    expect(literal.text).not.toContain('top secret');
  });

  it('answers 503 with a build hint when the renderer has not been built', async () => {
    const { port } = await serve(join(root, 'not-built'));
    const res = await send(port, '/');

    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.text).toContain('npm run build:web');
  });

  it('answers 503 when no static directory is configured', async () => {
    const { port } = await serve(undefined);

    expect((await send(port, '/')).status).toBe(503);
  });
});

describe('resolveStaticPath', () => {
  it('maps / to index.html inside the root', () => {
    expect(resolveStaticPath('/srv/app', '/')).toBe('/srv/app/index.html');
  });

  it('throws 403 for NUL bytes and encoded parent segments', () => {
    expect(() => resolveStaticPath('/srv/app', '/a%00.js')).toThrow('Path not allowed.');
    const parentEncoded = '/a/%2e%2e/%2e%2e/etc';
    expect(() => resolveStaticPath('/srv/app', parentEncoded)).toThrow('Path not allowed.');
  });

  it('throws 400 for a malformed escape', () => {
    expect(() => resolveStaticPath('/srv/app', '/%E0%A4%A')).toThrow('Malformed URL path.');
  });
});
