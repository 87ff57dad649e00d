/**
 * JS heap of the page and of the detection worker, read over the Chrome
 * DevTools Protocol (`Runtime.getHeapUsage`) right after a forced garbage
 * collection (`HeapProfiler.collectGarbage`), so samples compare live data
 * rather than whatever garbage happened to be pending. The worker is reached through a
 * browser-level session attached to its target (non-flattened, so messages go
 * through `Target.sendMessageToTarget`); where that is not possible the worker
 * heap reads as NaN rather than failing the run.
 */
import type { Browser, CDPSession, Page } from 'playwright-core';

interface HeapUsage {
  usedSize: number;
  totalSize: number;
}
interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

export interface HeapProbe {
  page(): Promise<number>;
  worker(): Promise<number>;
  close(): Promise<void>;
}

const REPLY_TIMEOUT_MS = 5000;

export async function openHeapProbe(browser: Browser, page: Page, workerUrlPart: string): Promise<HeapProbe> {
  const pageSession = await page.context().newCDPSession(page);
  const browserSession = await browser.newBrowserCDPSession();
  const pending = new Map<number, (usage: HeapUsage | null) => void>();
  browserSession.on('Target.receivedMessageFromTarget', (e: { message: string }) => {
    const reply = JSON.parse(e.message) as { id?: number; result?: HeapUsage };
    if (reply.id !== undefined) pending.get(reply.id)?.(reply.result ?? null);
  });
  let workerSession: string | null = null;
  let nextId = 1;

  async function attachWorker(): Promise<string | null> {
    const { targetInfos } = (await browserSession.send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    const target = targetInfos.find((t) => t.type === 'worker' && t.url.includes(workerUrlPart));
    if (!target) return null;
    const { sessionId } = (await browserSession.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })) as {
      sessionId: string;
    };
    return sessionId;
  }

  async function workerHeap(): Promise<number> {
    workerSession ??= await attachWorker();
    if (!workerSession) return Number.NaN;
    await workerCall(workerSession, 'HeapProfiler.collectGarbage');
    const usage = await workerCall(workerSession, 'Runtime.getHeapUsage');
    return usage ? usage.usedSize : Number.NaN;
  }

  async function workerCall(sessionId: string, method: string): Promise<HeapUsage | null> {
    const id = nextId++;
    const reply = new Promise<HeapUsage | null>((resolve) => {
      const timer = setTimeout(() => resolve(null), REPLY_TIMEOUT_MS);
      pending.set(id, (usage) => {
        clearTimeout(timer);
        resolve(usage);
      });
    });
    await browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
    const result = await reply;
    pending.delete(id);
    return result;
  }

  return {
    page: async () => {
      await pageSession.send('HeapProfiler.collectGarbage');
      return ((await pageSession.send('Runtime.getHeapUsage')) as HeapUsage).usedSize;
    },
    worker: workerHeap,
    close: async () => {
      await detach(pageSession);
      await detach(browserSession);
    },
  };
}

async function detach(session: CDPSession): Promise<void> {
  await session.detach().catch(() => undefined);
}
