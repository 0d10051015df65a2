/** A small, strict option parser for the ML commands (`--name value` and `--flag`). */

/** Thrown on bad usage; the commands turn it into exit code 2. */
export class UsageError extends Error {}

/** Parses `args` against the known option names; flags take no value. */
export function parseArgs(args: string[], valued: string[], flags: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (!a.startsWith('--')) throw new UsageError(`unexpected argument: ${a}`);
    const eq = a.indexOf('=');
    const name = a.slice(2, eq > 0 ? eq : undefined);
    if (flags.includes(name)) {
      if (eq > 0) throw new UsageError(`--${name} takes no value`);
      out[name] = true;
    } else if (valued.includes(name)) {
      const v = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (v === undefined || v === '') throw new UsageError(`--${name} needs a value`);
      out[name] = v;
    } else throw new UsageError(`unknown option: --${name}`);
  }
  return out;
}

/** An integer option within bounds. */
export function intOption(v: string | true | undefined, name: string, dflt: number, min: number, max: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isInteger(n) || n < min || n > max) throw new UsageError(`--${name} must be an integer in ${min}..${max}`);
  return n;
}
