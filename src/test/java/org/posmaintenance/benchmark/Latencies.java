package org.posmaintenance.benchmark;

import java.util.Arrays;

/** Measured durations in milliseconds and their percentiles (nearest rank). */
final class Latencies {

    private final double[] sorted;

    Latencies(double[] millis) {
        this.sorted = millis.clone();
        Arrays.sort(this.sorted);
    }

    static Latencies ofNanos(long[] nanos) {
        return new Latencies(Arrays.stream(nanos).mapToDouble(n -> n / 1_000_000.0).toArray());
    }

    int size() {
        return sorted.length;
    }

    /** The p-th percentile (0 < p <= 100) by the nearest-rank method; NaN when nothing was measured. */
    double percentile(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    /** "p50 / p95 / p99" with a unit, e.g. {@code 12.3 / 20.1 / 31.0 ms}. */
    String summary(String unit, double divisor) {
        return "%s / %s / %s %s".formatted(Report.number(percentile(50) / divisor), Report.number(percentile(95) / divisor),
                Report.number(percentile(99) / divisor), unit);
    }
}
