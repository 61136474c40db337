package io.uptake.training.api;

import io.vertx.pgclient.PgException;

/** What a Kafka consumer retries: everything but a statement PostgreSQL refuses for its data, which would fail forever. */
public final class Retries {

    private Retries() {
    }

    /** Data exceptions (SQLSTATE class 22) and integrity violations (23) will not pass on a retry; the rest (connections, shutdowns) may. */
    public static boolean permanent(Throwable failure) {
        return failure instanceof PgException pg && pg.getSqlState() != null
                && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"));
    }
}
