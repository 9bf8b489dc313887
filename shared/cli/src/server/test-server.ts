import { appendFileSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { connect, createServer, type Server, type Socket } from 'node:net'
import { join } from 'node:path'
import { runEnvironment, testServerSocket } from '../../bin/test-server-client.js'
import { findKata, type Kata, repoRoot } from '../curriculum/workspace.ts'
import { rememberStatus, statusFromRun } from '../progress/kata-status.ts'
import { stateDir } from '../state/local-state.ts'
import { withColor } from '../ui/terminal.ts'
import { testReport } from '../ui/test-report.ts'
import { StepRunner } from '../warm/step-runner.ts'
import { serverFingerprint } from './server-fingerprint.ts'
import { testServerServes } from './start-test-server.ts'

/** What a client asks: the arguments after `kata test`, and how its terminal wants the output. */
interface TestRequest {
  readonly args: readonly string[]
  readonly color: boolean
  readonly environment: string
}

/** An answer, or a refusal; `stopping` when the server exits after it (the CLI then starts a new one). */
type Answer =
  | { readonly output: string; readonly exitCode: number }
  | { readonly declined: string; readonly stopping?: true }

const IDLE_MINUTES = Number(process.env.EDA_KATA_SERVER_IDLE_MINUTES ?? 15)
const infoFile = () => join(stateDir(), 'test-server.json')

/**
 * The warm test server behind `pnpm kata test`. A one-off run pays for Node, the TypeScript
 * loader, Vitest, a worker thread and the specs' dependencies before the first test: seconds.
 * This keeps all of that loaded (a `StepRunner` with its warm test thread, for the kata last
 * asked about) and before each run has the changed files evaluated again: the kata's own modules
 * always, the others (the shared packages' sources) when their modification time or size
 * changed. One server per checkout, on a local socket; requests are served one at a time. It
 * declines what it cannot answer as the one-off run would (other options, a kata that needs
 * services, another environment) and exits when its own code, the installed packages or the
 * shared settings have changed (noticed at the next request), or after a quiet spell.
 */
export async function serveTests(warmUp: string | undefined): Promise<void> {
  const socketPath = testServerSocket(repoRoot)
  const fingerprint = serverFingerprint()
  const environment = runEnvironment()
  let current: { kata: string; runner: StepRunner } | undefined
  let queue = Promise.resolve()
  let idle: NodeJS.Timeout | undefined
  let server: Server | undefined
  let closing = false

  const log = (line: string) => {
    mkdirSync(stateDir(), { recursive: true })
    appendFileSync(join(stateDir(), 'test-server.log'), `${new Date().toISOString()} ${line}\n`)
  }
  const shutDown = async (reason: string) => {
    if (closing) return
    closing = true
    clearTimeout(idle)
    log(`stopping (pid ${process.pid}): ${reason}`)
    // Gone from the socket and the state folder first: Vitest's own signal handler may end the
    // process before the runner has closed.
    if (ownsInfoFile()) rmSync(infoFile(), { force: true })
    server?.close()
    await current?.runner.close().catch(() => {})
    process.exit(0)
  }
  const stayAwake = () => {
    clearTimeout(idle)
    idle = setTimeout(() => void shutDown(`${IDLE_MINUTES} minutes without a request`), IDLE_MINUTES * 60_000)
  }

  /** The runner for this kata; one at a time (a warm runner holds a Vitest instance and a thread). */
  const runnerFor = async (kata: Kata) => {
    if (current?.kata === kata.dir) return current.runner
    await current?.runner.close().catch(() => {})
    current = undefined
    const runner = await StepRunner.start(kata)
    current = { kata: kata.dir, runner }
    return runner
  }

  const answer = async (request: TestRequest): Promise<Answer> => {
    if (request.environment !== environment) return { declined: 'another environment', stopping: true }
    if (serverFingerprint() !== fingerprint)
      return { declined: 'the CLI, the packages or the settings changed', stopping: true }
    const [query, ...flags] = request.args
    const kata = query ? findKata(query) : undefined
    if (!kata) return { declined: 'no such kata' }
    if (flags.length > 0) return { declined: `options ${flags.join(' ')}` }
    if (!testServerServes(kata)) return { declined: 'the kata needs services' }
    const runner = await runnerFor(kata)
    runner.invalidate(runner.changedFiles())
    const run = await runner.run()
    const status = statusFromRun(kata, run)
    rememberStatus(kata, status)
    const { lines, exitCode } = withColor(request.color, () => testReport(kata, run, status))
    return { output: lines.map((line) => `${line}\n`).join(''), exitCode }
  }

  const handle = async (socket: Socket, line: string) => {
    stayAwake()
    const started = performance.now()
    let reply: Answer
    let what = 'a request'
    try {
      const request = JSON.parse(line) as TestRequest
      what = `kata test ${request.args.join(' ')}`
      reply = await answer(request)
      log(
        'declined' in reply
          ? `declined ${what}: ${reply.declined}`
          : `answered ${what} in ${Math.round(performance.now() - started)} ms`,
      )
    } catch (error) {
      log(`failed on ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
      reply = { declined: 'the server failed', stopping: true }
    }
    socket.end(`${JSON.stringify(reply)}\n`)
    if ('declined' in reply && reply.stopping) await shutDown(reply.declined)
  }

  const serve = (socket: Socket) => {
    socket.setEncoding('utf8')
    let buffer = ''
    socket.on('error', () => socket.destroy())
    socket.on('data', (chunk: string) => {
      buffer += chunk
      const end = buffer.indexOf('\n')
      if (end === -1) return
      const line = buffer.slice(0, end)
      buffer = ''
      queue = queue.then(() => handle(socket, line))
    })
  }

  server = await listen(socketPath, serve)
  if (!server) return // another server answers on this socket already
  writeFileSync(
    infoFile(),
    `${JSON.stringify({ pid: process.pid, socket: socketPath, startedAt: new Date().toISOString() }, null, 2)}\n`,
  )
  log(`serving on ${JSON.stringify(socketPath)} (pid ${process.pid})`)
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void shutDown(signal))
  stayAwake()
  const kata = warmUp ? findKata(warmUp) : undefined
  if (kata && testServerServes(kata))
    queue = queue.then(async () => {
      const runner = await runnerFor(kata)
      runner.changedFiles()
      await runner.run()
      log(`warmed up on ${kata.dir}`)
    })
}

function ownsInfoFile(): boolean {
  try {
    return (JSON.parse(readFileSync(infoFile(), 'utf8')) as { pid: number }).pid === process.pid
  } catch {
    return false
  }
}

/**
 * Listens on the socket; resolves to undefined when a live server answers on it already. Only a
 * socket file (macOS and other Unixes) can outlive its server: it is removed under a lock, so
 * that two servers starting together cannot remove each other's.
 */
async function listen(socketPath: string, serve: (socket: Socket) => void): Promise<Server | undefined> {
  mkdirSync(stateDir(), { recursive: true })
  const attempt = async () => {
    const server = createServer(serve)
    const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      server.once('error', resolve)
      server.listen(socketPath, () => resolve(undefined))
    })
    if (!error) return server
    if (error.code !== 'EADDRINUSE') throw error
    return undefined
  }
  const first = await attempt()
  if (first || socketPath.startsWith('\0') || socketPath.startsWith('\\\\')) return first
  const alive = await new Promise<boolean>((resolve) => {
    const probe = connect(socketPath)
    probe.once('connect', () => {
      probe.destroy()
      resolve(true)
    })
    probe.once('error', () => resolve(false))
  })
  if (alive) return undefined
  const lock = join(stateDir(), 'test-server.lock')
  try {
    if (Date.now() - statSync(lock).mtimeMs > 30_000) rmSync(lock, { force: true }) // left by a crash
  } catch {
    // no lock
  }
  try {
    openSync(lock, 'wx')
  } catch {
    return undefined // another server is starting
  }
  try {
    rmSync(socketPath, { force: true })
    return await attempt()
  } finally {
    rmSync(lock, { force: true })
  }
}
