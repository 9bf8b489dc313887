/** No concurrency check: append whatever the stream's version is (the default). */
export const ANY = 'any'
/** The stream must not exist yet: the append creates it. Also the version a missing stream reports. */
export const NO_STREAM = 'no_stream'
/** The stream must already exist, at any version. */
export const STREAM_EXISTS = 'stream_exists'

/**
 * A stream's version: the position of its last event (positions start at 1), or `NO_STREAM` when
 * it has none. What `readStream` reports can be passed straight back as an `expectedVersion`.
 */
export type StreamVersion = number | typeof NO_STREAM

/** What an append expects the stream to be at: an exact version (≥ 1) or one of the constants. */
export type ExpectedVersion = StreamVersion | typeof ANY | typeof STREAM_EXISTS
