import type { StatusRow } from './infra.ts'

/** `pnpm infra status` as an aligned plain-text table (readable in a terminal and in CI logs). */
export function formatStatusTable(rows: readonly StatusRow[]): string {
  const header = ['service', 'address', 'reachable', 'started by']
  const cells = rows.map((row) => [
    row.service,
    row.address,
    row.reachable ? 'yes' : `no (${row.reason ?? 'no answer'})`,
    row.startedBy,
  ])
  const widths = header.map((title, column) =>
    Math.max(title.length, ...cells.map((cell) => cell[column]?.length ?? 0)),
  )
  const line = (values: readonly string[]) =>
    values
      .map((value, column) => (column === values.length - 1 ? value : value.padEnd(widths[column] ?? 0)))
      .join('  ')
  return [line(header), ...cells.map(line)].join('\n')
}
