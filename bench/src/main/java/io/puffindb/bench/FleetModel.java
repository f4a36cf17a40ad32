package io.puffindb.bench;

/**
 * The simulated fleet of serverless functions and what it is paid: each number either measured on this
 * machine (the README's cold-start figures of the Lambda handler, the bench's Registry timings and warm
 * scan speed) or a published AWS figure (pricing pages, S3's performance guidelines). README lists which.
 */
record FleetModel(
        double coldStartSeconds,
        double warmInvokeSeconds,
        double s3BytesPerSecondPerFunction,
        double s3RequestSeconds,
        double cacheBytesPerSecond,
        double rowsPerSecondPerThread,
        int threadsPerFunction,
        double functionMemoryGb,
        double registryRoundTripSeconds,
        double registryBytesPerSecond,
        long registryResultLimitBytes,
        int monostoreThreads,
        double dollarsPerGbSecond,
        double dollarsPerInvocation,
        double dollarsPerS3Get,
        double dollarsPerS3Put,
        double dollarsPerMonostoreSecond) {
    public FleetModel {
        if (!(s3BytesPerSecondPerFunction > 0 && rowsPerSecondPerThread > 0 && registryBytesPerSecond > 0 && cacheBytesPerSecond > 0)) {
            throw new IllegalArgumentException("bandwidths and rates must be positive");
        }
        if (threadsPerFunction < 1 || monostoreThreads < 1) {
            throw new IllegalArgumentException("thread counts must be at least 1");
        }
    }

    /** The constants README's "Simulating the fleet" section names with their sources. */
    public static FleetModel measuredAndPublished() {
        return new FleetModel(
                // Measured: JVM + runtime client 3.6 s, handler init 11.1 s (DuckDB 3.9 s of it) under load 20: an upper bound.
                14.7,
                // An assumption, neither measured here nor published: the Invoke round trip to a warm instance.
                0.02,
                // Published: S3's performance guidelines, one request connection per 85-90 MB/s.
                90e6,
                // Published: S3's first-byte latency of 100-200 ms for small objects, low end.
                0.1,
                // A function's /tmp (local NVMe-backed storage), the cost model's cache speed for a worker.
                1e9,
                // Measured: bench cache, SF 1 warm Q1 (6 M lineitem rows) in 0.62 s on this host's 2 threads.
                4.8e6,
                // Published: 10,240 MB functions get 6 vCPUs.
                6, 10.0,
                // Measured: bench cache on the local Redis, put of a 64 KiB result p50 376 us.
                0.000376, 64.0 * 1024 / 0.000376,
                // The handover's default: at most 1 MiB of Arrow per task through the Registry.
                1L << 20,
                // The cost model's MONOSTORE.
                8,
                // Published: AWS Lambda pricing (x86, us-east-1), per GB-second and per request; S3 Standard GET and PUT.
                0.0000166667, 0.20 / 1e6, 0.0004 / 1000, 0.005 / 1000,
                // Published: EC2 on-demand m6i.2xlarge (8 vCPUs, the cost model's MONOSTORE threads), us-east-1, per hour.
                0.384 / 3600);
    }
}
