import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
import { repoRoot } from './repo-root.ts'

/** Where the tool keeps its files: state in the (gitignored) repo, jars in the user's cache. */
export interface InfraPaths {
  /** `.kata/infra`: state.json and the lock. */
  readonly stateDir: string
  /** The root `docker-compose.yml`. */
  readonly composeFile: string
  /** Downloaded Kafka jars and the JVM class-data archive, shared by every clone of the repo. */
  readonly kafkaCacheDir: string
  /** Per-run Kafka folders (config, data, log). */
  readonly runsDir: string
}

export function infraPaths(env: NodeJS.ProcessEnv = process.env, root = repoRoot()): InfraPaths {
  const cacheHome = env.XDG_CACHE_HOME?.trim() || join(homedir(), '.cache')
  return {
    stateDir: join(root, '.kata', 'infra'),
    composeFile: join(root, 'docker-compose.yml'),
    kafkaCacheDir: join(cacheHome, 'eda-katas'),
    runsDir: tmpdir(),
  }
}
