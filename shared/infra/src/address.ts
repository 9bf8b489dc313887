/** Where a server listens, as far as deciding "can I start it here?" needs. */
export interface Endpoint {
  readonly host: string
  readonly port: number
}

/** `127.0.0.1:9092`, `localhost:9092`, `[::1]:9092`; the port is required for Kafka brokers. */
export function parseHostPort(value: string, defaultPort: number): Endpoint {
  const trimmed = value.trim()
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(trimmed)
  if (bracketed) return { host: bracketed[1] ?? '', port: Number(bracketed[2] ?? defaultPort) }
  const colon = trimmed.lastIndexOf(':')
  if (colon === -1) return { host: trimmed, port: defaultPort }
  return { host: trimmed.slice(0, colon), port: Number(trimmed.slice(colon + 1)) || defaultPort }
}

/** Host and port of an `amqp://` or `postgres://` URL. */
export function urlEndpoint(url: string, defaultPort: number): Endpoint {
  try {
    const parsed = new URL(url)
    return { host: parsed.hostname.replace(/^\[|\]$/g, ''), port: Number(parsed.port) || defaultPort }
  } catch {
    return { host: '', port: defaultPort }
  }
}

/** Only a server on this machine can be started by this tool; anything else is someone else's. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '')
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h)
}

/** A URL safe to print: the password replaced by `***`. */
export function maskPassword(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password === '') return url
    parsed.password = '***'
    return parsed.toString().replace(/\/$/, url.endsWith('/') ? '/' : '')
  } catch {
    return url
  }
}
