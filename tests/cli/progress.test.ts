import { describe, expect, it } from 'vitest';
import { ProgressLine } from '../../cli/progress.ts';

function capture(isTTY: boolean) {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (s: string) => writes.push(s) } };
}

describe('ProgressLine', () => {
  it('without a TTY prints one plain line per 10% and no carriage returns', () => {
    const { writes, stream } = capture(false);
    const p = new ProgressLine(45, stream);
    for (let i = 0; i < 45; i++) p.tick();
    p.done();
    expect(writes.join('')).not.toContain('\r');
    // ceil(4.5) = 5 frames per line: 5, 10, …, 45, and done() adds nothing new.
    expect(writes.map((w) => w.split(' ')[0])).toEqual(['5/45', '10/45', '15/45', '20/45', '25/45', '30/45', '35/45', '40/45', '45/45']);
    expect(writes.every((w) => w.endsWith('\n'))).toBe(true);
  });

  it('without a TTY and an unknown total prints every 100 frames and the final count', () => {
    const { writes, stream } = capture(false);
    const p = new ProgressLine(null, stream);
    for (let i = 0; i < 250; i++) p.tick();
    p.done();
    expect(writes.map((w) => w.split(' ')[0])).toEqual(['100', '200', '250']);
  });

  it('on a TTY redraws one line in place with \\r and ends it with a newline', () => {
    const { writes, stream } = capture(true);
    const p = new ProgressLine(10, stream);
    for (let i = 0; i < 10; i++) p.tick();
    p.done();
    expect(writes.length).toBeGreaterThanOrEqual(2);
    expect(writes.slice(0, -1).every((w) => w.startsWith('\r'))).toBe(true);
    expect(writes.at(-2)).toContain('10/10 (100%)');
    expect(writes.at(-1)).toBe('\n');
  });
});
