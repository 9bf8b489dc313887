import { join } from 'node:path'
import { backUpSource, replaceSource, sameFiles } from '../backups/backup-store.ts'
import { materialisePristineStub } from '../check/pristine-stub.ts'
import { kataRef, repoRoot } from '../curriculum/workspace.ts'
import { stateDir } from '../state/local-state.ts'
import { green, say } from '../ui/terminal.ts'
import { requireKata } from './require-kata.ts'

/** `pnpm kata reset <kata>`: back to the starting code, after saving the learner's files. */
export async function run(args: readonly string[]): Promise<number> {
  const kata = requireKata(args[0], 'pnpm kata reset <kata>')
  const stub = materialisePristineStub(repoRoot, kata.kataDir, join(stateDir(), 'tmp', 'stub', kata.dir))
  if (sameFiles(stub.dir, join(kata.kataDir, 'src'))) {
    say(`katas/${kata.dir}/src is already the starting code; nothing to reset.`)
    return 0
  }
  const backup = backUpSource(kata, 'reset')
  replaceSource(kata, stub.dir)
  say(green(`✓ katas/${kata.dir}/src is back to the starting code (${stub.source}).`))
  say(`Your files are saved in .kata/backups/${kata.dir}/${backup.name}`)
  say(`Bring them back with: pnpm kata restore ${kataRef(kata)} ${backup.name}`)
  return 0
}
