import type { Reporter } from './reporter.ts'

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`

/**
 * Runs `work` while a terminal shows `label … 12.3 s`, so a long download or pull never looks
 * hung. The elapsed time is the only thing that changes on the line.
 */
export async function withProgress<T>(reporter: Reporter, label: string, work: () => Promise<T>): Promise<T> {
  const started = Date.now()
  const tick = () => reporter.progress(`${label} … ${seconds(Date.now() - started)}`)
  tick()
  const timer = setInterval(tick, 250)
  try {
    return await work()
  } finally {
    clearInterval(timer)
  }
}
