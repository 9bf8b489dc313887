import { spawn } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { findExecutable } from '../../find-executable.ts'
import { isPortListening } from '../../port-check.ts'
import { isProcessAlive, processCommandLine, terminateProcess } from '../../process-control.ts'
import { remoteBlocker } from '../../remote-blocker.ts'
import { outputTail, runCommand } from '../../run-command.ts'
import { isLocalService, type ServiceConfig, serviceAddress, serviceEndpoint } from '../../service-config.ts'
import { ServiceStartError } from '../../service-start-error.ts'
import type { ServiceStarter } from '../../service-starter.ts'
import type { StartedService } from '../../started-service.ts'
import { detectJava, isJavaRuntime, type JavaRuntime, JDK_FIX } from './java-runtime.ts'
import { planCdsArchive, settleCdsArchive } from './kafka-cds-archive.ts'
import { cachedKafkaJars, downloadKafkaJars, kafkaVersionDir } from './kafka-jar-cache.ts'
import { kafkaJvmOptions } from './kafka-jvm-options.ts'
import { pruneOldRunDirs, RUN_DIR_PREFIX } from './kafka-run-dirs.ts'
import { KAFKA_CLUSTER_ID, KAFKA_LOG4J_PROPERTIES, kafkaServerProperties } from './kafka-server-config.ts'
import { KAFKA_VERSION } from './kafka-version.ts'

export interface KafkaNativeOptions {
  readonly config: ServiceConfig
  /** `<XDG cache>/eda-katas`: the jars go to `kafka-3.9.2/lib` below it. */
  readonly cacheRoot: string
  /** Where per-run folders are made (the OS temp dir). */
  readonly runsDir: string
  /** Record and use a class-data archive (default true). */
  readonly cds?: boolean
  readonly mavenRepoLocal?: string
  readonly env?: NodeJS.ProcessEnv
  /** How long a clean shutdown may take before SIGKILL. */
  readonly stopGraceMs?: number
}

/** The main class `down` expects to see in a recorded pid's command line before signalling it. */
const BROKER_MAIN_CLASS = 'kafka.Kafka'

/**
 * A real Apache Kafka broker from Maven Central jars on the local JDK, in KRaft combined mode,
 * with a fresh data dir per run under the OS temp dir. The JVM is detached: it outlives the
 * command that started it, and `down` stops it by the pid recorded in the state.
 */
export function kafkaNativeStarter(options: KafkaNativeOptions): ServiceStarter {
  const { config, env = process.env } = options
  const versionDir = kafkaVersionDir(options.cacheRoot)
  const address = serviceAddress('kafka', config)
  let java: JavaRuntime | undefined

  // A pid is reused after its process exits: only a live Kafka JVM running this record's own
  // config (its run dir is on the command line) counts as the broker we started.
  const isOurBroker = (record: StartedService): boolean => {
    if (record.pid === undefined || !isProcessAlive(record.pid)) return false
    const commandLine = processCommandLine(record.pid) ?? ''
    return (
      commandLine.includes(BROKER_MAIN_CLASS) &&
      (record.runDir === undefined || commandLine.includes(record.runDir))
    )
  }

  const forget = async (record: StartedService): Promise<void> => {
    // The data is throw-away; the log stays in the run dir for a post-mortem.
    if (record.dataDir !== undefined) await rm(record.dataDir, { recursive: true, force: true })
    if (record.cdsArchivePending !== undefined && !isOurBroker(record)) {
      await rm(record.cdsArchivePending, { force: true })
    }
  }

  return {
    service: 'kafka',
    method: 'native',
    async check() {
      if (!isLocalService('kafka', config)) return remoteBlocker('kafka', address)
      const detected = await detectJava(env)
      if (!isJavaRuntime(detected)) return detected
      java = detected
      if (cachedKafkaJars(versionDir) === undefined && findExecutable('mvn', env) === undefined) {
        return {
          reason: 'the Kafka jars are not cached yet and `mvn` is not installed to download them',
          fix: JDK_FIX,
        }
      }
      return undefined
    },
    async start(reporter) {
      const runtime = java ?? (await requireJava(env))
      const jars =
        cachedKafkaJars(versionDir) ??
        (await downloadKafkaJars({ versionDir, reporter, env, ...maven(options) }))
      const { host, port } = serviceEndpoint('kafka', config)
      const controllerPort = port + 1
      for (const taken of [port, controllerPort]) {
        if (await isPortListening(host, taken)) {
          throw new ServiceStartError(
            'kafka',
            `port ${taken} on ${host} is taken by something that is not a Kafka broker answering at ${address}`,
            `stop it, or set KAFKA_BROKERS to a free port (the broker also uses that port + 1)`,
          )
        }
      }
      await pruneOldRunDirs(options.runsDir)
      const runDir = await mkdtemp(join(options.runsDir, RUN_DIR_PREFIX))
      const dataDir = join(runDir, 'data')
      const logFile = join(runDir, 'kafka.log')
      const propertiesFile = join(runDir, 'server.properties')
      const log4jFile = join(runDir, 'log4j.properties')
      await writeFile(propertiesFile, kafkaServerProperties({ host, port, controllerPort, dataDir }))
      await writeFile(log4jFile, KAFKA_LOG4J_PROPERTIES)
      const cds = planCdsArchive(versionDir, runtime.version, options.cds ?? true)
      const classpath = jars.join(process.platform === 'win32' ? ';' : ':')
      const jvm = kafkaJvmOptions(log4jFile, cds.flags)

      reporter.line(
        `kafka: starting Apache Kafka ${KAFKA_VERSION} (KRaft, java ${runtime.version}) in ${runDir}`,
      )
      // StorageTool does not need the archive; recording it there would only capture its classes.
      const format = await runCommand(
        runtime.command,
        [
          ...kafkaJvmOptions(log4jFile, []),
          '-cp',
          classpath,
          'kafka.tools.StorageTool',
          'format',
          '-t',
          KAFKA_CLUSTER_ID,
          '-c',
          propertiesFile,
        ],
        { timeoutMs: 60_000, env },
      )
      if (format.code !== 0) {
        throw new ServiceStartError(
          'kafka',
          `formatting the data dir failed: ${outputTail(format)}`,
          `see ${runDir}`,
        )
      }
      const out = openSync(logFile, 'a')
      let pid: number | undefined
      try {
        const child = spawn(runtime.command, [...jvm, '-cp', classpath, BROKER_MAIN_CLASS, propertiesFile], {
          detached: true,
          stdio: ['ignore', out, out],
          env,
        })
        child.on('error', () => undefined)
        pid = child.pid
        child.unref()
      } finally {
        closeSync(out)
      }
      if (pid === undefined) throw new ServiceStartError('kafka', `could not run ${runtime.command}`, JDK_FIX)
      return {
        id: randomUUID(),
        service: 'kafka',
        method: 'native',
        address,
        startedAt: new Date().toISOString(),
        pid,
        runDir,
        dataDir,
        logFile,
        ...(cds.pending === undefined ? {} : { cdsArchivePending: cds.pending, cdsArchive: cds.archive }),
      }
    },
    isRunning: async (record) => isOurBroker(record),
    hasExited: async (record) => !isOurBroker(record),
    async stop(record, reporter) {
      if (record.pid === undefined || !isOurBroker(record)) return
      reporter.line(`kafka: stopping the broker (pid ${record.pid})`)
      const outcome = await terminateProcess(record.pid, { graceMs: options.stopGraceMs ?? 30_000 })
      if (record.cdsArchivePending !== undefined && record.cdsArchive !== undefined) {
        await settleCdsArchive(record.cdsArchivePending, record.cdsArchive, outcome === 'exited')
      }
      await forget(record)
    },
    forget,
    async diagnose(record) {
      if (record.logFile === undefined || !existsSync(record.logFile)) return undefined
      const lines = readFileSync(record.logFile, 'utf8').split('\n')
      const errors = lines.filter((line) => /\b(ERROR|FATAL)\b|Exception|Error:/.test(line))
      return (errors.at(-1) ?? lines.filter((line) => line.trim() !== '').at(-1))?.trim().slice(0, 300)
    },
    logs: (record) =>
      record.logFile === undefined
        ? { kind: 'hint', text: 'no log file was recorded' }
        : { kind: 'file', path: record.logFile },
  }
}

const maven = (options: KafkaNativeOptions) =>
  options.mavenRepoLocal === undefined ? {} : { mavenRepoLocal: options.mavenRepoLocal }

async function requireJava(env: NodeJS.ProcessEnv): Promise<JavaRuntime> {
  const detected = await detectJava(env)
  if (!isJavaRuntime(detected)) throw new ServiceStartError('kafka', detected.reason, detected.fix)
  return detected
}
