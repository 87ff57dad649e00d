import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatHelp, parseCommandLine, runCommand, UsageError, type CommandSpec } from '../../src/node/cliArgs.ts';

const SPEC: CommandSpec = {
  usage: 'npm run demo --',
  positionals: '<input>',
  summary: 'A demo command.',
  options: {
    every: { type: 'string', value: 'k', default: '1', description: 'detect every k-th frame' },
    out: { type: 'string', value: 'file', description: 'output file' },
    quiet: { type: 'boolean', description: 'no progress' },
  },
};

describe('cliArgs', () => {
  it('--help lists every option with its default', () => {
    const help = formatHelp(SPEC);
    expect(help).toMatch(/^usage: npm run demo -- <input> \[options\]/);
    expect(help).toMatch(/--every <k>\s+detect every k-th frame \(default: 1\)/);
    expect(help).toMatch(/--out <file>\s+output file\n/);
    expect(help).toMatch(/--quiet\s+no progress/);
    expect(help).toMatch(/-h, --help\s+show this help/);
  });

  it('parses declared options with defaults, and turns unknown ones into UsageError', () => {
    expect(parseCommandLine(SPEC, ['a.mp4', '--out', 'x.txt'])).toEqual({
      values: { every: '1', out: 'x.txt' },
      positionals: ['a.mp4'],
    });
    expect(parseCommandLine(SPEC, ['-h'])).toBe('help');
    expect(() => parseCommandLine(SPEC, ['--evry', '2'])).toThrow(UsageError);
    expect(() => parseCommandLine(SPEC, ['--every'])).toThrow(/argument missing/);
  });

  it('runCommand exits 2 on usage errors and 1 on other failures, with one line and no stack', async () => {
    let err = '';
    const io = { out: () => {}, err: (s: string) => (err += s) };
    expect(await runCommand('demo', SPEC, ['--nope'], async () => 0, io)).toBe(2);
    expect(err).toContain("demo: Unknown option '--nope'");
    expect(err).toContain('run "npm run demo -- --help" for the options');
    err = '';
    const failing = async (): Promise<number> => {
      throw new Error('input.mp4: no such file');
    };
    expect(await runCommand('demo', SPEC, ['x'], failing, io)).toBe(1);
    expect(err).toBe('demo: input.mp4: no such file\n');
  });

  it('track-mot exits 2 with a message, not a stack trace, on a bad --seq', async () => {
    const root = resolve(import.meta.dirname, '../..');
    const error = await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), ['cli/track-mot.ts', '--seq', '/no/such/dir'], {
      cwd: root,
    }).catch((e: { code: number; stderr: string }) => e);
    expect(error).toMatchObject({ code: 2 });
    expect((error as { stderr: string }).stderr).toContain('track:mot: /no/such/dir/seqinfo.ini not found');
    expect((error as { stderr: string }).stderr).not.toMatch(/\n\s+at /);
  });
});
