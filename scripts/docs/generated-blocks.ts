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

/** `none`, `Kafka`, or `none; PostgreSQL for step 7` when only some steps need a server. */
export function services(kata: Kata): string {
  const own = kata.services.length === 0 ? 'none' : kata.services.map(serviceName).join(', ')
  const extra = new Map<string, number[]>()
  kata.steps.forEach((step, i) => {
    for (const s of step.services.filter((s) => !kata.services.includes(s))) {
      extra.set(s, [...(extra.get(s) ?? []), i + 1])
    }
  })
  const extras = [...extra].map(([s, steps]) => `${serviceName(s)} for step${steps.length > 1 ? 's' : ''} ${steps.join(', ')}`)
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
   * (`09:00`), `kata <folder>` (its minutes come from kata.json), or `<minutes> <what>`.
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
      const kataItem = /^kata\s+(\S+)$/.exec(item)
      const timed = /^(\d+)\s+(.+)$/.exec(item)
      let what: string
      let length: number
      if (kataItem?.[1] !== undefined) {
        const kata = kataOrFail(context, kataItem[1], fail)
        const steps = kata.steps.length > 0 ? `, ${kata.steps.length} steps` : ''
        what = `**${kataReference(kata, context)}**${steps}`
        length = kata.minutes
        kataMinutes += length
        rows.push(`| ${time(clock)} | ${what} | ${minutes(kata)} |`)
      } else if (timed?.[1] !== undefined && timed[2] !== undefined) {
        what = timed[2]
        length = Number(timed[1])
        rows.push(`| ${time(clock)} | ${what} | ${length} |`)
      } else {
        return fail(`agenda item "${item}" is neither "kata <folder>" nor "<minutes> <what>"`)
      }
      clock += length
    }
    rows.push(`| ${time(clock)} | End | |`)
    const total = clock - Number(start[1]) * 60 - Number(start[2])
    return `${rows.join('\n')}\n\n${total} minutes in all, ${kataMinutes} of them hands-on in katas.`
  },
}
