/** One line of Debian's `pg_lsclusters`: a PostgreSQL cluster this machine can start. */
export interface PostgresCluster {
  readonly version: string
  readonly name: string
  readonly port: number
  readonly online: boolean
  readonly owner: string
  readonly dataDir: string
  readonly logFile: string
}

/**
 * Parses `pg_lsclusters --no-header`: `15 main 5432 online postgres /var/lib/... /var/log/...`.
 * The status column may be `online,recovery` or `down`; the log column may be missing.
 */
export function parsePgLsclusters(output: string): PostgresCluster[] {
  const clusters: PostgresCluster[] = []
  for (const line of output.split('\n')) {
    const [version, name, port, status, owner, dataDir, logFile] = line.trim().split(/\s+/)
    if (!version || !name || !port || !status || !/^\d+(\.\d+)?$/.test(version)) continue
    clusters.push({
      version,
      name,
      port: Number(port),
      online: status.startsWith('online'),
      owner: owner ?? '',
      dataDir: dataDir ?? '',
      logFile: logFile ?? '',
    })
  }
  return clusters
}
