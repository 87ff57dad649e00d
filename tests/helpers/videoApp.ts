import { afterAll, beforeAll } from 'vitest';
import { openVideoApp, type AppSession } from '../../dev/video/appVideo.ts';

/**
 * For a Video view browser suite: opens the app at `?view=video{query}` in
 * headless Chromium once (beforeAll) and closes it afterwards, like
 * `useServedApp`. The session's members are filled in beforeAll: read them
 * inside tests and later hooks.
 */
export function useVideoApp(query = ''): AppSession {
  const app = {} as AppSession;
  beforeAll(async () => {
    Object.assign(app, await openVideoApp(query));
  });
  afterAll(async () => {
    await app.close?.();
  });
  return app;
}
