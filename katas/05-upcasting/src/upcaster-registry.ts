import { NotImplementedError } from '@eda/testkit'
import type { RecordedEvent, StoredEvent, UpcastingSchema } from './types.ts'

/**
 * The upcaster chains of every event type, checked once when registered. Read the kata README for
 * each step's rules.
 */
export class UpcasterRegistry {
  /**
   * Step 1: keep the schema's latest versions and upcasters. Step 2: check them here, throwing
   * UpcasterRegistrationError for a gap, a duplicate, a step that does not advance by one, a chain
   * longer than `maxSteps`, an async upcaster, or a rename that goes nowhere or loops.
   */
  constructor(schema: UpcastingSchema) {
    void schema
  }

  /** Step 1: the version new events of this type are written at (UnknownEventTypeError if none). */
  latestVersion(eventType: string): number {
    throw new NotImplementedError('UpcasterRegistry.latestVersion', `give the latest version of ${eventType}`)
  }

  /**
   * Step 1: the stored event at the latest version, through each step in version order (no
   * version means 1). Step 2: errors for unknown types and versions, failing upcasters.
   * Step 3: pure: the input untouched, the envelope kept. Step 4: follow renamed types.
   */
  upcast(stored: StoredEvent): RecordedEvent {
    throw new NotImplementedError('UpcasterRegistry.upcast', `read ${stored.eventType} at its latest version`)
  }
}
