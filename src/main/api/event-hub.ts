/**
 * Fans main's events out to every transport (Electron windows, web host streams). Services emit
 * into it through the EventSink interface; a listener that throws never stops the others.
 */
import type { ApiEvents, EventName } from '../../shared/api-contract';
import type { EventSink } from '../services-contract';

export type HubListener = <K extends EventName>(name: K, payload: ApiEvents[K]) => void;

export class EventHub implements EventSink {
  private readonly listeners = new Set<HubListener>();
  private readonly last = new Map<EventName, unknown>();

  emit<K extends EventName>(name: K, payload: ApiEvents[K]): void {
    this.last.set(name, payload);
    for (const listener of [...this.listeners]) {
      try {
        listener(name, payload);
      } catch {
        // A broken transport (a closed window, a dropped stream) must not stop the others.
      }
    }
  }

  subscribe(listener: HubListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The latest payload of each event, replayed to a transport that connects late. */
  snapshot(): [EventName, unknown][] {
    return [...this.last.entries()];
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
