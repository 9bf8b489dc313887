import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import {
  createMessageFactory,
  defineCommandSchema,
  defineEventSchema,
  defineQuerySchema,
  MessageValidationError,
  parseCommand,
  parseEvent,
  parseEventJson,
  parseQuery,
} from '../src/index.ts'

const factory = createMessageFactory({
  clock: () => new Date('2024-01-15T10:30:00.000Z'),
  newId: () => 'id-1',
})

const schemas = [
  defineEventSchema('CounterIncremented', 1, z.object({ by: z.number().int() })),
  defineEventSchema('CounterIncremented', 2, z.object({ by: z.number().int(), reason: z.string() })),
] as const

function errorOf(run: () => unknown): MessageValidationError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(MessageValidationError)
    return error as MessageValidationError
  }
  throw new Error('expected a MessageValidationError')
}

describe('per-type data schemas', () => {
  it('validates data by type and version, and types the result', () => {
    const event = parseEvent(factory.event('CounterIncremented', { by: 2 }), { schemas })
    const by: number = event.data.by
    expect(by).toBe(2)
    const v2 = parseEvent(factory.event('CounterIncremented', { by: 1, reason: 'x' }, { version: 2 }), {
      schemas,
    })
    expect(v2.version === 2 && v2.data.reason).toBe('x')
  })

  it('reports data errors under data', () => {
    const error = errorOf(() => parseEvent(factory.event('CounterIncremented', { by: 1.5 }), { schemas }))
    expect(error.path).toBe('data.by')
    expect(error.subject).toBe('event')
  })

  it('rejects unknown types unless told to accept them', () => {
    const other = factory.event('CounterReset', { to: 0 })
    expect(errorOf(() => parseEvent(other, { schemas })).path).toBe('eventType')
    expect(parseEvent(other, { schemas, unknownTypes: 'accept' })).toStrictEqual(other)
    expect(
      errorOf(() => parseEvent(factory.event('CounterIncremented', {}, { version: 9 }), { schemas })).path,
    ).toBe('version')
  })

  it('works from JSON text too', () => {
    const event = factory.event('CounterIncremented', { by: 3 })
    expect(parseEventJson(JSON.stringify(event), { schemas }).data.by).toBe(3)
  })

  it('survives a schema that throws or is async', () => {
    const throwing = [
      defineEventSchema(
        'Boom',
        1,
        z.unknown().transform(() => {
          throw new Error('bad schema')
        }),
      ),
    ]
    expect(errorOf(() => parseEvent(factory.event('Boom', {}), { schemas: throwing })).reason).toMatch(
      /bad schema/,
    )
    const async = [
      defineEventSchema(
        'Later',
        1,
        z.unknown().refine(async () => true),
      ),
    ]
    expect(errorOf(() => parseEvent(factory.event('Later', {}), { schemas: async })).path).toBe('(root)')
  })

  it('refuses bad definitions', () => {
    expect(() => defineEventSchema('counter-incremented', 1, z.unknown())).toThrow(MessageValidationError)
    expect(() => defineEventSchema('CounterIncremented', 0, z.unknown())).toThrow(/version/)
    expect(() => defineCommandSchema('increment counter', z.unknown())).toThrow(MessageValidationError)
    expect(() => defineQuerySchema('', z.unknown())).toThrow(MessageValidationError)
  })
})

describe('parseCommand and parseQuery', () => {
  const commandSchemas = [defineCommandSchema('IncrementCounter', z.object({ by: z.number() }))] as const
  const querySchemas = [defineQuerySchema('GetCounter', z.object({ counterId: z.string() }))] as const

  it('parse valid messages to fresh copies', () => {
    const command = factory.command('IncrementCounter', { by: 1 })
    const query = factory.query('GetCounter', { counterId: 'c-1' })
    expect(parseCommand(command)).toStrictEqual(command)
    expect(parseCommand(command)).not.toBe(command)
    expect(parseQuery(query)).toStrictEqual(query)
    expect(parseCommand(command, { schemas: commandSchemas }).data.by).toBe(1)
    expect(parseQuery(query, { schemas: querySchemas }).params.counterId).toBe('c-1')
  })

  it('name their own fields in errors', () => {
    const command = factory.command('IncrementCounter', { by: 1 })
    expect(errorOf(() => parseCommand({ ...command, commandId: '' })).path).toBe('commandId')
    expect(
      errorOf(() => parseCommand({ ...command, data: { by: 'x' } }, { schemas: commandSchemas })).path,
    ).toBe('data.by')
    const query = factory.query('GetCounter', { counterId: 'c-1' })
    expect(errorOf(() => parseQuery({ ...query, params: undefined })).path).toBe('params')
    expect(errorOf(() => parseQuery({ ...query, queryType: 'get counter' })).path).toBe('queryType')
    expect(errorOf(() => parseQuery({ ...query, params: {} }, { schemas: querySchemas })).path).toBe(
      'params.counterId',
    )
    expect(errorOf(() => parseQuery(factory.query('GetOther', {}), { schemas: querySchemas })).path).toBe(
      'queryType',
    )
    expect(
      parseCommand(factory.command('Other', {}), { schemas: commandSchemas, unknownTypes: 'accept' })
        .commandType,
    ).toBe('Other')
  })

  it('an event is not a command, nor a command a query', () => {
    const event = factory.event('CounterIncremented', { by: 1 })
    expect(errorOf(() => parseCommand(event)).path).toBe('commandId')
    expect(errorOf(() => parseQuery(factory.command('IncrementCounter', {}))).path).toBe('queryId')
  })
})
