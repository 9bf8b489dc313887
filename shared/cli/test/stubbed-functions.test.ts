import { describe, expect, it } from 'vitest'
import { stubbedFunctions, UnmatchedStubError } from '../src/check/stubbed-functions.ts'

const STUB = `import { NotImplementedError } from '@eda/testkit'
export function total(items: number[]): number {
  throw new NotImplementedError('total', 'add them up')
}
export class Cart {
  add(item: number): void {
    throw new NotImplementedError('Cart.add', 'keep it')
  }
  get size(): number {
    return 0
  }
}
export function createFactory() {
  return {
    make(name: string) {
      throw new NotImplementedError('make', name)
    },
  }
}
`

const REFERENCE = `export function total(items: number[]): number {
  return items.reduce((sum, n) => sum + n, 0)
}
export class Cart {
  readonly #items: number[] = []
  add(item: number): void {
    this.#items.push(item)
  }
  get size(): number {
    return this.#items.length
  }
}
export function createFactory() {
  const factory = {
    make: (name: string) => ({ name }),
  }
  return factory
}
`

describe('stubbed functions swapped into the reference', () => {
  it('finds each function the stub leaves to do, by its qualified name', () => {
    expect(stubbedFunctions('cart.ts', STUB, REFERENCE).map((f) => f.name)).toEqual([
      'total',
      'Cart.add',
      'createFactory.make',
    ])
  })

  it("swaps exactly that function's body, and imports the stub's error", () => {
    const [total, add, make] = stubbedFunctions('cart.ts', STUB, REFERENCE)
    expect(total?.stubbedReference).toContain("import { NotImplementedError } from '@eda/testkit'")
    expect(total?.stubbedReference).toContain("throw new NotImplementedError('total', 'add them up')")
    expect(total?.stubbedReference).not.toContain('items.reduce')
    expect(total?.stubbedReference).toContain('this.#items.push(item)')
    expect(add?.stubbedReference).not.toContain('this.#items.push(item)')
    expect(add?.stubbedReference).toContain('return this.#items.length')
    // An arrow function's expression body is replaced by the stub's block.
    expect(make?.stubbedReference).toContain(
      "make: (name: string) => {\n      throw new NotImplementedError('make', name)\n    }",
    )
  })

  it('does not sweep a stub getter that the reference made a field', () => {
    const stub = `export class Subscription {\n  get done(): Promise<void> {\n    return Promise.reject(new NotImplementedError('done', 'x'))\n  }\n}\n`
    const reference = `export class Subscription {\n  readonly done: Promise<void> = Promise.resolve()\n}\n`
    expect(stubbedFunctions('subscription.ts', stub, reference)).toEqual([
      { name: 'Subscription.get done', notSwept: expect.stringContaining('field') },
    ])
  })

  it('says which function has no single counterpart in the reference', () => {
    expect(() => stubbedFunctions('cart.ts', STUB, REFERENCE.replace('add(item', 'push(item'))).toThrow(
      UnmatchedStubError,
    )
    expect(() => stubbedFunctions('cart.ts', STUB, REFERENCE.replace('add(item', 'push(item'))).toThrow(
      'the reference has no function Cart.add',
    )
  })
})
