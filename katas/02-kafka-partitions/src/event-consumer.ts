import { NotImplementedError } from '@eda/testkit'
import type { Kafka } from 'kafkajs'
import type { EventConsumerOptions } from './types.ts'

/**
 * A member of a consumer group reading one topic, handing each event (`fromKafkaMessage`) and
 * its position to `options.handler`. Steps 3–6 build it up: order within a partition (3),
 * group membership (4), clean leaves and crashes (5), commits after processing (6).
 */
export class EventConsumer {
  constructor(kafka: Kafka, options: EventConsumerOptions) {
    void [kafka, options]
  }

  /**
   * Step 3: connect, subscribe (`fromBeginning` applies only where the group has no committed
   * offset) and run; resolve once this member has joined the group and got its partitions
   * (kafkajs's GROUP_JOIN event: listen before calling run()).
   */
  start(): Promise<void> {
    return Promise.reject(
      new NotImplementedError('EventConsumer.start', 'join the group and start handling events'),
    )
  }

  /** Step 4: the partitions this member owns now, ascending; empty while the group rebalances. */
  assignment(): readonly number[] {
    throw new NotImplementedError('EventConsumer.assignment', 'report the partitions this member owns')
  }

  /** Step 5: commit what was processed, leave the group (its partitions move at once), disconnect. */
  stop(): Promise<void> {
    return Promise.reject(new NotImplementedError('EventConsumer.stop', 'leave the group cleanly'))
  }

  /**
   * Step 6: resolves once the consumer has stopped: with the handler's error when a handler that
   * threw stopped it (that event's offset is not committed), undefined after stop().
   */
  stopped(): Promise<Error | undefined> {
    return Promise.reject(new NotImplementedError('EventConsumer.stopped', 'report why the consumer stopped'))
  }
}
