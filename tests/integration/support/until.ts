/** Waits until `check` holds, polling every `everyMs`; fails naming the limit when it never does. */
export async function until(
  check: () => boolean | Promise<boolean>,
  ms: number,
  everyMs = 10,
): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`condition not reached within ${ms} ms`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
