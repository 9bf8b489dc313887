// Compile-time guard: the reference exports exactly what the kata's stub declares.
import type * as Kata from '@katas/event-store'
import type * as Reference from './index.ts'

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const sameApi: Same<keyof typeof Kata, keyof typeof Reference> = true
export default sameApi
