package io.uptake.metrics.api;

/** How report figures are rounded. */
public final class Rounding {

    private Rounding() {}

    /** Three decimals: enough for shares and averages, short in JSON and CSV. */
    public static double three(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    public static double share(long part, long whole) {
        return whole == 0 ? 0 : three(part / (double) whole);
    }
}
