/**
 * Human log lines for a terminal (issue 8): `bijak serve` on a TTY writes "10:42:07 INFO  message key=value" instead
 * of pino's JSON, so the logs do not drown the banner; elsewhere (files, journald, containers) logs stay JSON lines.
 * A few lines rather than pino-pretty: the server needs only this one format and no transport worker.
 */
import { Writable } from 'node:stream';

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
const SKIP = new Set(['level', 'time', 'pid', 'hostname', 'msg', 'v']);

/** One JSON log line as a human line (the line itself when it is not JSON). */
export function prettyLine(line: string): string {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return line;
  }
  const time = typeof o.time === 'number' ? new Date(o.time).toTimeString().slice(0, 8) : '';
  const level = LEVELS[Number(o.level)] ?? String(o.level ?? '');
  const extra = Object.entries(o)
    .filter(([k]) => !SKIP.has(k))
    .map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
    .join(' ');
  return `${time} ${level} ${String(o.msg ?? '')}${extra ? ` ${extra}` : ''}`;
}

/** A stream for the Fastify/pino logger that writes pretty lines to `out`. */
export function prettyStream(out: NodeJS.WritableStream): Writable {
  let buf = '';
  return new Writable({
    write(chunk, _enc, done) {
      buf += String(chunk);
      let i = buf.indexOf('\n');
      while (i >= 0) {
        out.write(`${prettyLine(buf.slice(0, i))}\n`);
        buf = buf.slice(i + 1);
        i = buf.indexOf('\n');
      }
      done();
    },
  });
}
