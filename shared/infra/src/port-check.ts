import { connect } from 'node:net'

/** Whether something accepts TCP connections on host:port (answered within `timeoutMs`). */
export function isPortListening(host: string, port: number, timeoutMs = 1_000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: host === 'localhost' ? '127.0.0.1' : host, port })
    const done = (listening: boolean) => {
      socket.destroy()
      resolve(listening)
    }
    socket.setTimeout(timeoutMs, () => done(false))
    socket.once('connect', () => done(true))
    socket.once('error', () => done(false))
  })
}
