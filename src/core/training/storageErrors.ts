/**
 * Turns browser storage failures (IndexedDB quota, private mode, blocked
 * databases) into a message a user can act on. Plain TS: only inspects the
 * error's name and message.
 */
const QUOTA_NAMES = ['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED'];

export function isQuotaError(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  if (QUOTA_NAMES.includes(e.name)) return true;
  return /quota/i.test(e.message);
}

const FREE_MODELS = 'Delete saved models below or free site data, then try again.';

/** `action` names what failed, e.g. "saving model lenet-a"; `fix` says how to make room when the quota is full. */
export function describeStorageError(action: string, e: unknown, fix = FREE_MODELS): string {
  const detail = e instanceof Error ? e.message : String(e);
  if (isQuotaError(e)) {
    return `${action} failed: the browser's storage quota for this site is full (${detail}). ${fix}`;
  }
  if (e instanceof Error && /indexeddb|IDB/i.test(`${e.name} ${detail}`)) {
    return `${action} failed: IndexedDB is unavailable (${detail}). Private windows and some browser settings disable it.`;
  }
  return `${action} failed: ${detail}`;
}
