import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requireMotData } from './motData.ts';

/** Parsed `expected.json` of a shared data folder (`motmetrics` or `mot17-lift`). */
export function readExpected<T>(sub: 'motmetrics' | 'mot17-lift'): { dir: string; expected: T } {
  const dir = requireMotData(sub);
  return { dir, expected: JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as T };
}
