/**
 * Runs async bodies one at a time, in call order. The offline store uses it so that an upload
 * never reads a visit while a print or a cancel is changing it on the station's file, and no
 * change lands on a visit after its upload was read but before it was marked uploaded.
 */
export interface Serial {
  run<T>(body: () => Promise<T>): Promise<T>;
}

export function createSerial(): Serial {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(body: () => Promise<T>): Promise<T> {
      const result = tail.then(body, body);
      // The next body waits for this one whatever its outcome; its error stays the caller's.
      tail = result.catch(() => undefined);
      return result;
    },
  };
}
