/**
 * A minimal Server-Sent Events reader for tests: parses `event:`/`data:` blocks and comments
 * from a `node:http` response and hands them out in order, waiting with a timeout.
 */
import { type IncomingMessage, request as httpRequest } from 'node:http';

export interface SseMessage {
  /** Event name, or `comment` for `: …` lines. */
  event: string;
  data: string;
}

export interface SseClient {
  response: IncomingMessage;
  /** Resolves with the next message whose event is `event` (others are skipped). */
  next(event: string, timeoutMs?: number): Promise<SseMessage>;
  close(): void;
}

const DEFAULT_TIMEOUT_MS = 2_000;

function parseBlock(block: string): SseMessage | undefined {
  if (block.startsWith(':')) return { event: 'comment', data: block.slice(1).trim() };
  let event = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event: ')) event = line.slice('event: '.length);
    if (line.startsWith('data: ')) data.push(line.slice('data: '.length));
  }
  return data.length === 0 ? undefined : { event, data: data.join('\n') };
}

export function openSse(port: number, path: string): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        headers: { host: `127.0.0.1:${port}`, accept: 'text/event-stream' },
      },
      (response) => {
        const queue: SseMessage[] = [];
        let waiter: (() => void) | undefined;
        let buffer = '';

        response.setEncoding('utf8');
        response.on('data', (chunk: string) => {
          buffer += chunk;
          let end = buffer.indexOf('\n\n');
          while (end !== -1) {
            const message = parseBlock(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
            if (message) queue.push(message);
            end = buffer.indexOf('\n\n');
          }
          waiter?.();
        });

        const next = async (event: string, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<SseMessage> => {
          const deadline = Date.now() + timeoutMs;
          for (;;) {
            const index = queue.findIndex((m) => m.event === event);
            if (index !== -1) return queue.splice(0, index + 1).pop() as SseMessage;
            const left = deadline - Date.now();
            if (left <= 0) throw new Error(`no "${event}" event within ${timeoutMs} ms`);
            await new Promise<void>((wake) => {
              const timer = setTimeout(wake, left);
              waiter = () => {
                clearTimeout(timer);
                wake();
              };
            });
          }
        };

        resolve({ response, next, close: () => req.destroy() });
      },
    );
    req.on('error', reject);
    req.end();
  });
}
