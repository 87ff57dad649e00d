import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSeqInfo, readSeqInfo } from '../../src/node/seqInfo.ts';

function seqDir(ini: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'seqinfo-'));
  writeFileSync(join(dir, 'seqinfo.ini'), ini);
  return dir;
}

describe('seqinfo.ini', () => {
  it('parses key=value lines and skips sections and comments', () => {
    expect(parseSeqInfo('[Sequence]\r\n; note\nname = PETS\nframeRate=7\n\n')).toEqual({ name: 'PETS', frameRate: '7' });
  });

  it('reads typed fields with MOTChallenge defaults for the image folder', () => {
    const info = readSeqInfo(seqDir('[Sequence]\nname=A\nframeRate=25\nseqLength=10\nimWidth=640\nimHeight=480\n'));
    expect(info).toMatchObject({ name: 'A', frameRate: 25, seqLength: 10, imWidth: 640, imHeight: 480, imDir: 'img1', imExt: '.jpg' });
  });

  it('names the file, key and value when a number is bad or missing', () => {
    expect(() => readSeqInfo(seqDir('[Sequence]\nframeRate=0\n'))).toThrow(/seqinfo\.ini: frameRate must be a positive number, got "0"/);
    expect(() => readSeqInfo(seqDir('[Sequence]\nname=A\n'))).toThrow(/frameRate must be a positive number/);
    expect(() => readSeqInfo(seqDir('[Sequence]\nframeRate=10\nimWidth=wide\n'))).toThrow(/imWidth must be a positive number, got "wide"/);
  });
});
