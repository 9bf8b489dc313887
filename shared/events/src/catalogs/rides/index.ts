export * from './command-schemas.ts'
export * from './event-schemas.ts'
export * from './ride-messages.ts'
