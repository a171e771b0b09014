/**
 * The answer to requests node:http refuses before any handler runs: written to the raw socket
 * as a short JSON error with our security headers, then the connection is closed.
 */
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

import { BASE_SECURITY_HEADERS } from './responses.js';

/** Statuses for requests node:http refuses before our handler runs (its parser's codes). */
const CLIENT_ERROR_STATUS: Readonly<Record<string, [number, string]>> = {
  HPE_HEADER_OVERFLOW: [431, 'Request headers (or the URL) too large.'],
  HPE_INVALID_METHOD: [400, 'Unknown HTTP method.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request timed out.'],
};

/**
 * Answers a request node:http could not parse (unknown method, oversized URL or headers) with
 * our short JSON error instead of Node's empty-bodied one (server 'clientError' event). There
 * is no response object yet, so the answer is written to the socket by hand and it is closed.
 */
export function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  // A reset or an already answered socket has no one left to read the answer. HACK:
  // `_httpMessage` is node:http's private "response in progress" field; its own default
  // clientError handler checks it the same way (lib/_http_server.js, socketOnError).
  if (
    error.code === 'ECONNRESET' ||
    !socket.writable ||
    (socket as { _httpMessage?: unknown })._httpMessage
  ) {
    socket.destroy();
    return;
  }
  const [status, message] = CLIENT_ERROR_STATUS[error.code ?? ''] ?? [400, 'Bad request.'];
  const body = JSON.stringify({ error: message });
  const headers = [
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}`,
    'Content-Type: application/json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Cache-Control: no-store',
    ...Object.entries(BASE_SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}`),
    'Connection: close',
  ];
  socket.end(`${headers.join('\r\n')}\r\n\r\n${body}`);
}
