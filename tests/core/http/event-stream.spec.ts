import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';

import { describe, expect, it, vi } from 'vitest';

import { openEventStream } from '../../../src-main/core/http/event-stream.js';
import { fakeChange, FakeEngine } from '../../mocks/fake-engine.js';

/** A response whose socket buffer is full whenever `full` is set. */
class FakeResponse extends EventEmitter {
  full = false;
  readonly chunks: string[] = [];
  writeHead = vi.fn();
  end = vi.fn();
  write = vi.fn((chunk: string) => {
    this.chunks.push(chunk);
    return !this.full;
  });

  eventsOf(type: string): string[] {
    return this.chunks.filter((chunk) => chunk.startsWith(`event: ${type}\n`));
  }
}

function open(engine: FakeEngine, res: FakeResponse): () => void {
  const req = { method: 'GET' } as IncomingMessage;
  return openEventStream(req, res as unknown as ServerResponse, {
    engine,
    query: { sectors: [], categories: [] },
    heartbeatMs: 60_000,
  });
}

describe('openEventStream backpressure', () => {
  it('drops change batches while the socket is full and sends a fresh snapshot on drain', () => {
    const engine = new FakeEngine();
    const res = new FakeResponse();
    open(engine, res);
    expect(res.eventsOf('snapshot')).toHaveLength(1);

    res.full = true;
    engine.emit([fakeChange('AAPL', 201)]); // written, and the write reports a full buffer
    engine.emit([fakeChange('AAPL', 202)]); // dropped
    engine.emit([fakeChange('AAPL', 203)]); // dropped
    expect(res.eventsOf('changes')).toHaveLength(1);

    res.full = false;
    res.emit('drain');
    expect(res.eventsOf('snapshot')).toHaveLength(2);

    engine.emit([fakeChange('AAPL', 204)]);
    expect(res.eventsOf('changes')).toHaveLength(2);
  });

  it('sends no snapshot on drain when no batch was dropped, so a large snapshot cannot loop', () => {
    const engine = new FakeEngine();
    const res = new FakeResponse();
    res.full = true; // the first snapshot alone fills the socket buffer
    open(engine, res);

    res.full = false;
    res.emit('drain');
    res.emit('drain');
    expect(res.eventsOf('snapshot')).toHaveLength(1);

    engine.emit([fakeChange('AAPL', 201)]);
    expect(res.eventsOf('changes')).toHaveLength(1);
  });

  it('stops writing and unsubscribes once the response closes', () => {
    const engine = new FakeEngine();
    const res = new FakeResponse();
    open(engine, res);

    res.emit('close');
    engine.emit([fakeChange('AAPL', 201)]);

    expect(engine.listeners.size).toBe(0);
    expect(res.eventsOf('changes')).toHaveLength(0);
  });

  it('ends the response when the server ends the stream', () => {
    const engine = new FakeEngine();
    const res = new FakeResponse();
    const end = open(engine, res);

    end();

    expect(res.end).toHaveBeenCalledOnce();
    expect(engine.listeners.size).toBe(0);
  });
});
