import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { environmentAtStart, testServerEnabled, testServerState } from '../../bin/test-server-client.js'
import type { Kata } from '../curriculum/workspace.ts'
import { repoRoot } from '../curriculum/workspace.ts'

/**
 * Whether the test server takes this kata's runs: in-process katas only. A kata that needs a
 * broker or a database probes it once per Vitest instance; a long-lived one would not notice the
 * service starting or stopping.
 */
export function testServerServes(kata: Kata): boolean {
  const services = [...kata.meta.services, ...kata.meta.steps.flatMap((step) => step.services ?? [])]
  return testServerEnabled() && services.length === 0
}

/**
 * Starts the checkout's test server in the background, warming up on this kata, unless the CLI
 * found one running that only declined this run (it exits at once if another one answers).
 * It stops by itself after a quiet spell.
 */
export function startTestServer(kata: Kata): void {
  if (testServerState === 'declined') return
  const bin = fileURLToPath(new URL('../../bin/kata-test-server.js', import.meta.url))
  const child = spawn(process.execPath, [bin, kata.dir], {
    cwd: repoRoot,
    detached: true,
    stdio: 'ignore',
    windowsHide: true,
    env: environmentAtStart,
  })
  child.unref()
}
