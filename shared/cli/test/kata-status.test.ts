import { describe, expect, it } from 'vitest'
import type { SpecRun, TestOutcome } from '../src/check/run-specs.ts'
import type { Kata } from '../src/curriculum/workspace.ts'
import { statusFromRun } from '../src/progress/kata-status.ts'

const kata = {
  dir: '01-demo',
  kataDir: '/k',
  solutionDir: '/s',
  meta: {
    name: 'demo',
    order: 1,
    title: 'Demo',
    summary: '',
    minutes: 1,
    services: [],
    concepts: [],
    redAllowList: [],
    steps: [
      { spec: '01-a.spec.ts', title: 'A' },
      { spec: '02-b.spec.ts', title: 'B' },
      { spec: '03-c.spec.ts', title: 'C' },
    ],
  },
} satisfies Kata
const test = (file: string, state: TestOutcome['state']): TestOutcome => ({
  file,
  name: 't',
  state,
  errors: [],
})
const run = (tests: TestOutcome[], fileErrors: SpecRun['fileErrors'] = []): SpecRun => ({
  tests,
  fileErrors,
  unhandledErrors: 0,
})

describe('statusFromRun', () => {
  it('counts the steps that pass in order, up to the first that does not', () => {
    const status = statusFromRun(
      kata,
      run([test('01-a.spec.ts', 'passed'), test('02-b.spec.ts', 'failed'), test('03-c.spec.ts', 'passed')]),
    )
    expect(status).toEqual({ state: 'in-progress', passedSteps: 1, failingStep: 1 })
  })

  it('does not count a step after one whose spec file did not load, whether it ran or not', () => {
    const crashed = [{ file: '01-a.spec.ts', name: 'Error', message: 'Cannot find module' }]
    expect(statusFromRun(kata, run([test('02-b.spec.ts', 'passed')], crashed))).toEqual({
      state: 'in-progress',
      passedSteps: 0,
      failingStep: 0,
    })
    expect(statusFromRun(kata, run([], crashed))).toEqual({
      state: 'in-progress',
      passedSteps: 0,
      failingStep: 0,
    })
  })

  it('is solved when every step has tests and all of them pass; a step without tests is not done', () => {
    const all = ['01-a.spec.ts', '02-b.spec.ts', '03-c.spec.ts'].map((f) => test(f, 'passed'))
    expect(statusFromRun(kata, run(all))).toEqual({ state: 'solved', passedSteps: 3 })
    expect(statusFromRun(kata, run(all.slice(0, 2)))).toEqual({
      state: 'in-progress',
      passedSteps: 2,
      failingStep: 2,
    })
  })
})
