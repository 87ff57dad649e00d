/** Tiny command-line readers shared by the bench scripts (`--name value`). */

export function stringArg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
}

/** A positive integer option; throws naming the option and the bad value. */
export function intArg(name: string, fallback: number): number {
  const raw = stringArg(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} is ${raw}; expected an integer >= 1`);
  return value;
}

/** A comma-separated list whose items must be in `allowed` (all of them by default). */
export function listArg<T extends string>(name: string, allowed: readonly T[]): T[] {
  const raw = stringArg(name);
  const list = raw === undefined ? [...allowed] : raw.split(',');
  for (const b of list)
    if (!(allowed as readonly string[]).includes(b)) throw new Error(`${name} has "${b}"; allowed: ${allowed.join(', ')}`);
  return list as T[];
}
