/**
 * Serves the built renderer (dist/renderer) read-only: index.html for `/`, content types by
 * extension, long caching for Vite's hashed assets, and no way out of the directory.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';

import { createLogger } from '../log.js';
import { HttpError } from './errors.js';
import { sendText } from './responses.js';

const log = createLogger('http-static');

/** The page's Content-Security-Policy: only our own origin, inline styles for Chart/React. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "connect-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

const FALLBACK_CONTENT_TYPE = 'application/octet-stream';
const INDEX_FILE = 'index.html';
/** Vite puts content-hashed bundles here; their names change whenever their content does. */
const HASHED_ASSETS_PREFIX = '/assets/';
const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
const REVALIDATE_CACHE = 'no-cache';

export const NOT_BUILT_MESSAGE =
  'The web page has not been built yet. Run `npm run build:web` (or `npm run serve`, which ' +
  'builds it first), then reload this page.\n';

/** The content type for a file name, by extension. */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? FALLBACK_CONTENT_TYPE;
}

/**
 * Maps a URL path to a file path inside `root`, or throws a 403 HttpError when the decoded
 * path would leave it (`..`, encoded `%2f`, NUL bytes, backslashes).
 */
export function resolveStaticPath(root: string, urlPath: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    throw new HttpError(400, 'Malformed URL path.');
  }

  const segments = decoded.split('/');
  const unsafe =
    decoded.includes('\0') || decoded.includes('\\') || segments.some((s) => s === '..');
  if (unsafe) throw new HttpError(403, 'Path not allowed.');

  const relative = decoded.endsWith('/') ? `${decoded}${INDEX_FILE}` : decoded;
  const absolute = resolve(root, `.${relative}`);
  if (!absolute.startsWith(root + sep)) throw new HttpError(403, 'Path not allowed.');
  return absolute;
}

/** Serves the built renderer from one directory. */
export function createStaticHandler(staticDir: string | undefined) {
  const root = staticDir === undefined ? undefined : resolve(staticDir);

  return async (req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<void> => {
    const realRoot = root === undefined ? undefined : await realpathOrUndefined(root);
    const built = realRoot !== undefined && (await isFile(join(realRoot, INDEX_FILE)));
    if (realRoot === undefined || !built) {
      sendText(res, 503, NOT_BUILT_MESSAGE);
      return;
    }

    const requested = resolveStaticPath(realRoot, urlPath);
    // Symlinks inside the build could still point out of it: compare real paths.
    const real = await realpathOrUndefined(requested);
    if (real === undefined || !(await isFile(real))) throw new HttpError(404, 'Not found.');
    if (!real.startsWith(realRoot + sep)) throw new HttpError(403, 'Path not allowed.');

    await sendFile(req, res, real, urlPath);
  };
}

async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  filePath: string,
  urlPath: string,
): Promise<void> {
  const { size } = await stat(filePath);
  const type = contentTypeFor(filePath);
  const headers: Record<string, string | number> = {
    'Content-Type': type,
    'Content-Length': size,
    'Cache-Control': urlPath.startsWith(HASHED_ASSETS_PREFIX) ? IMMUTABLE_CACHE : REVALIDATE_CACHE,
  };
  if (type.startsWith('text/html')) headers['Content-Security-Policy'] = CONTENT_SECURITY_POLICY;

  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }

  const stream = createReadStream(filePath);
  stream.on('error', (error) => {
    log.error('serve static file: read failed', filePath, error);
    res.destroy();
  });
  stream.pipe(res);
}

async function realpathOrUndefined(path: string): Promise<string | undefined> {
  try {
    return await realpath(path);
  } catch {
    // Missing file or directory: the caller answers 404 or 503.
    return undefined;
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    // Missing or unreadable: not a file we can serve.
    return false;
  }
}
