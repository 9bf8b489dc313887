import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { isInfraRequired, probeService, type ServiceName } from '@eda/infra'
import { kataServices, stepServices } from '../curriculum/kata-metadata.ts'
import type { Kata } from '../curriculum/workspace.ts'
import { repoRoot } from '../curriculum/workspace.ts'
import type { CheckItem, VerifyResult } from './check-result.ts'
import { givenFilesRule } from './given-files-rule.ts'
import { mutantSources, StaleMutantError } from './mutant-patches.ts'
import { materialisePristineStub } from './pristine-stub.ts'
import { runSpecs, type SpecRun, type TestOutcome } from './run-specs.ts'
import { sourceSwapPlugin } from './source-swap-plugin.ts'
import { staticSpecRules } from './static-spec-rules.ts'

/** On the stub a test must fail on an assertion or on the stub's NotImplemented error, nothing else. */
export const ACCEPTED_RED_ERRORS = ['AssertionError', 'NotImplementedError', 'WaitForTimeoutError']

export interface Mutant {
  readonly name: string
  readonly dir: string
  readonly bug: string
}

export function listMutants(solutionDir: string): Mutant[] {
  const root = join(solutionDir, 'mutants')
  if (!existsSync(root)) return []
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => {
      const dir = join(root, d.name)
      const meta = existsSync(join(dir, 'mutant.json'))
        ? (JSON.parse(readFileSync(join(dir, 'mutant.json'), 'utf8')) as { bug?: string })
        : {}
      return { name: d.name, dir, bug: meta.bug ?? '(no description: add mutant.json with "bug")' }
    })
    .sort((a, b) => a.name.localeCompare(b.name))
}

const describeError = (t: TestOutcome) => {
  const e = t.errors[0]
  return e ? `${e.name}: ${e.message}` : 'no error recorded'
}

function greenItems(run: SpecRun): CheckItem[] {
  const items: CheckItem[] = run.fileErrors.map((e) => ({
    check: 'green',
    subject: e.file,
    ok: false,
    detail: `the spec file failed to run: ${e.name}: ${e.message}`,
  }))
  if (run.tests.length === 0)
    items.push({ check: 'green', subject: '(all specs)', ok: false, detail: 'no tests ran' })
  for (const t of run.tests) {
    const subject = `${t.file} > ${t.name}`
    if (t.state === 'passed') items.push({ check: 'green', subject, ok: true })
    else if (t.state === 'skipped')
      items.push({
        check: 'green',
        subject,
        ok: false,
        detail: 'skipped on the reference (no test may be skipped)',
      })
    else items.push({ check: 'green', subject, ok: false, detail: describeError(t) })
  }
  if (run.unhandledErrors > 0)
    items.push({
      check: 'green',
      subject: '(run)',
      ok: false,
      detail: `${run.unhandledErrors} unhandled error(s)`,
    })
  return items
}

function redItems(run: SpecRun, kata: Kata): CheckItem[] {
  const allowed = new Map(kata.meta.redAllowList.map((a) => [a.test, a.reason]))
  const items: CheckItem[] = run.fileErrors
    .filter((e) => e.name !== 'NotImplementedError')
    .map((e) => ({
      check: 'red',
      subject: e.file,
      ok: false,
      detail: `the spec file failed on the stub with ${e.name}: ${e.message} (it must load and fail test by test)`,
    }))
  for (const t of run.tests) {
    const subject = `${t.file} > ${t.name}`
    if (allowed.has(t.name)) {
      items.push({
        check: 'red',
        subject,
        ok: true,
        detail: `allowed to pass on the stub: ${allowed.get(t.name)}`,
      })
    } else if (t.state === 'passed') {
      items.push({
        check: 'red',
        subject,
        ok: false,
        detail: 'passes on the pristine stub: it checks nothing the learner writes',
      })
    } else if (t.state !== 'failed') {
      items.push({ check: 'red', subject, ok: false, detail: `did not run on the stub (${t.state})` })
    } else {
      const name = t.errors[0]?.name ?? 'Error'
      const ok = ACCEPTED_RED_ERRORS.includes(name)
      items.push({
        check: 'red',
        subject,
        ok,
        ...(ok
          ? {}
          : {
              detail: `fails on the stub with ${describeError(t)}, not an assertion or NotImplementedError`,
            }),
      })
    }
  }
  return items
}

function mutantItem(mutant: Mutant, run: SpecRun): CheckItem {
  const killer = run.tests.find((t) => t.state === 'failed')
  if (killer)
    return {
      check: 'mutant',
      subject: mutant.name,
      ok: true,
      detail: `caught by ${killer.file} > ${killer.name}`,
    }
  const crash = run.fileErrors[0]
  if (crash)
    return {
      check: 'mutant',
      subject: mutant.name,
      ok: false,
      detail: `the specs crashed instead of catching it (${crash.name}: ${crash.message}); a mutant must load`,
    }
  return { check: 'mutant', subject: mutant.name, ok: false, detail: `survived every spec: ${mutant.bug}` }
}

/** Every service a kata's specs talk to: the kata's own and its steps'. */
export const servicesOf = (kata: Kata): ServiceName[] => kataServices(kata.meta)

/**
 * Outside CI, steps whose services are missing are left out, each with the reason and the fix; in
 * CI (or with EDA_REQUIRE_INFRA=1) everything runs, so a missing service fails its specs.
 */
async function stepsToRun(kata: Kata): Promise<{ files?: string[]; skipped: string[] }> {
  if (isInfraRequired()) return { skipped: [] }
  const missing = new Map<ServiceName, string>()
  for (const service of servicesOf(kata)) {
    const probe = await probeService(service, { mode: 'ready' })
    if (!probe.reachable)
      missing.set(
        service,
        `${service} is not reachable (${probe.reason}); start it with: pnpm infra up ${service}`,
      )
  }
  if (missing.size === 0) return { skipped: [] }
  const needs = (step: Kata['meta']['steps'][number]) => stepServices(kata.meta, step)
  const runnable = kata.meta.steps.filter((step) => needs(step).every((s) => !missing.has(s)))
  const skipped = kata.meta.steps
    .filter((step) => !runnable.includes(step))
    .map(
      (step) =>
        `${step.spec}: ${needs(step)
          .filter((s) => missing.has(s))
          .map((s) => missing.get(s))
          .join('; ')}`,
    )
  return { files: runnable.map((s) => s.spec), skipped }
}

/** Green on the reference, red on the pristine stub, every mutant caught: the promise a kata makes. */
export async function verifySolution(kata: Kata, log: (line: string) => void): Promise<VerifyResult> {
  const referenceSrc = join(kata.solutionDir, 'src')
  const reference = join(referenceSrc, 'index.ts')
  const workDir = join(kata.solutionDir, '.kata-check')
  const { files, skipped: skippedSteps } = await stepsToRun(kata)
  if (files?.length === 0) {
    const result: VerifyResult = {
      kata: kata.dir,
      stubSource: '-',
      items: [],
      skipped: skippedSteps.join(' · '),
    }
    mkdirSync(workDir, { recursive: true })
    writeFileSync(join(workDir, 'result.json'), `${JSON.stringify(result, null, 2)}\n`)
    return result
  }
  const items: CheckItem[] = [...staticSpecRules(join(kata.kataDir, 'spec'))]

  const timed = async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now()
    const result = await work()
    log(`${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`)
    return result
  }

  const green = await timed('green: the reference against the specs', () =>
    runSpecs(kata, { implEntry: reference, report: true, ...(files ? { files } : {}) }),
  )
  items.push(...greenItems(green))

  const stub = materialisePristineStub(repoRoot, kata.kataDir, join(workDir, 'stub'))
  items.push(...givenFilesRule(stub.dir, referenceSrc))
  const red = await timed(`red: the pristine stub (${stub.source}) against the same specs`, () =>
    runSpecs(kata, { implEntry: join(stub.dir, 'index.ts'), ...(files ? { files } : {}) }),
  )
  items.push(...redItems(red, kata))

  for (const mutant of listMutants(kata.solutionDir)) {
    let sources: Map<string, string>
    try {
      sources = mutantSources(referenceSrc, mutant.dir, mutant.name)
    } catch (error) {
      if (!(error instanceof StaleMutantError)) throw error
      items.push({ check: 'mutant', subject: mutant.name, ok: false, detail: error.message })
      continue
    }
    if (sources.size === 0) {
      const detail = 'no <file>.ts.patch in its folder: a mutant is a diff against a file of src/'
      items.push({ check: 'mutant', subject: mutant.name, ok: false, detail })
      continue
    }
    const run = await timed(`mutant ${mutant.name}: ${mutant.bug}`, () =>
      runSpecs(kata, {
        implEntry: reference,
        plugins: [sourceSwapPlugin(sources)],
        bail: true,
        ...(files ? { files } : {}),
      }),
    )
    items.push(mutantItem(mutant, run))
  }

  const result: VerifyResult = {
    kata: kata.dir,
    stubSource: stub.source,
    items,
    ...(skippedSteps.length ? { skippedSteps } : {}),
  }
  mkdirSync(workDir, { recursive: true })
  writeFileSync(join(workDir, 'result.json'), `${JSON.stringify(result, null, 2)}\n`)
  return result
}
