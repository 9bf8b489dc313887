import { resolve } from 'node:path'
import { Worker } from 'node:worker_threads'
import type { PoolOptions, PoolWorker, WorkerRequest } from 'vitest/node'

type Listener = (arg: unknown) => void

const response = (type: 'started' | 'stopped') => ({ type, __vitest_worker_response__: true })

/**
 * One Vitest test thread kept alive across runs. Vitest starts a fresh worker for every run and
 * stops it at the end, so each save would pay for a new thread, Vitest's runtime and the specs'
 * dependencies (zod, fast-check, the shared packages) all over again: most of a re-run. Given as
 * the `pool` option, this hands every run the same thread; its module cache survives, and only
 * what Vitest lists as invalidated with each run (the changed files and their importers) and the
 * spec files themselves are evaluated again. Needs `isolate: false`, which every kata uses.
 *
 * It speaks Vitest's pool protocol: the first `start` is forwarded, later ones are answered at
 * once (the thread is set up already); a graceful `stop` is answered without tearing the thread
 * down. A forced stop (a cancelled or failed run), a thread that exits (out of memory) or one the
 * step runner's watchdog ends is forgotten, and the next run starts a new one.
 */
export class WarmThread {
  readonly name = 'kata-warm-thread'
  #thread: Worker | undefined
  #setUp = false

  /** The `test.pool` option for Vitest. */
  pool() {
    return { name: this.name, createPoolWorker: (options: PoolOptions) => this.#poolWorker(options) }
  }

  /** Ends the thread (or only `which`, if that is still the current one); call after Vitest has closed. */
  async terminate(which?: Worker): Promise<void> {
    const thread = this.#thread
    if (which && which !== thread) return
    this.#thread = undefined
    this.#setUp = false
    await thread?.terminate()
  }

  #threadFor(options: PoolOptions): Worker {
    if (this.#thread) return this.#thread
    const thread = new Worker(resolve(options.distPath, 'workers/threads.js'), {
      env: options.env,
      execArgv: options.execArgv,
      stdout: true,
      stderr: true,
    })
    const { outputStream, errorStream } = options.project.vitest.logger
    thread.stdout.pipe(outputStream)
    thread.stderr.pipe(errorStream)
    // Between runs nobody else listens: an error (out of memory in a leaked timer) must not
    // crash the CLI. The thread exits after it, and is replaced on the next run.
    thread.on('error', () => {})
    thread.once('exit', () => {
      if (this.#thread !== thread) return
      this.#thread = undefined
      this.#setUp = false
    })
    this.#thread = thread
    return thread
  }

  /** What Vitest's pool drives for one run: the shared thread, with this run's listeners. */
  #poolWorker(options: PoolOptions): PoolWorker {
    const warm = this
    const listeners: Array<[string, Listener]> = []
    let thread: Worker | undefined
    let stopAsked = false
    const answer = (message: ReturnType<typeof response>) =>
      setImmediate(() => {
        for (const [event, callback] of [...listeners]) if (event === 'message') callback(message)
      })
    return {
      name: this.name,
      on(event, callback) {
        listeners.push([event, callback])
        thread?.on(event, callback)
      },
      off(event, callback) {
        const i = listeners.findIndex(([e, c]) => e === event && c === callback)
        if (i !== -1) listeners.splice(i, 1)
        thread?.off(event, callback)
      },
      send(message: WorkerRequest) {
        if (message.type === 'start' && warm.#setUp) return answer(response('started'))
        if (message.type === 'stop') {
          stopAsked = true
          return answer(response('stopped'))
        }
        if (message.type === 'start') warm.#setUp = true
        thread?.postMessage(message)
      },
      deserialize: (data) => data,
      async start() {
        thread = warm.#threadFor(options)
        for (const [event, callback] of listeners) thread.on(event, callback)
      },
      async stop() {
        const mine = thread
        for (const [event, callback] of listeners) mine?.off(event, callback)
        listeners.length = 0
        thread = undefined
        // Stopped without being asked to wind down: Vitest is forcing it (a cancel, a crash).
        if (!stopAsked && mine) await warm.terminate(mine)
      },
    }
  }
}
