// Measures how long `pnpm infra up kafka` takes natively: the first start (jars downloaded from
// Maven Central into an empty cache) and warm starts (jars cached; with and without the class-data
// archive). Runs on its own port, cache and Maven repository, so it neither meets a broker you have
// running nor warms your real cache.
//
//   pnpm --filter @eda/infra bench [--runs 5] [--port 19092] [--no-cold]
import { mkdtemp, rm } from 'node:fs/promises'
import { cpus, tmpdir, totalmem } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { Infra } from '../src/infra.ts'
import { memoryStateStore } from '../src/infra-state.ts'
import { detectJava } from '../src/native/kafka/java-runtime.ts'
import { downloadKafkaJars, kafkaVersionDir } from '../src/native/kafka/kafka-jar-cache.ts'
import { kafkaNativeStarter } from '../src/native/kafka/kafka-native-starter.ts'
import { KAFKA_VERSION } from '../src/native/kafka/kafka-version.ts'
import { isPortListening } from '../src/port-check.ts'
import { probeService } from '../src/probe-service.ts'
import { silentReporter } from '../src/reporter.ts'
import { serviceConfig } from '../src/service-config.ts'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    port: { type: 'string', default: '19092' },
    'no-cold': { type: 'boolean', default: false },
  },
})
const runs = Number(values.runs)
const port = Number(values.port)

interface Row {
  readonly label: string
  readonly downloadMs?: number
  readonly readyMs: number
  readonly stopMs: number
}

const seconds = (ms: number | undefined) => (ms === undefined ? '' : `${(ms / 1000).toFixed(1)} s`)
const median = (xs: readonly number[]) =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN
const log = (line: string) => process.stderr.write(`${line}\n`)

async function main(): Promise<void> {
  for (const taken of [port, port + 1]) {
    if (await isPortListening('127.0.0.1', taken))
      throw new Error(`port ${taken} is in use: pick another with --port`)
  }
  const env = { ...process.env, KAFKA_BROKERS: `127.0.0.1:${port}` }
  const config = serviceConfig(env)
  const cacheRoot = await mkdtemp(join(tmpdir(), 'eda-bench-cache-'))
  const mavenRepo = await mkdtemp(join(tmpdir(), 'eda-bench-m2-'))
  const rows: Row[] = []

  // The same decisions and starter as `pnpm infra up kafka`, minus Docker and the state file.
  const infraWith = (cds: boolean) => {
    const starter = kafkaNativeStarter({
      config,
      env,
      cacheRoot,
      runsDir: tmpdir(),
      cds,
      mavenRepoLocal: mavenRepo,
    })
    return new Infra({
      config,
      probe: (service, mode) => probeService(service, { config, mode }),
      dockerBlocker: async () => ({ reason: 'benchmark of the native start', fix: '' }),
      starter: () => starter,
      state: memoryStateStore(),
      reporter: silentReporter,
      method: 'native',
    })
  }

  const measure = async (label: string, cds: boolean, downloadMs?: number): Promise<void> => {
    const infra = infraWith(cds)
    const started = Date.now()
    const [result] = await infra.up(['kafka'])
    const readyMs = Date.now() - started
    const stopping = Date.now()
    await infra.down(['kafka'])
    const stopMs = Date.now() - stopping
    if (result?.outcome !== 'started') {
      throw new Error(`${label}: ${result?.outcome === 'failed' ? result.error.message : result?.outcome}`)
    }
    rows.push({ label, readyMs, stopMs, ...(downloadMs === undefined ? {} : { downloadMs }) })
    log(`${label}: ready in ${seconds(readyMs)}, stopped in ${seconds(stopMs)}`)
  }

  try {
    if (!values['no-cold']) {
      log(`cold: downloading Kafka ${KAFKA_VERSION} jars into an empty cache and an empty Maven repository…`)
      const downloading = Date.now()
      await downloadKafkaJars({
        versionDir: kafkaVersionDir(cacheRoot),
        reporter: silentReporter,
        mavenRepoLocal: mavenRepo,
        env,
      })
      const downloadMs = Date.now() - downloading
      log(`cold: jars downloaded in ${seconds(downloadMs)}`)
      // The first start also records the class-data archive, written when the broker stops.
      await measure('cold (first start, records CDS)', true, downloadMs)
    } else {
      await downloadKafkaJars({
        versionDir: kafkaVersionDir(cacheRoot),
        reporter: silentReporter,
        mavenRepoLocal: mavenRepo,
        env,
      })
      await measure('warm-up (records CDS)', true)
    }
    for (let run = 1; run <= runs; run++) await measure(`warm ${run} (CDS)`, true)
    for (let run = 1; run <= runs; run++) await measure(`warm ${run} (no CDS)`, false)
  } finally {
    await rm(cacheRoot, { recursive: true, force: true })
    await rm(mavenRepo, { recursive: true, force: true })
  }

  const java = await detectJava(env)
  const javaLine = 'version' in java ? java.version : 'unknown'
  const warm = (cds: boolean) =>
    rows.filter((row) => row.label.startsWith('warm ') && row.label.includes(cds ? '(CDS)' : 'no CDS'))
  console.log(
    `Kafka ${KAFKA_VERSION} native start, ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Java ${javaLine}, Node ${process.version}`,
  )
  console.log('')
  console.log('| run | download | start → ready | stop |')
  console.log('|---|---:|---:|---:|')
  for (const row of rows)
    console.log(
      `| ${row.label} | ${seconds(row.downloadMs)} | ${seconds(row.readyMs)} | ${seconds(row.stopMs)} |`,
    )
  console.log('')
  console.log(
    `median warm start → ready: ${seconds(median(warm(true).map((r) => r.readyMs)))} with CDS, ${seconds(median(warm(false).map((r) => r.readyMs)))} without`,
  )
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`bench failed: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  },
)
