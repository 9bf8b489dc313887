import { type ChildProcess, spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { kafkaNativeStarter } from '../src/native/kafka/kafka-native-starter.ts'
import { isProcessAlive, waitForExit } from '../src/process-control.ts'
import { silentReporter } from '../src/reporter.ts'
import { serviceConfig } from '../src/service-config.ts'
import type { StartedService } from '../src/started-service.ts'

const children: ChildProcess[] = []
const dirs: string[] = []
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true })
})

/** A stand-in process whose command line looks like a broker (or not), without a JVM. */
function fakeProcess(...args: string[]): number {
  const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', ...args], { stdio: 'ignore' })
  children.push(child)
  return child.pid ?? -1
}

describe('the native Kafka starter, towards a recorded pid', () => {
  const setup = async () => {
    const root = await mkdtemp(join(tmpdir(), 'eda-infra-kafka-test-'))
    dirs.push(root)
    const runDir = join(root, 'eda-kafka-run')
    await mkdir(join(runDir, 'data'), { recursive: true })
    const starter = kafkaNativeStarter({ config: serviceConfig({}), cacheRoot: root, runsDir: root })
    const record = (pid: number): StartedService => ({
      id: 'r',
      service: 'kafka',
      method: 'native',
      address: '127.0.0.1:9092',
      startedAt: new Date(0).toISOString(),
      pid,
      runDir,
      dataDir: join(runDir, 'data'),
    })
    return { starter, runDir, record }
  }

  it('counts a pid as its broker only when it runs kafka.Kafka with this run’s config', async () => {
    const { starter, runDir, record } = await setup()
    const broker = fakeProcess('kafka.Kafka', join(runDir, 'server.properties'))
    const otherBroker = fakeProcess('kafka.Kafka', '/elsewhere/server.properties')
    const notKafka = fakeProcess('some-other-program')

    expect(await starter.isRunning(record(broker))).toBe(true)
    expect(await starter.isRunning(record(otherBroker))).toBe(false)
    expect(await starter.isRunning(record(notKafka))).toBe(false)
  })

  it('never signals a pid that is not its broker, and stops its broker and deletes its data', async () => {
    const { starter, runDir, record } = await setup()
    const notKafka = fakeProcess('some-other-program')
    const broker = fakeProcess('kafka.Kafka', join(runDir, 'server.properties'))

    await starter.stop(record(notKafka), silentReporter)
    expect(isProcessAlive(notKafka)).toBe(true)

    await starter.stop(record(broker), silentReporter)
    expect(await waitForExit(broker, 5_000)).toBe(true)
    expect(existsSync(join(runDir, 'data'))).toBe(false)
  })
})
