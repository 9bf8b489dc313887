import { appendFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
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

type Answer = { readonly output: string; readonly exitCode: number } | { readonly declined: string }

const IDLE_MINUTES = Number(process.env.EDA_KATA_SERVER_IDLE_MINUTES ?? 15)

/**
 * The warm test server behind `pnpm kata test`. A one-off run pays for Node, the TypeScript
 * loader, Vitest, a worker thread and the specs' dependencies before the first test: seconds.
 * This keeps all of that loaded, per kata a `StepRunner` with its warm test thread, and before
 * each run invalidates exactly the files that changed on disk. One server per checkout, on a
 * local socket; requests are served one at a time. It declines what it cannot answer as the
 * one-off run would (another kata's services, `--verbose`, another environment) and exits when
 * its own code, the installed packages or the shared settings change, or after a quiet spell.
 */
export async function serveTests(warmUp: string | undefined): Promise<void> {
  const socketPath = testServerSocket(repoRoot)
  const fingerprint = serverFingerprint()
  const environment = runEnvironment()
  const runners = new Map<string, StepRunner>()
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
    log(`stopping: ${reason}`)
    // Gone from the socket and the state folder first: Vitest's own signal handler may end the
    // process before the runners have closed.
    rmSync(join(stateDir(), 'test-server.json'), { force: true })
    server?.close()
    for (const runner of runners.values()) await runner.close().catch(() => {})
    process.exit(0)
  }
  const stayAwake = () => {
    clearTimeout(idle)
    idle = setTimeout(() => void shutDown(`${IDLE_MINUTES} minutes without a request`), IDLE_MINUTES * 60_000)
    idle.unref()
  }

  const runnerFor = async (kata: Kata) => {
    const known = runners.get(kata.dir)
    if (known) return known
    const runner = await StepRunner.start(kata)
    runners.set(kata.dir, runner)
    return runner
  }

  const answer = async (request: TestRequest): Promise<Answer> => {
    if (request.environment !== environment) return { declined: 'another environment' }
    if (serverFingerprint() !== fingerprint)
      return { declined: 'the CLI, the packages or the settings changed' }
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
      queue = queue.then(async () => {
        stayAwake()
        let reply: Answer
        const started = performance.now()
        const request = JSON.parse(line) as TestRequest
        const what = `kata test ${request.args.join(' ')}`
        try {
          reply = await answer(request)
          log(
            'declined' in reply
              ? `declined ${what}: ${reply.declined}`
              : `answered ${what} in ${Math.round(performance.now() - started)} ms`,
          )
        } catch (error) {
          log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
          reply = { declined: 'the server failed' }
        }
        socket.end(`${JSON.stringify(reply)}\n`)
        if ('declined' in reply && /changed|environment|failed/.test(reply.declined))
          await shutDown(reply.declined)
      })
    })
  }

  server = await listen(socketPath, serve)
  if (!server) return // another server answers on this socket already
  writeFileSync(
    join(stateDir(), 'test-server.json'),
    `${JSON.stringify({ pid: process.pid, socket: socketPath, startedAt: new Date().toISOString() }, null, 2)}\n`,
  )
  log(`serving on ${socketPath} (pid ${process.pid})`)
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

/**
 * Listens on the socket. A socket file left by a server that died is removed; when a live server
 * answers on it already, resolves to undefined.
 */
async function listen(socketPath: string, serve: (socket: Socket) => void): Promise<Server | undefined> {
  mkdirSync(stateDir(), { recursive: true })
  for (let attempt = 0; attempt < 2; attempt++) {
    const server = createServer(serve)
    const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      server.once('error', resolve)
      server.listen(socketPath, () => resolve(undefined))
    })
    if (!error) return server
    if (error.code !== 'EADDRINUSE') throw error
    const alive = await new Promise<boolean>((resolve) => {
      const probe = connect(socketPath)
      probe.once('connect', () => {
        probe.destroy()
        resolve(true)
      })
      probe.once('error', () => resolve(false))
    })
    if (alive) return undefined
    rmSync(socketPath, { force: true })
  }
  return undefined
}
