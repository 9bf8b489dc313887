import { z } from 'zod'
import {
  causationIdSchema,
  idSchema,
  jsonSchema,
  metadataSchema,
  timestampSchema,
  typeNameSchema,
  versionSchema,
} from './field-schemas.ts'

// Key order here is the key order of parsed messages and of their JSON.

export const eventEnvelopeSchema = z.object({
  eventId: idSchema,
  eventType: typeNameSchema,
  version: versionSchema,
  timestamp: timestampSchema,
  correlationId: idSchema,
  causationId: causationIdSchema,
  data: jsonSchema,
  metadata: metadataSchema,
})

export const commandSchema = z.object({
  commandId: idSchema,
  commandType: typeNameSchema,
  timestamp: timestampSchema,
  correlationId: idSchema,
  causationId: causationIdSchema,
  data: jsonSchema,
  metadata: metadataSchema,
})

export const querySchema = z.object({
  queryId: idSchema,
  queryType: typeNameSchema,
  timestamp: timestampSchema,
  correlationId: idSchema,
  causationId: causationIdSchema,
  params: jsonSchema,
  metadata: metadataSchema,
})

/** Fields that may be left out of input, and the value they then take. */
export const OPTIONAL_FIELDS: Readonly<Record<string, () => unknown>> = {
  causationId: () => null,
  metadata: () => ({}),
}
