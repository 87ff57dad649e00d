/**
 * bench:ladder's scoring and tables: person recall per rung from its
 * detections on the labelled images, and the Markdown tables (speed and
 * recall; where the time goes, per stage). Pure TypeScript.
 */
import type { LadderRung, FoundBox } from './ladderRun';
import type { Image } from './labelledImages';
import type { BenchRow, Stage } from './node-stats';
import { addCounts, matchBoxes, NO_MATCHES, RECALL_IOU, type MatchCount } from './personRecall';

export interface LadderRecall {
  readonly vtest: MatchCount;
  readonly astronaut: MatchCount;
  /** COCO photos whose expected class was detected. */
  readonly photosFound: string[];
  readonly photos: number;
}

export interface RungResult {
  readonly rung: LadderRung;
  readonly node?: { readonly row: BenchRow; readonly recall: LadderRecall };
  readonly browser?: { readonly row: BenchRow; readonly recall: LadderRecall };
}

/** Recall of one rung from its detections on each image (`found[i]` for `images[i]`); `photos`: photo → class it must contain. */
export function scoreLadder(
  images: readonly Image[],
  found: readonly (readonly FoundBox[])[],
  photos: Record<string, string>,
): LadderRecall {
  let vtest = NO_MATCHES;
  let astronaut = NO_MATCHES;
  const photosFound: string[] = [];
  images.forEach((img, i) => {
    const detections = found[i] ?? [];
    if (img.persons !== undefined) {
      const counts = matchBoxes(
        img.persons,
        detections.filter((d) => d.label === 'person').map((d) => d.box),
      );
      if (img.isVtest) vtest = addCounts(vtest, counts);
      else astronaut = addCounts(astronaut, counts);
    }
    if (!img.isVtest && detections.some((d) => d.label === photos[img.file])) photosFound.push(img.file);
  });
  return { vtest, astronaut, photosFound, photos: Object.keys(photos).length };
}

const pct = (c: MatchCount | undefined): string =>
  c === undefined || c.labelled === 0 ? '–' : `${((100 * c.matched) / c.labelled).toFixed(0)}% (${c.matched}/${c.labelled})`;
const precision = (c: MatchCount | undefined): string =>
  c === undefined || c.detected === 0 ? '–' : `${((100 * c.matched) / c.detected).toFixed(0)}%`;
const ms = (row: BenchRow | undefined, stage: Stage = 'total'): string => (row === undefined ? '–' : row.stages[stage].median.toFixed(0));
const ratio = (row: BenchRow | undefined, base: BenchRow | undefined): string =>
  row === undefined || base === undefined ? '–' : `${((100 * row.stages.total.median) / base.stages.total.median).toFixed(0)}%`;

/** Speed (vs the first rung, CenterNet 512²) and recall, one row per rung. */
export function formatLadderTable(results: readonly RungResult[]): string {
  const base = results[0];
  const lines = [
    `| detector | input | Node WASM ms/frame | vs 512² | Chromium WASM ms/frame | vs 512² | person recall, vtest (IoU ${RECALL_IOU}), Node | same, Chromium | precision (Node) | astronaut | COCO photos (class found) |`,
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const { rung, node, browser } of results) {
    const recall = node?.recall ?? browser?.recall;
    lines.push(
      `| ${rung.family} | ${rung.inputSize}² | ${ms(node?.row)} | ${ratio(node?.row, base.node?.row)} | ${ms(browser?.row)} | ` +
        `${ratio(browser?.row, base.browser?.row)} | ${pct(node?.recall.vtest)} | ${pct(browser?.recall.vtest)} | ` +
        `${precision(node?.recall.vtest)} | ${pct(recall?.astronaut)} | ${recall ? `${recall.photosFound.length}/${recall.photos}` : '–'} |`,
    );
  }
  return lines.join('\n');
}

/** Median ms per stage and environment: where each rung's time goes. */
export function formatStageTable(results: readonly RungResult[]): string {
  const lines = [
    '| detector | input | Node: preprocess / inference / decode | Chromium: preprocess / inference / decode |',
    '|---|---|---|---|',
  ];
  const stages = (row: BenchRow | undefined) =>
    row === undefined ? '–' : `${ms(row, 'preprocess')} / ${ms(row, 'inference')} / ${ms(row, 'postprocess')}`;
  for (const { rung, node, browser } of results) {
    lines.push(`| ${rung.family} | ${rung.inputSize}² | ${stages(node?.row)} | ${stages(browser?.row)} |`);
  }
  return lines.join('\n');
}
