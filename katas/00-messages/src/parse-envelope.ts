import { NotImplementedError } from '@eda/testkit'
import type { EventEnvelope } from './types.ts'

/**
 * Step 4. Validate untrusted input (what `JSON.parse` or a broker client gave you) as an event
 * envelope. Return a fresh copy with the envelope fields only, or throw `EnvelopeValidationError`
 * naming every bad field (path and reason). Never anything half-valid; never any other error.
 */
export function parseEnvelope(input: unknown): EventEnvelope {
  void input
  throw new NotImplementedError('parseEnvelope', 'validate the input and return a fresh envelope')
}
