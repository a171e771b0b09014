/** An open event stream tells the engine which symbols its viewer watches, until it closes. */
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { describe, expect, it, vi } from 'vitest';

import { openEventStream } from '../../../src-main/core/http/event-stream.js';
import { FakeEngine } from '../../mocks/fake-engine.js';

class QuietResponse extends EventEmitter {
  writeHead = vi.fn();
  end = vi.fn();
  write = vi.fn(() => true);
}

describe('openEventStream viewer interest', () => {
  it('watches the filtered symbols while open and releases them on close', () => {
    const engine = new FakeEngine();
    const res = new QuietResponse();
    openEventStream({ method: 'GET' } as IncomingMessage, res as unknown as ServerResponse, {
      engine,
      query: { sectors: ['Energy'], categories: [] },
      heartbeatMs: 60_000,
    });

    const whileOpen = [...engine.watched].map((symbols) => [...symbols]);
    res.emit('close');

    expect(whileOpen).toEqual([['XOM', 'CVX']]);
    expect(engine.watched.size).toBe(0);
  });
});
