/** Two inputs for one saga committed at once and this one kept losing the race. */
export class SagaConcurrencyError extends Error {
  override readonly name = 'SagaConcurrencyError'
  constructor(
    readonly sagaId: string,
    readonly attempts: number,
  ) {
    super(`saga ${sagaId}: gave up after ${attempts} concurrent updates`)
  }
}
