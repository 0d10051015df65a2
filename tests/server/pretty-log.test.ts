// Issue 8 item 6: human log lines on a terminal, JSON elsewhere.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { prettyLine, prettyStream } from '../../src/server/pretty-log.js';

describe('pretty log lines', () => {
  it('turns a pino JSON line into "time LEVEL message key=value"', () => {
    const line = JSON.stringify({ level: 50, time: Date.UTC(2026, 0, 1, 3, 4, 5), pid: 1, hostname: 'h', msg: 'audit failed', audit: 'abc', err: { m: 'x' } });
    const out = prettyLine(line);
    expect(out).toMatch(/^\d{2}:\d{2}:\d{2} ERROR audit failed audit=abc err=\{"m":"x"\}$/);
    expect(out).not.toContain('hostname');
    expect(prettyLine('not json')).toBe('not json');
  });
  it('streams whole lines across chunk boundaries', async () => {
    const sink = new PassThrough();
    let got = '';
    sink.on('data', (d) => (got += d));
    const s = prettyStream(sink);
    const a = JSON.stringify({ level: 30, time: 0, msg: 'one' });
    s.write(`${a.slice(0, 5)}`);
    s.write(`${a.slice(5)}\n${JSON.stringify({ level: 40, time: 0, msg: 'two' })}\n`);
    await new Promise((r) => setImmediate(r));
    expect(
      got
        .split('\n')
        .filter(Boolean)
        .map((l) => l.slice(9)),
    ).toEqual(['INFO  one', 'WARN  two']);
  });
});
