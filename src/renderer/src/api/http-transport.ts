/**
 * The browser transport: the web host's HTTP endpoints for requests and a server-sent event
 * stream for events. The per-start secret arrives in the URL fragment (never sent to a server,
 * never in logs), is kept in sessionStorage for reloads, and travels as a header — which is why
 * events are read with fetch rather than EventSource (EventSource cannot send headers).
 */
import type {
  ApiResult,
  EventListener,
  EventName,
  KioskApi,
  RequestInput,
  RequestName,
  RequestOutput,
} from '../../../shared/api-contract';
import { isEventName } from '../../../shared/api-contract';
import { ApiError, transportError } from './api-error';

export const SECRET_HEADER = 'x-kiosk-secret';
const STORAGE_KEY = 'kiosk.webSecret';

export function takeSecretFromLocation(): string | null {
  const match = /(?:^#|&)secret=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  const secret = match?.[1];
  if (secret) {
    sessionStorage.setItem(STORAGE_KEY, secret);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return secret;
  }
  return sessionStorage.getItem(STORAGE_KEY);
}

type AnyListener = (payload: unknown) => void;

export function createHttpApi(secret: string, base = ''): KioskApi {
  const listeners = new Map<EventName, Set<AnyListener>>();
  let streamStarted = false;

  async function openStream(): Promise<void> {
    let delayMs = 500;
    for (;;) {
      try {
        const response = await fetch(`${base}/api/events`, {
          headers: { [SECRET_HEADER]: secret, accept: 'text/event-stream' },
          cache: 'no-store',
        });
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        delayMs = 500;
        await readEvents(response.body, dispatch);
      } catch {
        // The host restarted or the network blipped: reconnect with a capped backoff.
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs));
      delayMs = Math.min(delayMs * 2, 5000);
    }
  }

  function dispatch(name: string, data: string): void {
    if (!isEventName(name)) return;
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      return;
    }
    for (const listener of listeners.get(name) ?? []) listener(payload);
  }

  return {
    async request<K extends RequestName>(name: K, input: RequestInput<K>) {
      let response: Response;
      try {
        response = await fetch(`${base}/api/request/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { [SECRET_HEADER]: secret, 'content-type': 'application/json' },
          body: JSON.stringify(input ?? null),
        });
      } catch (error) {
        throw transportError(String(error));
      }
      let result: ApiResult<unknown>;
      try {
        result = (await response.json()) as ApiResult<unknown>;
      } catch {
        throw transportError(`HTTP ${response.status} without a JSON body`);
      }
      if (!result.ok) throw new ApiError(result.error);
      return result.value as RequestOutput<K>;
    },
    on<K extends EventName>(name: K, listener: EventListener<K>) {
      if (!streamStarted) {
        streamStarted = true;
        void openStream();
      }
      const set = listeners.get(name) ?? new Set<AnyListener>();
      listeners.set(name, set);
      const wrapped = listener as AnyListener;
      set.add(wrapped);
      return () => set.delete(wrapped);
    },
  };
}

/** Parses `event:` / `data:` blocks from an SSE byte stream until it ends. */
export async function readEvents(
  body: ReadableStream<Uint8Array>,
  onEvent: (name: string, data: string) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      if (data.length > 0) onEvent(name, data.join('\n'));
    }
  }
}
