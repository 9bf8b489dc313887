import { join } from 'node:path'
import { backUpSource, listBackups, replaceSource, sameFiles } from '../backups/backup-store.ts'
import { kataRef } from '../curriculum/workspace.ts'
import { dim, green, say } from '../ui/terminal.ts'
import { UsageError } from './command.ts'
import { requireKata } from './require-kata.ts'

/** `pnpm kata restore <kata> [backup]`: brings a backup back (the newest by default). */
export async function run(args: readonly string[]): Promise<number> {
  const kata = requireKata(args[0], 'pnpm kata restore <kata> [backup]')
  const backups = listBackups(kata)
  if (backups.length === 0)
    throw new UsageError(`kata ${kata.dir} has no backups yet (reset and --apply make them)`)
  if (args[1] === '--list') {
    for (const b of backups) say(b.name)
    return 0
  }
  const wanted = args[1]
  const backup = wanted ? backups.find((b) => b.name === wanted) : backups.at(-1)
  if (!backup) {
    throw new UsageError(
      `no backup "${wanted}" for ${kata.dir}; see them with: pnpm kata restore ${kataRef(kata)} --list`,
    )
  }
  const src = join(kata.kataDir, 'src')
  if (!sameFiles(src, backup.dir)) {
    // Restoring overwrites src/ too: what is there now is saved first.
    const saved = backUpSource(kata, 'before-restore')
    say(dim(`Your current files are saved in .kata/backups/${kata.dir}/${saved.name}`))
  }
  replaceSource(kata, backup.dir)
  say(green(`✓ katas/${kata.dir}/src restored from ${backup.name}.`))
  return 0
}
