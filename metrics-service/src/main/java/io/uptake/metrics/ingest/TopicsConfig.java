package io.uptake.metrics.ingest;

import io.smallrye.config.ConfigMapping;

/** The Kafka topics of metrics-service (tests use their test. twins). */
@ConfigMapping(prefix = "uptake.topics")
public interface TopicsConfig {

    String usageEvents();

    String people();

    String adoptionShortfalls();

    /** Read for training effectiveness. */
    String trainingEvents();

    /** Training actions agreed in shortfall follow-ups. */
    String followUpActions();

    /** Weekly digests, for feedback-service to deliver. */
    String digests();
}
