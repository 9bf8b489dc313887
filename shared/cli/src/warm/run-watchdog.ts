import type { TestCase } from 'vitest/node'

/** A spec file's run that did not finish: the test thread was busy past every timeout. */
export class RunStalledError extends Error {
  override readonly name = 'RunStalledError'
  constructor(
    readonly file: string,
    readonly quietMs: number,
  ) {
    super(
      `the specs made no progress for ${Math.round(quietMs / 1000)} s, so the test thread was stopped: is there an endless loop in your code?`,
    )
  }
}

const SLACK_MS = 5_000

/**
 * Vitest's timeouts stop a test or hook that waits forever, not one that never yields (an endless
 * loop in the code under test): that would hold a warm test thread, and every later run, for
 * good. The watchdog follows the run through reporter events and gives each phase its own
 * allowance plus 5 s: a hook the hook timeout, a test its own timeout, anything else (loading the
 * file, between tests) the test timeout. A thread caught in a loop reports nothing more, so a
 * loop that starts with a test is stopped one test timeout (and the slack) after the last event
 * that got out. Past the allowance, `onStall` is called once.
 */
export class RunWatchdog {
  #deadline = Number.POSITIVE_INFINITY
  #timer: NodeJS.Timeout | undefined

  // Vitest's defaults until `useTimeouts` gives the project's own.
  private testTimeout = 5_000
  private hookTimeout = 10_000

  /** The project's timeouts, once Vitest has read its config. */
  useTimeouts(testTimeout: number, hookTimeout: number): void {
    this.testTimeout = testTimeout
    this.hookTimeout = hookTimeout
  }

  /** Reporter hooks that move the deadline; give them to Vitest as a reporter. */
  readonly reporter = {
    onTestCaseReady: (test: TestCase) => this.#allow(test.options.timeout ?? this.testTimeout),
    onTestCaseResult: () => this.#allow(this.#idleAllowance()),
    onHookStart: () => this.#allow(this.hookTimeout),
    onHookEnd: () => this.#allow(this.#idleAllowance()),
  }

  watch(onStall: (quietMs: number) => void): void {
    this.#allow(this.#idleAllowance())
    this.#timer = setInterval(() => {
      if (Date.now() <= this.#deadline) return
      this.stop()
      onStall(this.#allowance)
    }, 250)
    this.#timer.unref()
  }

  stop(): void {
    clearInterval(this.#timer)
    this.#timer = undefined
  }

  #allowance = 0
  #idleAllowance = () => this.testTimeout
  #allow(ms: number) {
    this.#allowance = ms + SLACK_MS
    this.#deadline = Date.now() + this.#allowance
  }
}
