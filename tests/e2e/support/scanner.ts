/** What a keyboard-wedge scanner does to the page, shared by the specs and the screenshots. */

/** The text far faster than a person types, then Enter. */
export async function scanText(
  page: { evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R> },
  text: string,
): Promise<void> {
  await page.evaluate(async (t: string) => {
    for (const key of [...t, 'Enter']) {
      window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      await new Promise((r) => setTimeout(r, 2));
    }
  }, text);
}
