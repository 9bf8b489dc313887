import { spawn } from 'node:child_process'

export interface CommandResult {
  /** The exit code; null when it was killed or could not start. */
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
  readonly timedOut: boolean
  /** The program is not installed (ENOENT). */
  readonly notFound: boolean
}

export interface RunCommandOptions {
  readonly timeoutMs: number
  readonly env?: NodeJS.ProcessEnv
  readonly cwd?: string
}

const MAX_OUTPUT = 1_000_000

/**
 * Runs a program to completion with a hard time limit and never throws: every caller turns a
 * failure into a sentence for the user, so the facts come back as data.
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: RunCommandOptions,
): Promise<CommandResult> {
  return new Promise((resolve) => {
    let stdout = ''
    let stderr = ''
    let timedOut = false
    let settled = false
    const finish = (result: Omit<CommandResult, 'stdout' | 'stderr' | 'timedOut'>) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      resolve({ ...result, stdout, stderr, timedOut })
    }
    const child = spawn(command, args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const timer = setTimeout(() => {
      timedOut = true
      child.kill('SIGKILL')
    }, options.timeoutMs)
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdout.length < MAX_OUTPUT) stdout += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < MAX_OUTPUT) stderr += chunk.toString()
    })
    child.on('error', (error: NodeJS.ErrnoException) => {
      stderr += error.message
      finish({ code: null, notFound: error.code === 'ENOENT' })
    })
    child.on('close', (code) => finish({ code, notFound: false }))
  })
}

/** The last non-empty lines of a command's output: what a user needs to see when it failed. */
export function outputTail(result: Pick<CommandResult, 'stdout' | 'stderr'>, lines = 3): string {
  return `${result.stdout}\n${result.stderr}`
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(-lines)
    .join(' | ')
}
