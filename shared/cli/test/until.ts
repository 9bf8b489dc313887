/** Polls until `condition` holds; the timeout error names what was awaited and shows `context()`. */
export async function until(
  condition: () => boolean,
  what: string,
  context: () => string = () => '',
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}:\n${context()}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}
