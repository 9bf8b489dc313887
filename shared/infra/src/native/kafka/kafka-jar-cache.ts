import { randomBytes } from 'node:crypto'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { findExecutable } from '../../find-executable.ts'
import { seconds, withProgress } from '../../progress-ticker.ts'
import type { Reporter } from '../../reporter.ts'
import { outputTail, runCommand } from '../../run-command.ts'
import { ServiceStartError } from '../../service-start-error.ts'
import { COPY_DEPENDENCIES_GOAL, kafkaPom } from './kafka-pom.ts'
import { KAFKA_VERSION, SCALA_VERSION } from './kafka-version.ts'

const CORE_JAR = `kafka_${SCALA_VERSION}-${KAFKA_VERSION}.jar`

/** `<cache>/kafka-3.9.2`: the jars of one Kafka version, shared by every clone of the repo. */
export function kafkaVersionDir(cacheRoot: string): string {
  return join(cacheRoot, `kafka-${KAFKA_VERSION}`)
}

/**
 * The cached jars, sorted (the class-data archive needs the same class path every time), or
 * undefined when they are not there yet. `lib/` only ever appears complete: it is renamed into
 * place after Maven succeeded.
 */
export function cachedKafkaJars(versionDir: string): string[] | undefined {
  const lib = join(versionDir, 'lib')
  if (!existsSync(join(lib, CORE_JAR))) return undefined
  return readdirSync(lib)
    .filter((name) => name.endsWith('.jar'))
    .sort()
    .map((name) => join(lib, name))
}

export interface DownloadKafkaJarsOptions {
  readonly versionDir: string
  readonly reporter: Reporter
  /** A separate Maven repository (the benchmark's cold start); default `~/.m2/repository`. */
  readonly mavenRepoLocal?: string
  readonly timeoutMs?: number
  readonly env?: NodeJS.ProcessEnv
}

/** Resolves the broker's jars from Maven Central with `mvn` into `<versionDir>/lib`. */
export async function downloadKafkaJars({
  versionDir,
  reporter,
  mavenRepoLocal,
  timeoutMs = 10 * 60_000,
  env = process.env,
}: DownloadKafkaJarsOptions): Promise<string[]> {
  const mvn = findExecutable('mvn', env)
  if (mvn === undefined) {
    throw new ServiceStartError(
      'kafka',
      `its jars are not cached yet and \`mvn\` is not installed to download them`,
      'install Maven (Debian/Ubuntu: `sudo apt-get install maven`, macOS: `brew install maven`), or use Docker',
    )
  }
  await mkdir(versionDir, { recursive: true })
  const pom = join(versionDir, 'pom.xml')
  await writeFile(pom, kafkaPom())
  // A unique folder per attempt: two downloads at once (two clones) must not mix their files.
  const partial = join(versionDir, `lib.partial-${process.pid}-${randomBytes(3).toString('hex')}`)
  const args = [
    '-q',
    '-B',
    '-f',
    pom,
    COPY_DEPENDENCIES_GOAL,
    `-DoutputDirectory=${partial}`,
    '-DincludeScope=runtime',
    ...(mavenRepoLocal === undefined ? [] : [`-Dmaven.repo.local=${mavenRepoLocal}`]),
  ]
  reporter.line(
    `kafka: downloading the Kafka ${KAFKA_VERSION} jars from Maven Central into ${versionDir} (first start only, ~50 MB)`,
  )
  const started = Date.now()
  const result = await withProgress(reporter, 'kafka: mvn copy-dependencies', () =>
    runCommand(mvn, args, { timeoutMs, env }),
  )
  if (result.code !== 0 || !existsSync(join(partial, CORE_JAR))) {
    await rm(partial, { recursive: true, force: true })
    const why = result.timedOut
      ? `did not finish within ${Math.round(timeoutMs / 60_000)} min`
      : outputTail(result)
    throw new ServiceStartError(
      'kafka',
      `Maven could not download the Kafka jars (${why || `exit code ${result.code}`})`,
      'check access to https://repo.maven.apache.org (or your mirror in ~/.m2/settings.xml), then run `pnpm infra up kafka` again',
    )
  }
  const lib = join(versionDir, 'lib')
  if (existsSync(join(lib, CORE_JAR))) {
    await rm(partial, { recursive: true, force: true })
  } else {
    await rm(lib, { recursive: true, force: true })
    await rename(partial, lib)
    // New jar files invalidate a class-data archive made from the old ones.
    for (const name of readdirSync(versionDir).filter((file) => file.includes('.jsa'))) {
      await rm(join(versionDir, name), { force: true })
    }
  }
  const jars = cachedKafkaJars(versionDir) ?? []
  const megabytes = jars.reduce((sum, jar) => sum + statSync(jar).size, 0) / 1e6
  reporter.line(
    `kafka: ${jars.length} jars (${megabytes.toFixed(0)} MB) cached in ${seconds(Date.now() - started)}`,
  )
  return jars
}
