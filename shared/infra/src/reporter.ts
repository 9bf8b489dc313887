/**
 * Where the command tells the user what it does. `line` is a finished sentence; `progress` is the
 * state of a long wait, which a terminal shows as one line rewritten in place.
 */
export interface Reporter {
  line(text: string): void
  progress(text: string): void
}

export const silentReporter: Reporter = { line: () => undefined, progress: () => undefined }

/**
 * For callers with a plain logger (the test command, CI logs): finished lines only. Progress is
 * dropped because every waiting step also reports its start and its end as lines.
 */
export function logReporter(log: (line: string) => void): Reporter {
  return { line: log, progress: () => undefined }
}

/** A terminal gets a live progress line; a pipe gets the same lines without the live part. */
export function streamReporter(stream: NodeJS.WriteStream = process.stdout): Reporter {
  const live = stream.isTTY === true && process.env.TERM !== 'dumb'
  let showing = false
  const clear = () => {
    if (showing) stream.write('\r\u001b[2K')
    showing = false
  }
  return {
    line(text) {
      clear()
      stream.write(`${text}\n`)
    },
    progress(text) {
      if (!live) return
      const width = Math.max(20, (stream.columns || 80) - 1)
      stream.write(`\r\u001b[2K${text.length > width ? `${text.slice(0, width - 1)}…` : text}`)
      showing = true
    },
  }
}
