import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { environmentAtStart, testServerEnabled } from '../../bin/test-server-client.js'
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
 * Starts the checkout's test server in the background, warming up on this kata, unless one runs
 * already (it then exits at once). It stops by itself after a quiet spell.
 */
export function startTestServer(kata: Kata): void {
  const bin = fileURLToPath(new URL('../../bin/kata-test-server.js', import.meta.url))
  const child = spawn(process.execPath, [bin, kata.dir], {
    cwd: repoRoot,
    detached: true,
    stdio: 'ignore',
    env: environmentAtStart,
  })
  child.unref()
}
