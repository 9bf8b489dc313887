import { MessageValidationError } from '../errors/message-validation-error.ts'
import { preview } from '../json/describe.ts'
import type { Command } from '../messages/command.ts'
import { commandSchema } from '../validation/envelope-schemas.ts'
import { guard } from './guard.ts'
import { parseFields, parsePayload } from './parse-fields.ts'
import type { CommandOfSchemas, CommandSchema } from './payload-schemas.ts'

export interface ParseCommandOptions<S extends ReadonlyArray<CommandSchema> = ReadonlyArray<CommandSchema>> {
  readonly schemas: S
  readonly unknownTypes?: 'reject' | 'accept'
}

const SUBJECT = 'command'

/** Validates anything as a command; same rules and guarantees as `parseEvent`. */
export function parseCommand(input: unknown): Command
export function parseCommand(
  input: unknown,
  options: ParseCommandOptions & { readonly unknownTypes: 'accept' },
): Command
export function parseCommand<const S extends ReadonlyArray<CommandSchema>>(
  input: unknown,
  options: ParseCommandOptions<S>,
): CommandOfSchemas<S>
export function parseCommand(input: unknown, options?: ParseCommandOptions): Command {
  return guard(SUBJECT, () => {
    const command: Command = parseFields(input, commandSchema, SUBJECT)
    if (options === undefined) return command
    const schema = options.schemas.find((s) => s.commandType === command.commandType)
    if (schema !== undefined) {
      return { ...command, data: parsePayload(command.data, schema.data, 'data', SUBJECT) }
    }
    if (options.unknownTypes === 'accept') return command
    const known = options.schemas.map((s) => s.commandType).join(', ')
    throw MessageValidationError.at(
      'commandType',
      `${preview(command.commandType)} is not a known command type (known: ${known})`,
      SUBJECT,
    )
  })
}
