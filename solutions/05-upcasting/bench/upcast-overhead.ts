// Upcasting overhead per event: a stored OrderPlaced v1 read through a 3-step chain (v1 → v2 → v3
// → v4) against a registry with no upcasters reading events already at their latest version
// (no step runs), in the same run. Prints a Markdown table.
//
//   pnpm bench 05-upcasting upcast-overhead
//   pnpm bench 05-upcasting upcast-overhead --events 20000 --passes 50 --rounds 15
import { cpus } from 'node:os'
import { parseArgs } from 'node:util'
import {
  type OrderPlacedV3Data,
  type RecordedEvent,
  type StoredEvent,
  shopSchema,
  UpcasterRegistry,
  type UpcastingSchema,
} from '../src/index.ts'

const { values: args } = parseArgs({
  options: {
    events: { type: 'string', default: '10000' },
    passes: { type: 'string', default: '20' },
    rounds: { type: 'string', default: '11' },
  },
})
const count = Number(args.events)
const passes = Number(args.passes)
const rounds = Number(args.rounds)

// The shop chain (v1 → v2 → v3) plus one more, bench-only step: v4 adds the sales channel. It is
// written twice: naming every field (as the shop upcasters do) and as `{ ...data, channel }`.
const withStep4 = (upcast: (data: OrderPlacedV3Data) => object): UpcastingSchema => ({
  ...shopSchema,
  latest: { ...shopSchema.latest, OrderPlaced: 4 },
  upcasters: [
    ...(shopSchema.upcasters ?? []),
    { eventType: 'OrderPlaced', fromVersion: 3, toVersion: 4, upcast },
  ],
})
const chain = new UpcasterRegistry(
  withStep4((data) => ({
    orderId: data.orderId,
    customer: data.customer,
    items: data.items,
    totalAmount: data.totalAmount,
    currency: data.currency,
    placedBy: data.placedBy,
    channel: 'web',
  })),
)
const spreadChain = new UpcasterRegistry(withStep4((data) => ({ ...data, channel: 'web' })))
const none = new UpcasterRegistry({ latest: { OrderPlaced: 1 } })

// Rows built as a database driver builds them: every field, in the same order. (Built as
// `{ ...part, more: 1 }` instead, each object got a hidden class of its own on Node 20 and reading
// them through the registry measured ~30× slower: the same effect as the spread row below.)
const stored = (version: number | null): StoredEvent[] =>
  Array.from({ length: count }, (_, i) => ({
    streamId: `Order-${i % 1000}`,
    streamPosition: Math.floor(i / 1000) + 1,
    globalPosition: i + 1,
    eventId: `evt-${i}`,
    eventType: 'OrderPlaced',
    version,
    timestamp: '2024-01-15T10:30:00.000Z',
    correlationId: `corr-${i}`,
    causationId: null,
    data: { orderId: `o-${i}`, customerId: `c-${i % 100}`, total: 10 + (i % 90) },
    metadata: { userId: `u-${i % 10}` },
  }))
const legacy = stored(null) // no version recorded: v1, 3 steps to v4
const current = stored(1) // at the latest version of the no-upcaster registry: 0 steps

let sink = 0
const consume = (event: RecordedEvent) => {
  sink += (event.data as { orderId: string }).orderId.length
}

const variants = {
  raw: () => {
    for (const event of current) consume(event as unknown as RecordedEvent)
  },
  noUpcasters: () => {
    for (const event of current) consume(none.upcast(event))
  },
  threeStepChain: () => {
    for (const event of legacy) consume(chain.upcast(event))
  },
  threeStepSpread: () => {
    for (const event of legacy) consume(spreadChain.upcast(event))
  },
}
type Variant = keyof typeof variants

/**
 * Nanoseconds per event, the median of `rounds` samples of `passes` passes each: a CPU cost per
 * event, the same events read again and again. The variants take turns within each round, so a
 * burst of load on the machine hits them all alike.
 */
function measure(names: readonly Variant[]): Partial<Record<Variant, number>> {
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Variant, number[]>
  for (const name of names) for (let i = 0; i < passes; i++) variants[name]() // warm-up: JIT, caches
  for (let r = 0; r < rounds; r++) {
    for (const name of names) {
      const started = process.hrtime.bigint()
      for (let i = 0; i < passes; i++) variants[name]()
      samples[name].push(Number(process.hrtime.bigint() - started) / (count * passes))
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number
  return Object.fromEntries(names.map((name) => [name, median(samples[name])]))
}

// The spread variant last and alone: its objects, each with a hidden class of its own, also make
// the registry's shared code slower for every variant measured after them.
const { raw = 0, noUpcasters = 0, threeStepChain = 0 } = measure(['raw', 'noUpcasters', 'threeStepChain'])
const { threeStepSpread = 0 } = measure(['threeStepSpread'])

const us = (ns: number) => (ns / 1000).toFixed(3)
console.log(
  `\nUpcasting one event: median of ${rounds} samples, each reading ${count.toLocaleString('en-US')} events ${passes} times`,
)
console.log(`Node ${process.version}; ${cpus().length} cores (${cpus()[0]?.model.trim()})\n`)
console.log('| read | µs per event |')
console.log('|---|---:|')
console.log(`| stored object as it is (no registry) | ${us(raw)} |`)
console.log(`| registry, no upcasters (event at its latest version) | ${us(noUpcasters)} |`)
console.log(`| registry, 3-step chain (v1 → v2 → v3 → v4) | ${us(threeStepChain)} |`)
console.log(`| **overhead of the 3-step chain** | **${us(threeStepChain - noUpcasters)}** |`)
console.log(`| the same chain, its last step written \`{ ...data, channel }\` | ${us(threeStepSpread)} |`)
if (sink === 0) console.log('(nothing read)')
