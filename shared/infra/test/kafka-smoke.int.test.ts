import { afterAll, beforeAll, expect, it } from 'vitest'
import { Collector } from '../../testkit/src/collector.ts'
import {
  createKafka,
  createTopic,
  describeWithService,
  useCleanup,
  waitForConsumerToJoinGroup,
} from '../../testkit/src/services/index.ts'
import { uniqueName } from '../../testkit/src/unique-name.ts'

describeWithService('kafka', 'Kafka smoke (kafkajs against the real broker)', () => {
  const cleanup = useCleanup()
  const kafka = createKafka('infra-smoke')
  const admin = kafka.admin()

  beforeAll(() => admin.connect())
  afterAll(() => admin.disconnect())

  it('produces one message and a consumer group reads it back', async () => {
    const topic = await createTopic(admin, { prefix: 'smoke', partitions: 1, cleanup })
    const groupId = uniqueName('smoke-group')
    cleanup.add(`delete group ${groupId}`, () => admin.deleteGroups([groupId]))
    const producer = kafka.producer()
    await producer.connect()
    cleanup.add('disconnect the producer', () => producer.disconnect())
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 })
    await consumer.connect()
    cleanup.add('disconnect the consumer', () => consumer.disconnect())
    await consumer.subscribe({ topic, fromBeginning: true })
    const received = new Collector<{ key: string; value: string }>()

    const joined = waitForConsumerToJoinGroup(consumer)
    await consumer.run({
      eachMessage: async ({ message }) => {
        received.push({ key: String(message.key), value: String(message.value) })
      },
    })
    const assignment = await joined
    expect(assignment.memberAssignment).toEqual({ [topic]: [0] })
    await producer.send({ topic, messages: [{ key: 'order-42', value: 'OrderPlaced' }] })

    expect(await received.waitForCount(1, 'consumed messages', 10_000)).toEqual([
      { key: 'order-42', value: 'OrderPlaced' },
    ])
  })

  it('creates topics with leaders for every partition, ready to produce to at once', async () => {
    const topic = await createTopic(admin, {
      prefix: 'smoke',
      partitions: 3,
      config: { 'retention.ms': '60000' },
      cleanup,
    })

    const metadata = await admin.fetchTopicMetadata({ topics: [topic] })

    expect(metadata.topics[0]?.partitions.map((p) => p.leader >= 0)).toEqual([true, true, true])
  })
})
