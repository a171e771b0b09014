/**
 * Test helpers: start the HTTP layer on a random loopback port against a fake engine, and
 * make raw requests with `node:http` (fetch may not set the Host header the guards check).
 */
import { type IncomingHttpHeaders, request as httpRequest } from 'node:http';

import { createHttpServer, type HttpServerOptions } from '../../../src-main/core/http/server.js';
import { FakeEngine } from '../../mocks/fake-engine.js';

export interface TestServer {
  engine: FakeEngine;
  port: number;
  stop(): Promise<void>;
}

export async function startTestServer(
  options: Partial<Omit<HttpServerOptions, 'engine' | 'port'>> = {},
): Promise<TestServer> {
  const engine = new FakeEngine();
  const server = createHttpServer({ engine, port: 0, ...options });
  const port = await server.start();
  return { engine, port, stop: () => server.stop() };
}

export interface TestResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json<T = unknown>(): T;
}

export interface TestRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** One request to 127.0.0.1:`port`; Host defaults to the server's own. */
export function send(port: number, path: string, init: TestRequest = {}): Promise<TestResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: init.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...init.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text,
            json: <T>() => JSON.parse(text) as T,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}
