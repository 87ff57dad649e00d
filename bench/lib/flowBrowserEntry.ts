/** What bench:flow's Chromium page runs (bundled into one script by `browser-flow.ts`). */
export { runFlowWorkload } from './flowWorkload.ts';
export { runLiveMotionWorkload } from './liveMotionWorkload.ts';
