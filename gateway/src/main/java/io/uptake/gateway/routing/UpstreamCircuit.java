package io.uptake.gateway.routing;

import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.core.http.HttpClientResponse;
import jakarta.enterprise.util.TypeLiteral;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * One upstream's circuit, a SmallRye Fault Tolerance circuit breaker: after {@code failureThreshold}
 * failed calls in a row (no connection, a timeout) it opens, and calls fail at once without waiting for
 * a connection. After {@code openFor} one trial call goes through; its success closes the circuit, its
 * failure opens it for another period. An answer of any status is a success: the upstream is there.
 */
final class UpstreamCircuit {

    /** A failure that says nothing about the upstream's health (the caller's body was too large): counted as a success. */
    static final class NotTheUpstreams extends RuntimeException {
        NotTheUpstreams(Throwable cause) {
            super(cause);
        }
    }

    private final TypedGuard<CompletionStage<HttpClientResponse>> guard;
    private final long openForMillis;
    private final AtomicLong openedAt = new AtomicLong(-1);

    UpstreamCircuit(String upstream, GatewayConfig.CircuitBreaker config) {
        this.openForMillis = config.openFor().toMillis();
        this.guard = TypedGuard.create(new TypeLiteral<CompletionStage<HttpClientResponse>>() {})
                .withDescription("upstream " + upstream)
                .withCircuitBreaker()
                .requestVolumeThreshold(config.failureThreshold())
                .failureRatio(1.0)
                .delay(openForMillis, ChronoUnit.MILLIS)
                .successThreshold(1)
                .skipOn(NotTheUpstreams.class)
                .onStateChange(state -> changed(upstream, state))
                .done()
                .withThreadOffload(false)
                .build();
    }

    private void changed(String upstream, CircuitBreakerState state) {
        switch (state) {
            case OPEN -> {
                openedAt.set(System.currentTimeMillis());
                Log.warnf("Circuit of upstream %s opened", upstream);
            }
            case CLOSED -> {
                openedAt.set(-1);
                Log.infof("Circuit of upstream %s closed", upstream);
            }
            case HALF_OPEN -> Log.infof("Circuit of upstream %s half-open: one trial request", upstream);
        }
    }

    /** The call, unless the circuit is open (then a stage failed with {@link CircuitBreakerOpenException}). */
    CompletionStage<HttpClientResponse> call(Supplier<CompletionStage<HttpClientResponse>> request) {
        return guard.get(request);
    }

    /** Whether an open period is under way: callers are answered at once, before their body is read. */
    boolean open() {
        long opened = openedAt.get();
        return opened >= 0 && System.currentTimeMillis() - opened < openForMillis;
    }

    long secondsUntilTrial() {
        long opened = openedAt.get();
        return opened < 0 ? 1 : Math.max(1, (opened + openForMillis - System.currentTimeMillis() + 999) / 1000);
    }

    static boolean rejected(Throwable failure) {
        return cause(failure) instanceof CircuitBreakerOpenException;
    }

    static Throwable cause(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof NotTheUpstreams) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
