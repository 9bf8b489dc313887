// Bench support only: a small log-log line chart as a standalone SVG, no dependencies.

export interface Series {
  readonly label: string
  readonly colour: string
  readonly points: ReadonlyArray<readonly [x: number, y: number]>
}

export interface ChartOptions {
  readonly title: string
  readonly subtitle: string
  readonly xLabel: string
  readonly yLabel: string
  readonly series: readonly Series[]
}

const W = 720
const H = 440
const M = { top: 64, right: 170, bottom: 56, left: 72 }
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function decades(min: number, max: number): number[] {
  const out: number[] = []
  for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) out.push(10 ** e)
  return out
}

const tickLabel = (v: number) =>
  v >= 1000 ? `${(v / 1000).toLocaleString('en-US')}k` : v >= 1 ? String(v) : String(Number(v.toPrecision(1)))

export function logLogChart(options: ChartOptions): string {
  const xs = options.series.flatMap((s) => s.points.map(([x]) => x))
  const ys = options.series.flatMap((s) => s.points.map(([, y]) => y))
  const xTicks = decades(Math.min(...xs), Math.max(...xs))
  const yTicks = decades(Math.min(...ys), Math.max(...ys))
  const [x0, x1] = [Math.log10(xTicks[0] ?? 1), Math.log10(xTicks.at(-1) ?? 10)]
  const [y0, y1] = [Math.log10(yTicks[0] ?? 1), Math.log10(yTicks.at(-1) ?? 10)]
  const px = (x: number) => M.left + ((Math.log10(x) - x0) / (x1 - x0 || 1)) * (W - M.left - M.right)
  const py = (y: number) => H - M.bottom - ((Math.log10(y) - y0) / (y1 - y0 || 1)) * (H - M.top - M.bottom)
  const r = (n: number) => n.toFixed(1)

  const grid = [
    ...xTicks.map(
      (t) =>
        `<line x1="${r(px(t))}" y1="${M.top}" x2="${r(px(t))}" y2="${H - M.bottom}" class="grid"/>` +
        `<text x="${r(px(t))}" y="${H - M.bottom + 18}" text-anchor="middle">${tickLabel(t)}</text>`,
    ),
    ...yTicks.map(
      (t) =>
        `<line x1="${M.left}" y1="${r(py(t))}" x2="${W - M.right}" y2="${r(py(t))}" class="grid"/>` +
        `<text x="${M.left - 8}" y="${r(py(t) + 4)}" text-anchor="end">${tickLabel(t)}</text>`,
    ),
  ]
  const lines = options.series.map((s, i) => {
    const path = s.points.map(([x, y]) => `${r(px(x))},${r(py(y))}`).join(' ')
    const dots = s.points
      .map(([x, y]) => `<circle cx="${r(px(x))}" cy="${r(py(y))}" r="3.5" fill="${s.colour}"/>`)
      .join('')
    const ly = M.top + 12 + i * 22
    return (
      `<polyline points="${path}" fill="none" stroke="${s.colour}" stroke-width="2.5"/>${dots}` +
      `<line x1="${W - M.right + 16}" y1="${ly}" x2="${W - M.right + 40}" y2="${ly}" stroke="${s.colour}" stroke-width="2.5"/>` +
      `<text x="${W - M.right + 46}" y="${ly + 4}">${escapeXml(s.label)}</text>`
    )
  })
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="system-ui, sans-serif" font-size="12">
<style>text{fill:#333}.grid{stroke:#ddd;stroke-width:1}.axis{stroke:#666;stroke-width:1}</style>
<rect width="100%" height="100%" fill="#fff"/>
<text x="${M.left}" y="26" font-size="16" font-weight="600">${escapeXml(options.title)}</text>
<text x="${M.left}" y="46" fill="#666">${escapeXml(options.subtitle)}</text>
${grid.join('\n')}
<line x1="${M.left}" y1="${H - M.bottom}" x2="${W - M.right}" y2="${H - M.bottom}" class="axis"/>
<line x1="${M.left}" y1="${M.top}" x2="${M.left}" y2="${H - M.bottom}" class="axis"/>
<text x="${(M.left + W - M.right) / 2}" y="${H - 14}" text-anchor="middle">${escapeXml(options.xLabel)}</text>
<text transform="translate(18 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeXml(options.yLabel)}</text>
${lines.join('\n')}
</svg>
`
}
