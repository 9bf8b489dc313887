import { outputTail, runCommand } from '../run-command.ts'
import type { StartBlocker } from '../start-blocker.ts'

/**
 * Undefined when a Docker engine answers and `docker compose` exists; otherwise why not. A docker
 * client without a running daemon is common (Docker Desktop closed, CI without a socket), and
 * `docker info` then fails within a few seconds; the time limit covers a hung socket.
 */
export async function checkDockerEngine(
  env: NodeJS.ProcessEnv = process.env,
): Promise<StartBlocker | undefined> {
  const info = await runCommand('docker', ['info', '--format', '{{.ServerVersion}}'], {
    timeoutMs: 8_000,
    env,
  })
  if (info.notFound)
    return { reason: 'Docker is not installed', fix: 'install Docker (https://docs.docker.com/get-docker/)' }
  if (info.code !== 0 || info.stdout.trim() === '') {
    if (/permission denied/i.test(outputTail(info))) {
      return {
        reason: 'Docker is installed but this user may not use its socket (permission denied)',
        fix: 'add yourself to the docker group (`sudo usermod -aG docker $USER`, then log in again)',
      }
    }
    const why = info.timedOut ? 'did not answer within 8 s' : 'failed'
    return { reason: `no Docker engine answers (\`docker info\` ${why})`, fix: 'start Docker' }
  }
  const compose = await runCommand('docker', ['compose', 'version'], { timeoutMs: 8_000, env })
  if (compose.code !== 0) {
    return {
      reason: 'Docker answers but `docker compose` is missing',
      fix: 'install the Docker Compose plugin (https://docs.docker.com/compose/install/)',
    }
  }
  return undefined
}
