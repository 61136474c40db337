package io.uptake.metrics.report;

final class Rounding {

    private Rounding() {}

    /** Three decimals: enough for shares and averages, short in JSON and CSV. */
    static double three(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    static double share(long part, long whole) {
        return whole == 0 ? 0 : three(part / (double) whole);
    }
}
