let forced: boolean | undefined

/** Colour only on a terminal, and never with NO_COLOR (https://no-color.org) or when piped. */
export const useColor = (stream: NodeJS.WriteStream = process.stdout) =>
  forced ?? (stream.isTTY === true && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb')

/** Renders with colour on or off, whatever this process's stdout is: the test server renders for its client's terminal. */
export function withColor<T>(on: boolean, render: () => T): T {
  const before = forced
  forced = on
  try {
    return render()
  } finally {
    forced = before
  }
}

const paint = (code: number) => (text: string) => (useColor() ? `\u001b[${code}m${text}\u001b[0m` : text)

export const bold = paint(1)
export const dim = paint(2)
export const red = paint(31)
export const green = paint(32)
export const yellow = paint(33)
export const cyan = paint(36)

export const say = (line = '') => process.stdout.write(`${line}\n`)
export const warn = (line: string) => process.stderr.write(`${line}\n`)
