import { join } from 'node:path'
import { runCommand } from '../../run-command.ts'
import type { StartBlocker } from '../../start-blocker.ts'

export interface JavaRuntime {
  readonly command: string
  /** As printed by `java -version`, e.g. `17.0.15`: part of the class-data archive's name. */
  readonly version: string
  readonly major: number
}

/** Kafka 3.9 runs on Java 11+; 17 is what we tell people to install (Kafka 4 needs it). */
export const MIN_JAVA_MAJOR = 11

export const JDK_FIX =
  'install a JDK 17 and Maven (Debian/Ubuntu: `sudo apt-get install openjdk-17-jdk-headless maven`, macOS: `brew install openjdk@17 maven`)'

/** The `java` of JAVA_HOME, else of PATH, with its version; or why it cannot run Kafka. */
export async function detectJava(env: NodeJS.ProcessEnv = process.env): Promise<JavaRuntime | StartBlocker> {
  const command = env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java'
  const result = await runCommand(command, ['-version'], { timeoutMs: 15_000, env })
  if (result.notFound || result.code !== 0) {
    return { reason: `no Java runtime found (\`${command} -version\` failed)`, fix: JDK_FIX }
  }
  const version = parseJavaVersion(`${result.stderr}\n${result.stdout}`)
  if (version === undefined) return { reason: `could not read the version of ${command}`, fix: JDK_FIX }
  if (version.major < MIN_JAVA_MAJOR) {
    return { reason: `Java ${version.version} is too old for Kafka (needs ${MIN_JAVA_MAJOR}+)`, fix: JDK_FIX }
  }
  return { command, ...version }
}

/** `openjdk version "17.0.15" 2025-04-15` → 17; the old `"1.8.0_292"` style → 8. */
export function parseJavaVersion(output: string): { version: string; major: number } | undefined {
  const match = /version "([^"]+)"/.exec(output)
  if (!match?.[1]) return undefined
  const version = match[1]
  const parts = version.split(/[.+_-]/).map(Number)
  const major = parts[0] === 1 ? (parts[1] ?? 0) : (parts[0] ?? 0)
  return Number.isFinite(major) && major > 0 ? { version, major } : undefined
}

export const isJavaRuntime = (value: JavaRuntime | StartBlocker): value is JavaRuntime => 'command' in value
