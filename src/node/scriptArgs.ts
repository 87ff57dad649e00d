/**
 * Command lines of the bench and soak scripts, on the shared parser
 * (cliArgs.ts): each script declares its options once; `--help`
 * lists them with their defaults, and a bad argument prints one line and
 * exits with code 2.
 */
import { choiceValue, formatHelp, numberValue, parseCommandLine, UsageError, type CommandSpec, type ParsedArgs } from './cliArgs.ts';

export type BenchValues = ParsedArgs['values'];

let usage = 'npm run <script> --';

/** Runs `read`; a `UsageError` prints one line and a pointer to `--help`, then exits with code 2. */
function orExit<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${usage.replace(/^npm run | --$/g, '')}: ${error.message}\nrun "${usage} --help" for the options`);
    return process.exit(2);
  }
}

/** Parses `process.argv` against `spec`; prints help and exits 0, or exits 2 on a bad argument. */
export function benchArgs(spec: CommandSpec, argv: readonly string[] = process.argv.slice(2)): BenchValues {
  usage = spec.usage;
  const parsed = orExit(() => parseCommandLine(spec, argv));
  if (parsed === 'help') {
    process.stdout.write(formatHelp(spec));
    process.exit(0);
  }
  return parsed.values;
}

/** A positive integer option (its declared default applies when absent). */
export function intValue(values: BenchValues, name: string): number {
  return orExit(() => numberValue(name, String(values[name]), 1, Number.MAX_SAFE_INTEGER, true));
}

/** A comma-separated list whose items must be in `allowed` (all of them when the option is absent). */
export function listValue<T extends string>(values: BenchValues, name: string, allowed: readonly T[]): T[] {
  const raw = values[name];
  return typeof raw === 'string' ? orExit(() => raw.split(',').map((item) => choiceValue(name, item, allowed))) : [...allowed];
}

/** A value that must be one of `allowed` (its declared default applies when absent). */
export function choiceOption<T extends string>(values: BenchValues, name: string, allowed: readonly T[]): T {
  return orExit(() => choiceValue(name, String(values[name]), allowed));
}
