/**
 * The broker the katas run. 3.9.x removes nothing kafkajs 2.2.4 speaks (4.0 dropped old protocol
 * versions) and still logs through log4j 1 (reload4j), so Maven gives a complete runtime.
 */
export const KAFKA_VERSION = '3.9.2'
export const SCALA_VERSION = '2.13'
