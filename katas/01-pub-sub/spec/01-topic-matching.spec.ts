import { describe, expect, it } from 'vitest'
import { InvalidTopicError, topicMatches } from '#impl'

describe('step 1: topic patterns (AMQP topic semantics: * is one word, # is zero or more)', () => {
  it.each([
    ['shop.order.placed', 'shop.order.placed'],
    ['shop.order.*', 'shop.order.placed'],
    ['shop.*.placed', 'shop.order.placed'],
    ['*.*.*', 'shop.order.placed'],
    ['shop.#', 'shop.order.placed'],
    ['shop.#', 'shop.order'],
    ['#', 'shop'],
    ['#', 'shop.order.placed'],
    ['#.placed', 'shop.order.placed'],
    ['shop.#.placed', 'shop.order.item.placed'],
  ])('%s matches %s', (pattern, topic) => {
    expect(topicMatches(pattern, topic)).toBe(true)
  })

  it.each([
    ['shop.order.placed', 'shop.order.shipped'],
    ['shop.order.*', 'shop.order'],
    ['shop.order.*', 'shop.order.item.placed'],
    ['shop.*', 'shop.order.placed'],
    ['*', 'shop.order'],
    ['shop.order.placed', 'shop.order.placed.v2'],
    ['shop.order', 'shop.order.placed'],
    ['Shop.order.placed', 'shop.order.placed'],
    ['shop.#.shipped', 'shop.order.placed'],
  ])('%s does not match %s', (pattern, topic) => {
    expect(topicMatches(pattern, topic)).toBe(false)
  })

  it('# matches zero words, so shop.# matches shop itself', () => {
    expect(topicMatches('shop.#', 'shop')).toBe(true)
    expect(topicMatches('shop.#.placed', 'shop.placed')).toBe(true)
    expect(topicMatches('#.shop.#', 'shop')).toBe(true)
  })

  it('* never matches zero words', () => {
    expect(topicMatches('shop.*.placed', 'shop.placed')).toBe(false)
    expect(topicMatches('shop.*', 'shop')).toBe(false)
  })

  it('stays fast on patterns with many # wildcards', () => {
    const topic = Array.from({ length: 40 }, (_, i) => `w${i}`).join('.')
    expect(topicMatches('#.#.#.#.#.#.#.#.#.#.#.#.nope', topic)).toBe(false)
  })

  it.each([
    ['', 'shop.order'],
    ['shop..order', 'shop.order'],
    ['shop.ord*', 'shop.order'],
    ['shop.#x', 'shop.order'],
  ])('rejects the invalid pattern %j with InvalidTopicError', (pattern, topic) => {
    expect(() => topicMatches(pattern, topic)).toThrow(InvalidTopicError)
  })

  it.each([[''], ['shop..order'], ['shop.*'], ['shop.#']])('rejects the invalid topic %j', (topic) => {
    const error = (() => {
      try {
        topicMatches('#', topic)
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(InvalidTopicError)
    expect(error).toMatchObject({ value: topic, kind: 'topic' })
  })
})
