/**
 * The hospital's server for a station that started while it could not be reached: every call
 * first opens it (connect, migrate) and fails as the opening failed (STORE_UNREACHABLE) until it
 * succeeds; from then on calls go straight to the opened store. Parts (`hisOutbox`,
 * `lookupEvidence`) defer the same way.
 */
import { storeErrors } from '../store-errors';
import type { ServerStore } from './server-link';

type AnyMethod = (...args: unknown[]) => Promise<unknown>;

/** An object whose every method awaits `target()` and calls the same method on it. */
function deferred<T extends object>(target: () => Promise<T>, fixed: Partial<T> = {}): T {
  return new Proxy(fixed as T, {
    get(own, name) {
      if (name in own) return (own as Record<PropertyKey, unknown>)[name];
      // Not a thenable: `await lazyServer(...)` must not call `then`.
      if (typeof name !== 'string' || name === 'then') return undefined;
      return async (...args: unknown[]) => {
        const t = (await target()) as Record<string, AnyMethod>;
        return t[name]!.apply(t, args);
      };
    },
  });
}

export function lazyServer(location: string, open: () => Promise<ServerStore>): ServerStore {
  let opened: ServerStore | null = null;
  let opening: Promise<ServerStore> | null = null;
  let closed = false;
  const ensure = async (): Promise<ServerStore> => {
    if (closed) throw storeErrors.closed();
    if (opened) return opened;
    opening ??= open().then(
      (store) => {
        opened = store;
        return store;
      },
      (err: unknown) => {
        opening = null;
        throw err;
      },
    );
    return opening;
  };
  return deferred<ServerStore>(ensure, {
    kind: 'postgres',
    location,
    hisOutbox: deferred(async () => (await ensure()).hisOutbox),
    lookupEvidence: deferred(async () => (await ensure()).lookupEvidence),
    audit: deferred(async () => (await ensure()).audit),
    close: async () => {
      closed = true;
      const store = opened ?? (await opening?.catch(() => null));
      await store?.close();
    },
  });
}
