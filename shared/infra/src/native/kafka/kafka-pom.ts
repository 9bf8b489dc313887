import { KAFKA_VERSION, SCALA_VERSION } from './kafka-version.ts'

/**
 * A throw-away Maven project whose runtime dependencies are exactly a broker. The 3.9 core POM
 * declares slf4j-api but no logging backend (the tarball ships reload4j), so the binding is
 * added here; kafka-tools brings the perf-test tools without its heavy transitive deps.
 */
export function kafkaPom(): string {
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.eda-katas</groupId>
  <artifactId>kafka-broker-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka_${SCALA_VERSION}</artifactId>
      <version>${KAFKA_VERSION}</version>
    </dependency>
    <dependency>
      <groupId>org.slf4j</groupId>
      <artifactId>slf4j-reload4j</artifactId>
      <version>1.7.36</version>
    </dependency>
    <dependency>
      <groupId>org.apache.kafka</groupId>
      <artifactId>kafka-tools</artifactId>
      <version>${KAFKA_VERSION}</version>
      <exclusions>
        <exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion>
      </exclusions>
    </dependency>
  </dependencies>
</project>
`
}

/** Pinned: Debian's Maven 3.8 would otherwise pick an old default version of the plugin. */
export const COPY_DEPENDENCIES_GOAL =
  'org.apache.maven.plugins:maven-dependency-plugin:3.7.1:copy-dependencies'
