/** A set of listeners; one throwing does not stop the others or the caller. */
export interface Listeners<T> {
  on(listener: (value: T) => void): () => void;
  emit(value: T): void;
  clear(): void;
}

export function createListeners<T>(onError?: (err: unknown) => void): Listeners<T> {
  const set = new Set<(value: T) => void>();
  return {
    on(listener) {
      set.add(listener);
      return () => set.delete(listener);
    },
    emit(value) {
      for (const l of [...set]) {
        try {
          l(value);
        } catch (err) {
          onError?.(err);
        }
      }
    },
    clear() {
      set.clear();
    },
  };
}
