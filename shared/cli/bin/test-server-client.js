// The fast path of `kata test <kata>`: ask a warm test server (src/server/) to run the specs.
// Plain JavaScript on purpose: it runs before any loader or test runner is started.
import { createHash } from 'node:crypto'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * The environment as the CLI was started with it, before Vitest adds its own variables: what a
 * test server started from this process inherits.
 */
export const environmentAtStart = { ...process.env }

/** The monorepo root (`repoRoot` in src/curriculum/workspace.ts): the CLI's and the server's socket name depend on it. */
export const repoRootOfBin = () =>
  process.env.EDA_KATAS_ROOT
    ? resolve(process.env.EDA_KATAS_ROOT)
    : resolve(dirname(fileURLToPath(import.meta.url)), '../../..')

/**
 * One server per checkout, on a local socket named after the checkout's path: in Linux's abstract
 * namespace (no file, gone with the process), a named pipe on Windows, a socket file elsewhere.
 */
export function testServerSocket(root) {
  const name = `eda-kata-test-${createHash('sha256').update(resolve(root)).digest('hex').slice(0, 16)}`
  if (process.platform === 'linux') return `\0${name}`
  if (process.platform === 'win32') return `\\\\.\\pipe\\${name}`
  return join(tmpdir(), `${name}.sock`)
}

/** On unless EDA_KATA_SERVER=0; off in CI, where nothing should outlive the run, unless it is 1. */
export function testServerEnabled(env = process.env) {
  if (env.EDA_KATA_SERVER === '0') return false
  return env.EDA_KATA_SERVER === '1' || !env.CI
}

/** The environment that can change a run's result: a server started with another must not answer. */
export function runEnvironment(env = process.env) {
  const names = Object.keys(env)
    .filter(
      (name) =>
        /^(EDA_|FC_|NODE_OPTIONS$|NODE_ENV$|CI$|TZ$)/.test(name) && !name.startsWith('EDA_KATA_SERVER'),
    )
    .sort()
  return JSON.stringify([process.execPath, process.version, ...names.map((name) => [name, env[name]])])
}

/**
 * What the last `askTestServer` found: `answered`; `declined` (the server runs, but not this
 * kind of run); `stopping` (it declined and is exiting: its code or settings changed); `absent`.
 */
export let testServerState = 'absent'

const useColor = () =>
  process.stdout.isTTY === true && !('NO_COLOR' in process.env) && process.env.TERM !== 'dumb'

/**
 * Sends `kata test <args>` to the checkout's test server. Resolves to the exit code once the
 * server's output is written, or to undefined when no server answered or it declined: the caller
 * then runs the specs itself. Nothing is written unless the whole answer arrived.
 */
export function askTestServer(args, root = repoRootOfBin()) {
  return new Promise((resolveAnswer) => {
    const socket = connect(testServerSocket(root))
    let buffer = ''
    let settled = false
    const done = (exitCode) => {
      if (settled) return
      settled = true
      socket.destroy()
      resolveAnswer(exitCode)
    }
    socket.once('error', () => done(undefined))
    socket.once('close', () => done(undefined))
    testServerState = 'absent'
    socket.once('connect', () => {
      socket.write(`${JSON.stringify({ args, color: useColor(), environment: runEnvironment() })}\n`)
    })
    socket.setEncoding('utf8')
    socket.on('data', (chunk) => {
      buffer += chunk
      const end = buffer.indexOf('\n')
      if (end === -1) return
      let answer
      try {
        answer = JSON.parse(buffer.slice(0, end))
      } catch {
        return done(undefined)
      }
      if (typeof answer.exitCode !== 'number' || typeof answer.output !== 'string') {
        testServerState = answer.stopping === true ? 'stopping' : 'declined'
        return done(undefined)
      }
      testServerState = 'answered'
      settled = true
      socket.destroy()
      process.stdout.write(answer.output, () => resolveAnswer(answer.exitCode))
    })
  })
}
