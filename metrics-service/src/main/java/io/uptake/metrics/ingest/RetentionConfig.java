package io.uptake.metrics.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "uptake.retention")
public interface RetentionConfig {

    /** How many days the event log keeps events; also how far back a backfill reaches. */
    @WithDefault("400")
    int days();

    /** How often (ms) the log's monthly partitions are made and dropped (and once at start). */
    @WithDefault("3600000")
    long checkMs();
}
