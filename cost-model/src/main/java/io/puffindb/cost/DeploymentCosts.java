package io.puffindb.cost;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * The cost parameters of the deployment actually running: {@link Shape#SHARED_HOST} when the
 * workers share the service's host (in-process workers), {@link Shape#FLEET} when they run on
 * machines of their own, {@link Shape#AUTO} deciding from the workers alive; then the operator's
 * {@link CostOverrides} on top.
 */
public final class DeploymentCosts implements CostProfile {
    /** The deployment the cost model assumes. */
    public enum Shape {
        AUTO, SHARED_HOST, FLEET;

        /** {@code auto}, {@code shared-host} or {@code fleet}. */
        public static Shape parse(String name) {
            try {
                return valueOf(name.trim().replace('-', '_').toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("cost.profile must be auto, shared-host or fleet, got '" + name + "'", e);
            }
        }
    }

    private final Shape shape;
    private final int hostThreads;
    private final boolean lakeIsLocal;
    private final CostOverrides overrides;

    /** {@code hostThreads}: the threads the MONOSTORE's DuckDB runs with (the host's cores unless configured). */
    public DeploymentCosts(Shape shape, int hostThreads, boolean lakeIsLocal, CostOverrides overrides) {
        this.shape = requireNonNull(shape, "shape is null");
        this.hostThreads = hostThreads;
        this.lakeIsLocal = lakeIsLocal;
        this.overrides = requireNonNull(overrides, "overrides is null");
    }

    @Override
    public CostParameters parametersFor(LiveWorkers workers) {
        int count = Math.max(1, workers.total());
        boolean shared = shape == Shape.SHARED_HOST || (shape == Shape.AUTO && workers.shareTheServiceHost());
        CostParameters base = shared ? CostParameters.sharedHost(count, hostThreads, lakeIsLocal) : CostParameters.defaults(count);
        return overrides.applyTo(base);
    }
}
