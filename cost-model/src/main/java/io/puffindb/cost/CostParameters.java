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
 * <p>Two shapes are known ({@link #defaults}: a fleet; {@link #sharedHost}: one host), and
 * {@link CostProfile} picks one for the workers alive when a query is planned.
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

    /**
     * The production fleet of the seed design: workers on their own machines, each reading the lake
     * at one S3 stream's speed, and a MONOSTORE that reads it through a single stream too, so the
     * fleet's parallelism wins for large scans and the MONOSTORE for small ones.
     */
    public static CostParameters defaults(int lambdaWorkers) {
        Map<Tier, Integer> threads = new EnumMap<>(Tier.class);
        threads.put(Tier.LAMBDA, 2);
        threads.put(Tier.MONOSTORE, 8);
        threads.put(Tier.CLIENT, 2);
        // A local SSD read (worker, MONOSTORE, client): an order of magnitude above one S3 stream.
        Map<Tier, Double> cache = new EnumMap<>(Tier.class);
        cache.put(Tier.LAMBDA, 1e9);
        cache.put(Tier.MONOSTORE, 2e9);
        cache.put(Tier.CLIENT, 1e9);
        // Anything the client gets from the service costs a request: planning, queueing, a round trip.
        return new CostParameters(lambdaWorkers, 2, threads, lakeSpeeds(S3_STREAM_BYTES_PER_SECOND, S3_STREAM_BYTES_PER_SECOND), cache, 50e6,
                links(FLIGHT_INGEST_BYTES_PER_SECOND), 0.002, 0.001, 0.05, 1);
    }

    /**
     * One host whose cores, disk and memory the MONOSTORE and its in-process workers share (the
     * embedded default): the workers together have no more threads than the host and each reads
     * the lake at its share of the host's bandwidth, so fanning work out buys no parallelism and
     * costs exchanges; the whole query stays on the MONOSTORE, where DuckDB sees all of it.
     */
    public static CostParameters sharedHost(int lambdaWorkers, int hostThreads, boolean lakeIsLocal) {
        int workers = Math.max(1, lambdaWorkers);
        int threadsEach = Math.max(1, hostThreads / workers);
        Map<Tier, Integer> threads = new EnumMap<>(Tier.class);
        threads.put(Tier.LAMBDA, threadsEach);
        threads.put(Tier.MONOSTORE, Math.max(1, hostThreads));
        threads.put(Tier.CLIENT, 2);
        // A local disk (and the page cache in front of it) is not an S3 stream: the host reads it at SSD speed.
        double lake = lakeIsLocal ? LOCAL_DISK_BYTES_PER_SECOND : S3_STREAM_BYTES_PER_SECOND;
        Map<Tier, Double> cache = new EnumMap<>(Tier.class);
        cache.put(Tier.LAMBDA, LOCAL_DISK_BYTES_PER_SECOND / workers);
        cache.put(Tier.MONOSTORE, LOCAL_DISK_BYTES_PER_SECOND);
        cache.put(Tier.CLIENT, LOCAL_DISK_BYTES_PER_SECOND);
        // Loopback Flight: a copy through the kernel, as fast as memory, and a round trip per exchange.
        return new CostParameters(workers, threadsEach, threads, lakeSpeeds(lake / workers, lake), cache, 50e6, links(2e9), 0.002, 0.001, 0.05, 1);
    }

    private static final double S3_STREAM_BYTES_PER_SECOND = 100e6;
    // What one consumer takes in over Flight, not what the wire carries: gRPC framing, the copies on both
    // sides and DuckDB's ingest of the Arrow stream. Measured with the bench's fleet (2 worker processes,
    // TPC-H SF 1): Q5 gathered 194 MB of lineitem columns in 3.3 s; 1 GB/s, a 10 Gbit link's figure, made
    // gathering a whole fact table look cheaper than broadcasting a small side to its tasks.
    private static final double FLIGHT_INGEST_BYTES_PER_SECOND = 100e6;
    private static final double LOCAL_DISK_BYTES_PER_SECOND = 2e9;

    private static Map<Tier, Double> lakeSpeeds(double lambda, double monostore) {
        Map<Tier, Double> lake = new EnumMap<>(Tier.class);
        lake.put(Tier.LAMBDA, lambda);
        lake.put(Tier.MONOSTORE, monostore);
        // The client reads only what its own cache holds: the lake is for the service's engines.
        lake.put(Tier.CLIENT, 1.0);
        return lake;
    }

    // The service's links at this bandwidth; the client's over a network at the edge.
    private static Map<Link, Double> links(double serviceBytesPerSecond) {
        return Map.of(
                new Link(Tier.LAMBDA, Tier.MONOSTORE), serviceBytesPerSecond,
                new Link(Tier.MONOSTORE, Tier.LAMBDA), serviceBytesPerSecond,
                new Link(Tier.LAMBDA, Tier.LAMBDA), serviceBytesPerSecond,
                new Link(Tier.LAMBDA, Tier.CLIENT), 50e6,
                new Link(Tier.MONOSTORE, Tier.CLIENT), 50e6,
                new Link(Tier.CLIENT, Tier.MONOSTORE), 20e6);
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

    /** A copy with these thread counts: the MONOSTORE's, and each LAMBDA worker's. */
    public CostParameters withThreads(int monostoreThreads, int threadsPerWorker) {
        Map<Tier, Integer> newThreads = new EnumMap<>(threads);
        newThreads.put(Tier.MONOSTORE, monostoreThreads);
        newThreads.put(Tier.LAMBDA, threadsPerWorker);
        return new CostParameters(lambdaWorkers, threadsPerWorker, newThreads, lakeBytesPerSecond, cacheBytesPerSecond, rowsPerSecondPerThread,
                linkBytesPerSecond, taskStartupSeconds, exchangeLatencySeconds, clientRoundTripSeconds, splitsPerTask);
    }

    /** A copy with this processing rate, task start-up, exchange latency and files per LAMBDA task. */
    public CostParameters withRates(double rowsPerSecond, double taskStartup, double exchangeLatency, int splits) {
        return new CostParameters(lambdaWorkers, lambdaThreadsPerWorker, threads, lakeBytesPerSecond, cacheBytesPerSecond, rowsPerSecond,
                linkBytesPerSecond, taskStartup, exchangeLatency, clientRoundTripSeconds, splits);
    }

    /**
     * Lake files per LAMBDA task for a scan of {@code splits} files: at least {@link #splitsPerTask()}, and
     * enough that the scan needs no more tasks than the fleet runs at once (workers times their threads).
     * A task beyond those only waits for a free thread, and repeats its start-up and its copy of every
     * broadcast side (TPC-H Q5 on 2 workers: 13 tasks of lineitem each built the same 227,000-row hash table).
     */
    public int splitsPerTask(int splits) {
        int slots = lambdaWorkers * lambdaThreadsPerWorker;
        return Math.max(splitsPerTask, (splits + slots - 1) / slots);
    }

    /** Threads working in parallel on one tier's share of a plan. */
    public int parallelThreads(Tier tier) {
        return tier == Tier.LAMBDA ? lambdaWorkers * lambdaThreadsPerWorker : threads.get(tier);
    }
}
