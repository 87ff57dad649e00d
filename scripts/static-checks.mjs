// The checks `npm test` runs before vitest: `npm run lint` (ESLint + Prettier)
// and svelte-check (errors only), side by side, since each leaves a core idle
// much of the time. Each one's output is printed as one block once it ends
// (never interleaved), and the exit code is non-zero if either failed.
// Plain Node ESM, no dependencies. Usage: node scripts/static-checks.mjs
import { spawn } from 'node:child_process';

const CHECKS = [
  { name: 'lint', command: 'npm', args: ['run', 'lint'] },
  { name: 'svelte-check', command: 'npx', args: ['svelte-check', '--tsconfig', './tsconfig.json', '--threshold', 'error'] },
];

/** Runs one check with its stdout and stderr captured together; resolves to its exit code and output. */
function run({ command, args }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (c) => chunks.push(c));
    child.stderr.on('data', (c) => chunks.push(c));
    child.on('error', (error) => resolve({ code: 1, output: `${error.message}\n` }));
    child.on('close', (code, signal) =>
      resolve({ code: code ?? 1, output: Buffer.concat(chunks).toString() + (signal ? `killed by ${signal}\n` : '') }),
    );
  });
}

const started = Date.now();
const results = await Promise.all(
  CHECKS.map(async (check) => {
    const result = await run(check);
    process.stdout.write(`\n── ${check.name} (${result.code === 0 ? 'passed' : `failed, exit code ${result.code}`}) ──\n${result.output}`);
    return { ...check, ...result };
  }),
);
const failed = results.filter((r) => r.code !== 0).map((r) => r.name);
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(failed.length ? `\nstatic checks failed: ${failed.join(', ')} (${seconds} s)` : `\nstatic checks passed (${seconds} s)`);
process.exitCode = failed.length ? 1 : 0;
