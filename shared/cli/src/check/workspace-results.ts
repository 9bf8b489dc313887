import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { CheckItem, VerifyResult } from './check-result.ts'

export interface PackageTestReport {
  readonly pkg: string
  readonly passed: number
  readonly failed: number
  readonly skipped: number
}

const workspaceDirs = (root: string, group: 'shared' | 'solutions') => {
  const dir = join(root, group)
  return existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        // A folder without package.json is no workspace (pnpm may leave an empty node_modules behind).
        .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'package.json')))
        .map((d) => join(dir, d.name))
    : []
}

/** Results of a previous run must never be counted again: turbo restores them from its cache. */
export function clearResults(root: string) {
  for (const dir of [...workspaceDirs(root, 'shared'), ...workspaceDirs(root, 'solutions')]) {
    rmSync(join(dir, '.kata-check', 'result.json'), { force: true })
    rmSync(join(dir, '.kata-check', 'vitest.json'), { force: true })
  }
}

export function readSolutionResults(root: string): Array<VerifyResult | { kata: string; missing: true }> {
  return workspaceDirs(root, 'solutions').map((dir) => {
    const file = join(dir, '.kata-check', 'result.json')
    const kata = dir.split(/[\\/]/).pop() ?? dir
    return existsSync(file)
      ? (JSON.parse(readFileSync(file, 'utf8')) as VerifyResult)
      : { kata, missing: true }
  })
}

interface VitestJson {
  numPassedTests: number
  numFailedTests: number
  numPendingTests: number
  numTodoTests: number
}

export function readSharedResults(root: string): Array<PackageTestReport | { pkg: string; missing: true }> {
  return workspaceDirs(root, 'shared').map((dir) => {
    const pkg = dir.split(/[\\/]/).pop() ?? dir
    const file = join(dir, '.kata-check', 'vitest.json')
    if (!existsSync(file)) return { pkg, missing: true }
    const json = JSON.parse(readFileSync(file, 'utf8')) as VitestJson
    return {
      pkg,
      passed: json.numPassedTests,
      failed: json.numFailedTests,
      skipped: json.numPendingTests + json.numTodoTests,
    }
  })
}

export type { CheckItem }
