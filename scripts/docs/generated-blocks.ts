import { existsSync } from 'node:fs'
import { dirname, relative, resolve, sep } from 'node:path'
import { findKata, type Kata, kataLabel } from './curriculum.ts'

// Hand-written pages keep the facts that change with the katas (links to katas that may not exist
// yet, minutes, the curriculum table) between markers that `pnpm docs` fills in:
//
//   <!-- generated:KIND ARGS -->...<!-- /generated:KIND -->
//
// On one line the content is inline text; with the markers on their own lines it is a block. The
// opening comment may run over several lines (the agenda keeps its plan there). Everything outside
// the markers is left exactly as written.

export interface BlockContext {
  readonly root: string
  /** Absolute path of the page holding the markers: links are made relative to it. */
  readonly file: string
  readonly curriculum: readonly Kata[]
}

export class GeneratedBlockError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`)
    this.name = 'GeneratedBlockError'
  }
}

const BLOCK = /<!-- generated:([a-z-]+)([\s\S]*?)-->([\s\S]*?)<!-- \/generated:\1 -->/g

/** Fills every generated block of `markdown` and returns the new text. */
export function renderBlocks(markdown: string, context: BlockContext): string {
  return markdown.replace(BLOCK, (whole, kind: string, args: string, content: string, offset: number) => {
    const line = markdown.slice(0, offset).split('\n').length
    const fail = (reason: string): never => {
      throw new GeneratedBlockError(relative(context.root, context.file), line, reason)
    }
    const block = content.startsWith('\n')
    const render = RENDERERS[kind] ?? fail(`unknown generated block "${kind}"`)
    const rendered = render(args.trim(), context, fail)
    const open = whole.slice(0, whole.length - content.length - `<!-- /generated:${kind} -->`.length)
    return block
      ? `${open}\n${rendered}\n<!-- /generated:${kind} -->`
      : `${open}${rendered}<!-- /generated:${kind} -->`
  })
}

type Renderer = (args: string, context: BlockContext, fail: (reason: string) => never) => string

const link = (context: BlockContext, target: string) =>
  relative(dirname(context.file), target).split(sep).join('/')

const kataOrFail = (context: BlockContext, folder: string, fail: (reason: string) => never): Kata => {
  try {
    return findKata(context.curriculum, folder)
  } catch (error) {
    return fail((error as Error).message)
  }
}

const SERVICE_NAMES: Record<string, string> = { kafka: 'Kafka', rabbitmq: 'RabbitMQ', postgres: 'PostgreSQL' }
const serviceName = (s: string) => SERVICE_NAMES[s] ?? s

/** `none`, `Kafka`, or `none; RabbitMQ and PostgreSQL for step 5` when only some steps need them. */
export function services(kata: Kata): string {
  const own = kata.services.length === 0 ? 'none' : kata.services.map(serviceName).join(', ')
  // Group the services that only some steps need by the set of steps needing them.
  const bySteps = new Map<string, string[]>()
  for (const service of new Set(kata.steps.flatMap((step) => step.services))) {
    if (kata.services.includes(service)) continue
    const steps = kata.steps.flatMap((step, i) => (step.services.includes(service) ? [i + 1] : []))
    const key = `step${steps.length > 1 ? 's' : ''} ${ranges(steps)}`
    bySteps.set(key, [...(bySteps.get(key) ?? []), serviceName(service)])
  }
  const extras = [...bySteps].map(([steps, names]) => `${names.join(' and ')} for ${steps}`)
  return [own, ...extras].join('; ')
}

const minutes = (kata: Kata) => `${kata.minutes} min${kata.minutesEstimated ? ' (estimate)' : ''}`

/** A kata's name, linked to its README once the kata is published. */
function kataReference(kata: Kata, context: BlockContext, label = kataLabel(kata)): string {
  return kata.status === 'available' && kata.readme !== undefined
    ? `[${label}](${link(context, kata.readme)})`
    : `${label} (${kata.status})`
}

const RENDERERS: Record<string, Renderer> = {
  /** Inline: `kata 03-event-store [label]`. */
  kata(args, context, fail) {
    const [folder = '', ...label] = args.split(/\s+/)
    const kata = kataOrFail(context, folder, fail)
    return kataReference(kata, context, label.length > 0 ? label.join(' ') : undefined)
  },

  /** Block: `katas 03-event-store 04-snapshots`, one bullet per kata. */
  katas(args, context, fail) {
    const folders = args.split(/\s+/).filter((f) => f !== '')
    if (folders.length === 0) fail('"katas" needs at least one kata folder')
    return folders
      .map((folder) => {
        const kata = kataOrFail(context, folder, fail)
        const facts = `about ${minutes(kata)}; services: ${services(kata)}`
        return `- ${kataReference(kata, context)}: ${kata.summary} (${facts})`
      })
      .join('\n')
  },

  /** Block: the curriculum table. */
  curriculum(_args, context) {
    const rows = context.curriculum.map((kata) => {
      const steps = kata.steps.length > 0 ? String(kata.steps.length) : '–'
      return `| ${kata.number} | ${kataReference(kata, context, kata.title)} | ${kata.summary} | ${steps} | ${minutes(kata)} | ${services(kata)} |`
    })
    return [
      '| # | Kata | What you build | Steps | Time | Services |',
      '| --- | --- | --- | --- | --- | --- |',
      ...rows,
    ].join('\n')
  },

  /** Inline: `page benchmarks.md Benchmarks`, a link once the file exists. */
  page(args, context, fail) {
    const [path = '', ...label] = args.split(/\s+/)
    if (path === '' || label.length === 0) fail('"page" needs a path and a label')
    const target = resolve(dirname(context.file), path)
    return existsSync(target)
      ? `[${label.join(' ')}](${link(context, target)})`
      : `${label.join(' ')} (not written yet)`
  },

  /**
   * Block: an agenda. The opening comment holds the plan, one item a line: the start time
   * (`09:00`); `kata <folder>` (its minutes come from kata.json); `kata <folder> steps 1-7 <minutes>`
   * for part of a kata (kata.json has no minutes per step, so the plan states them); or
   * `<minutes> <what>`.
   */
  agenda(args, context, fail) {
    const lines = args
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')
    const start =
      /^(\d{1,2}):(\d{2})$/.exec(lines[0] ?? '') ?? fail('an agenda starts with a time, e.g. 09:00')
    let clock = Number(start[1]) * 60 + Number(start[2])
    const time = (m: number) =>
      `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
    const rows: string[] = ['| Time | What | Minutes |', '| --- | --- | --- |']
    let kataMinutes = 0
    for (const item of lines.slice(1)) {
      const kataItem = /^kata\s+(\S+)(?:\s+steps\s+(\d+)-(\d+)\s+(\d+))?$/.exec(item)
      const timed = /^(\d+)\s+(.+)$/.exec(item)
      let length: number
      if (kataItem?.[1] !== undefined) {
        const kata = kataOrFail(context, kataItem[1], fail)
        const part = kataPart(kata, kataItem, fail)
        length = part.minutes
        kataMinutes += length
        rows.push(
          `| ${time(clock)} | **${kataReference(kata, context)}**${part.label} | ${part.minutesLabel} |`,
        )
      } else if (timed?.[1] !== undefined && timed[2] !== undefined) {
        length = Number(timed[1])
        rows.push(`| ${time(clock)} | ${timed[2]} | ${length} |`)
      } else {
        return fail(
          `agenda item "${item}" is neither "kata <folder> [steps A-B <minutes>]" nor "<minutes> <what>"`,
        )
      }
      clock += length
    }
    rows.push(`| ${time(clock)} | End | |`)
    const total = clock - Number(start[1]) * 60 - Number(start[2])
    return `${rows.join('\n')}\n\n${total} minutes in all, ${kataMinutes} of them hands-on in katas.`
  },
}

interface KataPart {
  readonly minutes: number
  /** After the kata's name: the steps, and the servers they need. */
  readonly label: string
  readonly minutesLabel: string
}

/** The whole kata, or the steps an agenda item names, with the services those steps need. */
function kataPart(kata: Kata, item: RegExpExecArray, fail: (reason: string) => never): KataPart {
  const total = kata.steps.length
  const [from, to, minutes] = [item[2], item[3], item[4]].map(Number)
  const whole = item[2] === undefined
  if (!whole && !(from !== undefined && to !== undefined && from >= 1 && from <= to && to <= total)) {
    fail(`kata ${kata.folder} has steps 1-${total}; "steps ${item[2]}-${item[3]}" is not among them`)
  }
  const chosen = whole ? kata.steps : kata.steps.slice((from ?? 1) - 1, to)
  const needed = [...new Set([...kata.services, ...chosen.flatMap((s) => s.services)])].map(serviceName)
  const needs = needed.length > 0 ? `; needs ${needed.join(' and ')}` : ''
  if (whole) {
    return {
      minutes: kata.minutes,
      label: `${total > 0 ? `, ${total} step${total === 1 ? '' : 's'}` : ''}${needs}`,
      minutesLabel: `${kata.minutes}${kata.minutesEstimated ? ' (estimate)' : ''}`,
    }
  }
  return {
    minutes: minutes ?? 0,
    label: `, steps ${from}–${to} of ${total}${needs}`,
    minutesLabel: `${minutes} (of ${kata.minutes} for the whole kata)`,
  }
}

/** `[2, 3, 4, 7]` → `2–4, 7`. */
function ranges(numbers: readonly number[]): string {
  const parts: string[] = []
  for (let i = 0; i < numbers.length; i++) {
    const first = numbers[i]
    while (numbers[i + 1] !== undefined && numbers[i + 1] === (numbers[i] ?? 0) + 1) i++
    parts.push(first === numbers[i] ? `${first}` : `${first}–${numbers[i]}`)
  }
  return parts.join(', ')
}
