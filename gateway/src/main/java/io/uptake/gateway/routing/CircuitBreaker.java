package io.uptake.gateway.routing;

import io.quarkus.logging.Log;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One upstream's circuit. After {@code failureThreshold} consecutive failures (no connection, or a
 * timeout) it opens: requests get 503 at once, without waiting for a connection. After
 * {@code openFor} one trial request goes through; its success closes the circuit, its failure keeps it
 * open for another period.
 */
final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final String name;
    private final int failureThreshold;
    private final long openForMillis;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong openedAt = new AtomicLong(-1);
    private final AtomicLong trialStartedAt = new AtomicLong(-1);

    CircuitBreaker(String name, GatewayConfig.CircuitBreaker config) {
        this.name = name;
        this.failureThreshold = config.failureThreshold();
        this.openForMillis = config.openFor().toMillis();
    }

    /** Whether a request may go to the upstream now. */
    boolean allows() {
        long opened = openedAt.get();
        if (opened < 0) {
            return true;
        }
        long now = System.currentTimeMillis();
        if (now - opened < openForMillis) {
            return false;
        }
        long trial = trialStartedAt.get();
        // one trial at a time; a trial that never reported back frees the slot after another period
        return (trial < 0 || now - trial >= openForMillis) && trialStartedAt.compareAndSet(trial, now);
    }

    void succeeded() {
        failures.set(0);
        if (openedAt.getAndSet(-1) >= 0) {
            Log.infof("Circuit of upstream %s closed", name);
        }
        trialStartedAt.set(-1);
    }

    void failed() {
        if (failures.incrementAndGet() >= failureThreshold || openedAt.get() >= 0) {
            if (openedAt.getAndSet(System.currentTimeMillis()) < 0) {
                Log.warnf("Circuit of upstream %s opened after %d failures", name, failures.get());
            }
            trialStartedAt.set(-1);
        }
    }

    State state() {
        if (openedAt.get() < 0) {
            return State.CLOSED;
        }
        return System.currentTimeMillis() - openedAt.get() < openForMillis ? State.OPEN : State.HALF_OPEN;
    }

    long secondsUntilTrial() {
        long opened = openedAt.get();
        if (opened < 0) {
            return 0;
        }
        return Math.max(1, (opened + openForMillis - System.currentTimeMillis() + 999) / 1000);
    }
}
