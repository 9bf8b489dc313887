import { MessageValidationError, ROOT_PATH } from '../errors/message-validation-error.ts'
import { describeError } from '../json/describe.ts'

/**
 * Runs a validation step so that whatever goes wrong surfaces as a MessageValidationError:
 * callers can rely on catching one error type, whatever the input did (stack overflow included).
 */
export function guard<T>(subject: string, run: () => T): T {
  try {
    return run()
  } catch (error) {
    if (error instanceof MessageValidationError) throw error
    throw MessageValidationError.at(ROOT_PATH, `could not be validated: ${describeError(error)}`, subject)
  }
}
