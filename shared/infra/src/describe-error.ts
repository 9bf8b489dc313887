/**
 * One short line for an error from net, kafkajs, amqplib or pg. Node's happy-eyeballs connect
 * throws an AggregateError with an empty message, which would otherwise print as nothing.
 */
export function describeError(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return describeError(error.errors[0])
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ECONNREFUSED' || /ECONNREFUSED/.test(error.message)) return 'connection refused'
    const message = error.message.split('\n')[0]?.trim() ?? ''
    if (message !== '') return message
    if (code !== undefined) return code
    return error.name
  }
  return String(error)
}
