import { serveTests } from './test-server.ts'

// Started by `kata test` (src/server/start-test-server.ts) with the kata to warm up on.
await serveTests(process.argv[2])
