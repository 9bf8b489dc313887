export { initdbDataDir } from './initdb-cache.ts'
export { type LazyPGlite, lazyPGlite, startPGlite, useFreshSchema, workerPGlite } from './start-pglite.ts'
