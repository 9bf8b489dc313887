import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { KataMetadataError } from './kata-metadata-error.ts'

/** A service a kata's specs talk to; the CLI checks it and the test command starts it. */
export type ServiceName = 'kafka' | 'rabbitmq' | 'postgres'

export interface KataStep {
  /** File name of the step's spec, relative to the kata's `spec/` folder. */
  readonly spec: string
  readonly title: string
  /** Services this step needs; when absent, the kata's own list applies (so `[]` marks an in-process step). */
  readonly services?: readonly ServiceName[]
}

/** A spec test that is meant to pass on the stub, with the reason the red check accepts it. */
export interface RedAllowance {
  readonly test: string
  readonly reason: string
}

/** The one place a kata's metadata lives: `katas/<NN-name>/kata.json`. */
export interface KataMetadata {
  readonly name: string
  readonly order: number
  readonly title: string
  readonly summary: string
  readonly minutes: number
  readonly services: readonly ServiceName[]
  readonly concepts: readonly string[]
  readonly steps: readonly KataStep[]
  readonly redAllowList: readonly RedAllowance[]
}

const SERVICES: readonly ServiceName[] = ['kafka', 'rabbitmq', 'postgres']

export function readKataMetadata(kataDir: string): KataMetadata {
  const file = join(kataDir, 'kata.json')
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new KataMetadataError(file, 'is missing or not valid JSON', { cause: error })
  }
  return validateKataMetadata(file, raw)
}

function validateKataMetadata(file: string, raw: unknown): KataMetadata {
  const fail = (reason: string): never => {
    throw new KataMetadataError(file, reason)
  }
  if (typeof raw !== 'object' || raw === null) return fail('must be an object')
  const o = raw as Record<string, unknown>
  const str = (key: string): string =>
    typeof o[key] === 'string' && o[key] !== '' ? o[key] : fail(`"${key}" must be a non-empty string`)
  const num = (key: string): number =>
    Number.isInteger(o[key]) && (o[key] as number) >= 0
      ? (o[key] as number)
      : fail(`"${key}" must be an integer ≥ 0`)
  const services = (value: unknown, where: string): ServiceName[] => {
    if (value === undefined) return []
    if (!Array.isArray(value) || value.some((s) => !SERVICES.includes(s as ServiceName)))
      return fail(`"${where}" must list services among ${SERVICES.join(', ')}`)
    return value as ServiceName[]
  }
  const stepsRaw =
    Array.isArray(o.steps) && o.steps.length > 0 ? o.steps : fail('"steps" must be a non-empty array')
  const steps = stepsRaw.map((s: unknown, i: number): KataStep => {
    const step = (typeof s === 'object' && s !== null ? s : fail(`steps[${i}] must be an object`)) as Record<
      string,
      unknown
    >
    if (typeof step.spec !== 'string' || !/^\d\d-[a-z0-9-]+\.spec\.ts$/.test(step.spec))
      fail(`steps[${i}].spec must name a file like "01-subscribe.spec.ts"`)
    if (typeof step.title !== 'string' || step.title === '')
      fail(`steps[${i}].title must be a non-empty string`)
    return {
      spec: step.spec as string,
      title: step.title as string,
      ...(step.services === undefined ? {} : { services: services(step.services, `steps[${i}].services`) }),
    }
  })
  const allow = Array.isArray(o.redAllowList) ? o.redAllowList : []
  const redAllowList = allow.map((a: unknown, i: number): RedAllowance => {
    const entry = a as Record<string, unknown>
    if (typeof entry?.test !== 'string' || typeof entry.reason !== 'string' || entry.reason.trim() === '')
      fail(`redAllowList[${i}] needs "test" and a non-empty "reason"`)
    return { test: entry.test as string, reason: entry.reason as string }
  })
  return {
    name: str('name'),
    order: num('order'),
    title: str('title'),
    summary: str('summary'),
    minutes: num('minutes'),
    services: services(o.services, 'services'),
    concepts: Array.isArray(o.concepts) ? o.concepts.map(String) : [],
    steps,
    redAllowList,
  }
}

/** The services one step's specs need: its own list, or the kata's when it has none. */
export const stepServices = (meta: KataMetadata, step: KataStep): readonly ServiceName[] =>
  step.services ?? meta.services

/** Every service any of a kata's steps needs. */
export const kataServices = (meta: KataMetadata): ServiceName[] => [
  ...new Set(meta.steps.flatMap((step) => stepServices(meta, step))),
]
