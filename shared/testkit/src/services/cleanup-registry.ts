import { afterEach } from 'vitest'
import { CleanupError } from './cleanup-error.ts'

interface CleanupTask {
  readonly what: string
  readonly run: () => unknown
}

/**
 * What a test created on a shared server (topics, queues, exchanges, schemas), removed after it:
 * specs share one broker and must leave it as they found it. Runs newest first, like a stack of
 * `finally` blocks, and attempts every task even when one fails.
 */
export class CleanupRegistry {
  #tasks: CleanupTask[] = []

  add(what: string, run: () => unknown): void {
    this.#tasks.push({ what, run })
  }

  get size(): number {
    return this.#tasks.length
  }

  async runAll(): Promise<void> {
    const tasks = this.#tasks.reverse()
    this.#tasks = []
    const failures: Array<{ what: string; error: unknown }> = []
    for (const task of tasks) {
      try {
        await task.run()
      } catch (error) {
        failures.push({ what: task.what, error })
      }
    }
    if (failures.length > 0) throw new CleanupError(failures)
  }
}

/** A registry emptied after each test of the current file or suite. */
export function useCleanup(): CleanupRegistry {
  const registry = new CleanupRegistry()
  afterEach(() => registry.runAll())
  return registry
}
