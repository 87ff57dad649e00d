/**
 * Node-only: the one command-line parser of the CLIs and bench scripts, on
 * `util.parseArgs`. A command declares its options once (type, default,
 * description); `--help` is generated from that list, with every default.
 * Bad arguments become a `UsageError`: `runCommand` prints its message and
 * a pointer to `--help` and exits with code 2; any other failure prints one
 * line (no stack trace) and exits with code 1.
 */
import { parseArgs } from 'node:util';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** One line for `--help`. */
  readonly description: string;
  /** Default shown in `--help` and returned when the option is absent (strings only). */
  readonly default?: string;
  /** Placeholder for the value in `--help`, e.g. `file` (string options). */
  readonly value?: string;
  readonly short?: string;
}

export interface CommandSpec {
  /** How to run it, e.g. `npm run track --`. */
  readonly usage: string;
  /** Positional arguments in `--help`, e.g. `<video|sequence-dir>`; none when omitted. */
  readonly positionals?: string;
  /** What the command does (a line or two). */
  readonly summary: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
}

export interface ParsedArgs {
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  readonly positionals: readonly string[];
}

/** A bad command line: wrong option, missing or malformed value. Exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const HELP: OptionSpec = { type: 'boolean', short: 'h', description: 'show this help and exit' };

/** The `--help` text: usage line, summary, then every option with its default. */
export function formatHelp(spec: CommandSpec): string {
  const options = { ...spec.options, help: HELP };
  const rows = Object.entries(options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` <${o.value ?? 'value'}>` : ''}`;
    const def = o.default !== undefined ? ` (default: ${o.default})` : '';
    return [flag, `${o.description}${def}`] as const;
  });
  const width = Math.max(...rows.map(([f]) => f.length));
  const lines = rows.map(([f, d]) => `  ${f.padEnd(width)}  ${d}`);
  return `usage: ${spec.usage} ${spec.positionals ? `${spec.positionals} ` : ''}[options]\n\n${spec.summary}\n\noptions:\n${lines.join('\n')}\n`;
}

/** Parses `argv` strictly against `spec`; 'help' when `--help` is given. Throws `UsageError`. */
export function parseCommandLine(spec: CommandSpec, argv: readonly string[]): ParsedArgs | 'help' {
  const options = Object.fromEntries(
    Object.entries({ ...spec.options, help: HELP }).map(([name, o]) => [
      name,
      { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.default !== undefined ? { default: o.default } : {}) },
    ]),
  );
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, strict: true, allowPositionals: spec.positionals !== undefined });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) return 'help';
  return { values: parsed.values, positionals: parsed.positionals };
}

/** A number option's value, checked to lie in [min, max] (an integer if asked). Throws `UsageError`. */
export function numberValue(name: string, raw: string, min: number, max: number, integer = false): number {
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
    throw new UsageError(`--${name} is "${raw}"; expected ${integer ? 'an integer' : 'a number'} in [${min}, ${max}]`);
  }
  return v;
}

/** A value that must be one of `allowed`. Throws `UsageError` listing them. */
export function choiceValue<T extends string>(name: string, raw: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(raw)) throw new UsageError(`--${name} is "${raw}"; allowed: ${allowed.join(', ')}`);
  return raw as T;
}

/** Where a command writes (stdout and stderr by default; tests capture them). */
export interface CommandIo {
  out(text: string): void;
  err(text: string): void;
}

const PROCESS_IO: CommandIo = { out: (s) => void process.stdout.write(s), err: (s) => void process.stderr.write(s) };

/**
 * Parses `argv`, prints help (exit 0) or runs `main`, and turns failures
 * into a one-line message on stderr: usage errors exit 2, others 1.
 * `name` prefixes messages (e.g. `track`).
 */
export async function runCommand(
  name: string,
  spec: CommandSpec,
  argv: readonly string[],
  main: (args: ParsedArgs, io: CommandIo) => Promise<number>,
  io: CommandIo = PROCESS_IO,
): Promise<number> {
  try {
    const args = parseCommandLine(spec, argv);
    if (args === 'help') {
      io.out(formatHelp(spec));
      return 0;
    }
    return await main(args, io);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    io.err(`${name}: ${message}\n`);
    if (error instanceof UsageError) {
      io.err(`run "${spec.usage} --help" for the options\n`);
      return 2;
    }
    return 1;
  }
}
