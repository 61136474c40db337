package io.uptake.platform.api;

import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/**
 * Whether a request failed because a dependency (PostgreSQL, mostly) cannot be reached right now:
 * the answer is then 503 with {@code Retry-After}, not 500, and the service stays in the load balancer
 * for what it can still answer. Readiness does not follow the dependencies, so a blip of one does not
 * take every replica out at once.
 */
public final class DependencyOutage {

    /** Seconds a client is asked to wait before trying again. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DependencyOutage() {}

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConnectException
                    || cause instanceof NoRouteToHostException
                    || cause instanceof UnknownHostException
                    || cause instanceof ClosedConnectionException
                    || cause instanceof TimeoutException
                    || cause.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }
}
