export * from './command-schemas.ts'
export * from './event-schemas.ts'
export * from './shop-messages.ts'
