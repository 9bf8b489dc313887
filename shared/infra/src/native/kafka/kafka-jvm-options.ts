/**
 * JVM flags for a small, fast-starting broker: a bounded heap (the stock script takes 1 GB), the
 * serial collector (a test broker has one busy thread or two), C1 only (a JIT that warms up fast
 * beats one that peaks late, for a process that lives minutes), no AWT.
 */
export function kafkaJvmOptions(log4jFile: string, cdsFlags: readonly string[]): string[] {
  return [
    '-Xms256m',
    '-Xmx512m',
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djava.awt.headless=true',
    `-Dlog4j.configuration=file:${log4jFile}`,
    ...cdsFlags,
  ]
}
