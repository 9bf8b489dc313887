import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CheckItem } from './check-result.ts'

// Focused, skipped or todo tests would make a green run prove less than it claims.
const FORBIDDEN =
  /\b(?:it|test|describe|suite)\s*\.\s*(?:only|skip|todo|fails)\b|\b(?:xit|xdescribe|fit|fdescribe)\s*\(/
// Specs import the implementation through '#impl' only, so the same file runs against every target.
const PATH_INTO_SRC = /from\s+['"](?:\.\.?\/)+(?:[^'"]*\/)?src\//

export function staticSpecRules(specDir: string): CheckItem[] {
  const items: CheckItem[] = []
  for (const file of readdirSync(specDir).filter((f) => f.endsWith('.ts'))) {
    const lines = readFileSync(join(specDir, file), 'utf8').split('\n')
    const problems: string[] = []
    lines.forEach((line, i) => {
      if (FORBIDDEN.test(line)) problems.push(`line ${i + 1}: focused, skipped or todo test`)
      if (PATH_INTO_SRC.test(line)) problems.push(`line ${i + 1}: imports src/ directly; import from '#impl'`)
    })
    items.push({
      check: 'static',
      subject: file,
      ok: problems.length === 0,
      ...(problems.length ? { detail: problems.join('; ') } : {}),
    })
  }
  return items
}
