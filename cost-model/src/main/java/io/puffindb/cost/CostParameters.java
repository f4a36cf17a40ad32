package io.puffindb.cost;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.tier.Tier;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the cost model knows about a deployment: how fast each tier reads the lake and processes
 * rows, how fast each link between tiers moves bytes, how many LAMBDA workers there are and what a
 * task costs to start, how fast each tier reads lake files it already caches. Placement follows from
 * these numbers and the cache directory alone.
 *
 * <p>The defaults describe the production shape of the seed design — a fleet whose workers each
 * read the lake at one S3 stream's speed, a MONOSTORE that would read it through a single stream
 * too — so the fleet's parallelism wins for large scans and the MONOSTORE for tiny ones.
 */
public record CostParameters(
        int lambdaWorkers,
        int lambdaThreadsPerWorker,
        Map<Tier, Integer> threads,
        Map<Tier, Double> lakeBytesPerSecond,
        Map<Tier, Double> cacheBytesPerSecond,
        double rowsPerSecondPerThread,
        Map<Link, Double> linkBytesPerSecond,
        double taskStartupSeconds,
        double exchangeLatencySeconds,
        double clientRoundTripSeconds,
        int splitsPerTask) {
    public CostParameters {
        if (lambdaWorkers < 1) {
            throw new IllegalArgumentException("lambdaWorkers must be at least 1, got " + lambdaWorkers);
        }
        threads = Map.copyOf(requireNonNull(threads, "threads is null"));
        lakeBytesPerSecond = Map.copyOf(requireNonNull(lakeBytesPerSecond, "lakeBytesPerSecond is null"));
        cacheBytesPerSecond = Map.copyOf(requireNonNull(cacheBytesPerSecond, "cacheBytesPerSecond is null"));
        linkBytesPerSecond = Map.copyOf(requireNonNull(linkBytesPerSecond, "linkBytesPerSecond is null"));
    }

    /** A directed link between two tiers. */
    public record Link(Tier from, Tier to) {
    }

    public static CostParameters defaults(int lambdaWorkers) {
        Map<Tier, Integer> threads = new EnumMap<>(Tier.class);
        threads.put(Tier.LAMBDA, 2);
        threads.put(Tier.MONOSTORE, 8);
        threads.put(Tier.CLIENT, 2);
        Map<Tier, Double> lake = new EnumMap<>(Tier.class);
        lake.put(Tier.LAMBDA, 100e6);
        lake.put(Tier.MONOSTORE, 100e6);
        // The client reads only what its own cache holds: the lake is for the service's engines.
        lake.put(Tier.CLIENT, 1.0);
        // A local SSD read (worker, MONOSTORE, client): an order of magnitude above one S3 stream.
        Map<Tier, Double> cache = new EnumMap<>(Tier.class);
        cache.put(Tier.LAMBDA, 1e9);
        cache.put(Tier.MONOSTORE, 2e9);
        cache.put(Tier.CLIENT, 1e9);
        Map<Link, Double> links = Map.of(
                new Link(Tier.LAMBDA, Tier.MONOSTORE), 1e9,
                new Link(Tier.MONOSTORE, Tier.LAMBDA), 1e9,
                new Link(Tier.LAMBDA, Tier.LAMBDA), 1e9,
                new Link(Tier.LAMBDA, Tier.CLIENT), 50e6,
                new Link(Tier.MONOSTORE, Tier.CLIENT), 50e6,
                new Link(Tier.CLIENT, Tier.MONOSTORE), 20e6);
        // Anything the client gets from the service costs a request: planning, queueing, a round trip.
        return new CostParameters(lambdaWorkers, 2, threads, lake, cache, 50e6, links, 0.002, 0.001, 0.05, 1);
    }

    public double linkBytesPerSecond(Tier from, Tier to) {
        Double bandwidth = linkBytesPerSecond.get(new Link(from, to));
        if (bandwidth == null) {
            throw new IllegalArgumentException("No link from " + from + " to " + to);
        }
        return bandwidth;
    }

    /** A copy with one link's bandwidth changed (what-if planning, tests). */
    public CostParameters withLink(Tier from, Tier to, double bytesPerSecond) {
        Map<Link, Double> links = new java.util.HashMap<>(linkBytesPerSecond);
        links.put(new Link(from, to), bytesPerSecond);
        return new CostParameters(lambdaWorkers, lambdaThreadsPerWorker, threads, lakeBytesPerSecond, cacheBytesPerSecond, rowsPerSecondPerThread,
                links, taskStartupSeconds, exchangeLatencySeconds, clientRoundTripSeconds, splitsPerTask);
    }

    /** A copy with other lake read speeds per tier (what-if planning, tests). */
    public CostParameters withLakeBytesPerSecond(Map<Tier, Double> lake) {
        return new CostParameters(lambdaWorkers, lambdaThreadsPerWorker, threads, lake, cacheBytesPerSecond, rowsPerSecondPerThread,
                linkBytesPerSecond, taskStartupSeconds, exchangeLatencySeconds, clientRoundTripSeconds, splitsPerTask);
    }

    /** Threads working in parallel on one tier's share of a plan. */
    public int parallelThreads(Tier tier) {
        return tier == Tier.LAMBDA ? lambdaWorkers * lambdaThreadsPerWorker : threads.get(tier);
    }
}
