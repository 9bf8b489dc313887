import { InMemorySnapshotStore } from '#impl'
import { describeSnapshotStoreContract } from './support/snapshot-store-contract.ts'

// The same contract runs against PostgreSQL in steps 6 and 7.
describeSnapshotStoreContract('step 1: an in-memory snapshot store', () => new InMemorySnapshotStore())
