package io.puffindb.bench;

/** The geometric mean of ratios: how the benches sum up a query suite. */
final class GeometricMean {
    private double logSum;
    private int count;

    void add(double ratio) {
        logSum += Math.log(Math.max(ratio, 1e-9));
        count++;
    }

    double value() {
        return count == 0 ? Double.NaN : Math.exp(logSum / count);
    }
}
