import { randomBytes } from 'node:crypto'
import { existsSync, statSync } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { KAFKA_VERSION } from './kafka-version.ts'

/**
 * A class-data-sharing archive lets the JVM map Kafka's ~6,000 classes instead of loading and
 * verifying them: it saves a good part of the start time. Java 17 can only write one at exit,
 * so the first broker records it (`-XX:ArchiveClassesAtExit`) into a pending file that becomes
 * the archive only after a clean stop; a killed JVM may leave it half-written. The archive is
 * named after the JDK version because another JDK rejects it (silently: it starts without).
 */
export interface CdsPlan {
  readonly flags: readonly string[]
  /** The file the JVM writes at exit, when this start records the archive. */
  readonly pending?: string
  readonly archive: string
}

export function planCdsArchive(versionDir: string, javaVersion: string, enabled: boolean): CdsPlan {
  const archive = join(versionDir, `kafka-${KAFKA_VERSION}-java-${javaVersion.replace(/[^\w.-]/g, '_')}.jsa`)
  if (!enabled) return { flags: [], archive }
  // Dumping warns about every class it skips (log4j 1's are too old for CDS): noise in kafka.log.
  const quiet = '-Xlog:cds*=error'
  if (existsSync(archive)) return { flags: [`-XX:SharedArchiveFile=${archive}`, quiet], archive }
  const pending = `${archive}.${randomBytes(3).toString('hex')}.pending`
  return { flags: [`-XX:ArchiveClassesAtExit=${pending}`, quiet], pending, archive }
}

/** After the broker stopped: keep what a clean exit wrote, drop what a kill may have cut short. */
export async function settleCdsArchive(pending: string, archive: string, cleanExit: boolean): Promise<void> {
  const written = existsSync(pending) && statSync(pending).size > 0
  if (cleanExit && written && !existsSync(archive)) {
    await rename(pending, archive)
    return
  }
  await rm(pending, { force: true })
}
