import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** A kata the curriculum plans. Once its folder has a kata.json, that file's values win. */
interface PlannedKata {
  readonly folder: string
  readonly title: string
  readonly summary: string
  /** Until kata.json gives `minutes`: the estimate agendas use, shown as an estimate. */
  readonly minutes: number
  readonly services: readonly string[]
  /** Where it stands when its folder has no README and kata.json yet. */
  readonly status: 'being written' | 'coming'
}

// The order and intent of the curriculum, for katas whose folders are not ready yet. A kata that
// appears on disk without an entry here still shows up, from its kata.json alone.
const PLANNED: readonly PlannedKata[] = [
  {
    folder: '00-messages',
    title: 'Messages',
    summary: 'Events, commands and queries; the envelope; correlation and causation; idempotent consumers.',
    minutes: 45,
    services: [],
    status: 'being written',
  },
  {
    folder: '01-pub-sub',
    title: 'Publish/subscribe',
    summary: 'An in-process event bus: topic patterns, independent subscribers, bounded buffers.',
    minutes: 90,
    services: [],
    status: 'being written',
  },
  {
    folder: '02-kafka-partitions',
    title: 'Kafka partitions',
    summary: 'Keys, partitions, consumer groups, offsets, rebalancing and replay on a real Kafka broker.',
    minutes: 90,
    services: ['kafka'],
    status: 'coming',
  },
  {
    folder: '03-event-store',
    title: 'Event store',
    summary: 'An append-only store: streams, optimistic concurrency, global order, catch-up subscriptions.',
    minutes: 90,
    services: [],
    status: 'being written',
  },
  {
    folder: '04-snapshots',
    title: 'Snapshots',
    summary: 'Load an aggregate from a snapshot plus the events after it, and know when not to.',
    minutes: 60,
    services: [],
    status: 'being written',
  },
  {
    folder: '05-upcasting',
    title: 'Upcasting',
    summary: 'Read old event versions as the current one, on the way out of the store.',
    minutes: 60,
    services: [],
    status: 'being written',
  },
  {
    folder: '06-cqrs',
    title: 'CQRS',
    summary: 'A write model that takes commands and read models projected from its events.',
    minutes: 90,
    services: [],
    status: 'being written',
  },
  {
    folder: '07-sagas',
    title: 'Sagas',
    summary: 'The ride booking as an orchestrated saga, with timeouts and compensation.',
    minutes: 90,
    services: [],
    status: 'being written',
  },
  {
    folder: '08-ride-sharing',
    title: 'Ride-sharing capstone',
    summary: 'Design and build the ride-sharing flow end to end with the patterns of katas 00–07.',
    minutes: 180,
    services: ['kafka', 'postgres'],
    status: 'coming',
  },
]

export type KataStatus = 'available' | 'being written' | 'coming'

export interface KataStep {
  readonly title: string
  /** Services this step needs beyond the kata's own. */
  readonly services: readonly string[]
}

export interface Kata {
  /** Folder name under katas/ (and solutions/), e.g. `01-pub-sub`. */
  readonly folder: string
  /** The two-digit number, e.g. `01`. */
  readonly number: string
  readonly title: string
  readonly summary: string
  readonly minutes: number
  /** True while the minutes are the plan's estimate rather than kata.json's. */
  readonly minutesEstimated: boolean
  readonly services: readonly string[]
  readonly steps: readonly KataStep[]
  /** Available: README.md and kata.json both exist, so links to it can be made. */
  readonly status: KataStatus
  /** Absolute paths of the files that exist, for links and the site. */
  readonly readme?: string
  readonly hints?: string
  readonly notes?: string
  /** `solutions/<folder>/src/index.ts` when the kata is available and the file exists. */
  readonly solutionEntry?: string
}

interface KataJson {
  title?: unknown
  summary?: unknown
  minutes?: unknown
  services?: unknown
  steps?: unknown
}

function readKataJson(path: string): KataJson | undefined {
  if (!existsSync(path)) return undefined
  const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'))
  return typeof parsed === 'object' && parsed !== null ? (parsed as KataJson) : undefined
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : undefined
const strings = (value: unknown): string[] | undefined =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined

/** The curriculum as it stands on disk: planned katas and any kata folder, in folder order. */
export function readCurriculum(root: string): Kata[] {
  const katasDir = join(root, 'katas')
  const onDisk = existsSync(katasDir)
    ? readdirSync(katasDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && /^\d\d-/.test(d.name))
        .map((d) => d.name)
    : []
  const folders = [...new Set([...PLANNED.map((p) => p.folder), ...onDisk])].sort()
  return folders.map((folder) => {
    const planned = PLANNED.find((p) => p.folder === folder)
    const dir = join(katasDir, folder)
    const meta = readKataJson(join(dir, 'kata.json'))
    const existing = (path: string) => (existsSync(path) ? path : undefined)
    const readme = existing(join(dir, 'README.md'))
    const available = readme !== undefined && meta !== undefined
    const minutes = typeof meta?.minutes === 'number' ? meta.minutes : undefined
    const steps: KataStep[] = Array.isArray(meta?.steps)
      ? meta.steps.map((step: unknown) => {
          const fields = (typeof step === 'object' && step !== null ? step : {}) as Record<string, unknown>
          return { title: text(fields.title) ?? '', services: strings(fields.services) ?? [] }
        })
      : []
    const kata: Kata = {
      folder,
      number: folder.slice(0, 2),
      title: text(meta?.title) ?? planned?.title ?? folder.slice(3),
      summary: text(meta?.summary) ?? planned?.summary ?? '',
      minutes: minutes ?? planned?.minutes ?? 60,
      minutesEstimated: minutes === undefined,
      services: strings(meta?.services) ?? planned?.services ?? [],
      steps,
      status: available ? 'available' : (planned?.status ?? 'being written'),
      ...optional('readme', readme),
      ...optional('hints', existing(join(dir, 'HINTS.md'))),
      ...optional('notes', existing(join(root, 'solutions', folder, 'NOTES.md'))),
      ...optional(
        'solutionEntry',
        available ? existing(join(root, 'solutions', folder, 'src', 'index.ts')) : undefined,
      ),
    }
    return kata
  })
}

// With exactOptionalPropertyTypes an absent path must be a missing key, not `undefined`.
function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: string }
}

/** `Kata 01 · Publish/subscribe`: how every page names a kata. */
export function kataLabel(kata: Kata): string {
  return `Kata ${kata.number} · ${kata.title}`
}

export function findKata(curriculum: readonly Kata[], folder: string): Kata {
  const kata = curriculum.find((k) => k.folder === folder)
  if (kata === undefined) {
    throw new Error(`unknown kata "${folder}": expected one of ${curriculum.map((k) => k.folder).join(', ')}`)
  }
  return kata
}
