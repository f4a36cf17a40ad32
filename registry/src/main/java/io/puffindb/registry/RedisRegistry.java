package io.puffindb.registry;

import static java.lang.String.format;
import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.params.SetParams;

/**
 * The Registry on Redis, so that workers on any host join the same deployment. A worker is a key
 * with an expiry (Redis forgets a silent worker by itself) plus a member of an index set; a stage is
 * a set of completed task ids next to its task count; a file's cached copies are one hash (field
 * {@code layer:holder}, value {@code size:version}) plus, per holder, a set of what it holds so it can
 * be forgotten at once; a table version's statistics are one hash; a small result is one binary key
 * with an expiry. Calls that touch many keys are pipelined. Every key carries a namespace. Every call
 * is idempotent and retried once across a reconnect; with Redis down it fails as SERVICE_UNAVAILABLE.
 */
public final class RedisRegistry implements Registry {
    private static final Duration STAGE_TTL = Duration.ofHours(1);
    // Statistics of a table version nobody queries any more should not stay forever; each record renews them.
    private static final Duration STATISTICS_TTL = Duration.ofDays(7);
    private static final String ROWS = "rows";
    private static final String DISTINCT = "distinct:";

    private final RedisClient redis;
    private final String endpoint;
    private final String namespace;

    public RedisRegistry(URI uri, String namespace) {
        this.redis = RedisClient.create(requireNonNull(uri, "uri is null"));
        this.endpoint = uri.getHost() + ":" + uri.getPort();
        this.namespace = requireNonNull(namespace, "namespace is null");
    }

    @Override
    public void heartbeat(WorkerInfo worker, Duration ttl) {
        run(() -> {
            try (Pipeline pipeline = redis.pipelined()) {
                pipeline.set(workerKey(worker.id()), worker.location(), SetParams.setParams().px(ttl.toMillis()));
                pipeline.sadd(key("workers"), worker.id());
                pipeline.sync();
            }
        });
    }

    @Override
    public List<WorkerInfo> liveWorkers() {
        return call(() -> {
            List<String> ids = new ArrayList<>(redis.smembers(key("workers")));
            List<Response<String>> locations = new ArrayList<>();
            try (Pipeline pipeline = redis.pipelined()) {
                for (String id : ids) {
                    locations.add(pipeline.get(workerKey(id)));
                }
                pipeline.sync();
            }
            List<WorkerInfo> live = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                String location = locations.get(i).get();
                if (location == null) {
                    redis.srem(key("workers"), ids.get(i)); // its lease expired: drop it from the index too
                } else {
                    live.add(new WorkerInfo(ids.get(i), location));
                }
            }
            live.sort(Comparator.comparing(WorkerInfo::id));
            return live;
        });
    }

    @Override
    public void cached(CachedCopy copy) {
        run(() -> {
            try (Pipeline pipeline = redis.pipelined()) {
                pipeline.hset(copiesKey(copy.file()), copy.layer() + ":" + copy.holder(), copy.sizeBytes() + ":" + copy.version());
                pipeline.sadd(holdingsKey(copy.holder()), copy.layer() + ":" + copy.file());
                pipeline.sync();
            }
        });
    }

    @Override
    public void evicted(String holder, CacheLayer layer, String file) {
        run(() -> {
            try (Pipeline pipeline = redis.pipelined()) {
                pipeline.hdel(copiesKey(file), layer + ":" + holder);
                pipeline.srem(holdingsKey(holder), layer + ":" + file);
                pipeline.sync();
            }
        });
    }

    @Override
    public void forgetHolder(String holder) {
        run(() -> {
            String holdings = holdingsKey(holder);
            try (Pipeline pipeline = redis.pipelined()) {
                for (String held : redis.smembers(holdings)) {
                    int colon = held.indexOf(':');
                    pipeline.hdel(copiesKey(held.substring(colon + 1)), held.substring(0, colon) + ":" + holder);
                }
                pipeline.del(holdings);
                pipeline.sync();
            }
        });
    }

    @Override
    public Map<String, List<CachedCopy>> copiesOf(Collection<String> files) {
        Map<String, Response<Map<String, String>>> responses = new HashMap<>();
        try (Pipeline pipeline = redis.pipelined()) {
            for (String file : files) {
                responses.put(file, pipeline.hgetAll(copiesKey(file)));
            }
            pipeline.sync();
        }
        Map<String, List<CachedCopy>> found = new HashMap<>();
        responses.forEach((file, response) -> {
            List<CachedCopy> copies = new ArrayList<>();
            response.get().forEach((field, value) -> {
                int fieldColon = field.indexOf(':');
                int valueColon = value.indexOf(':');
                copies.add(new CachedCopy(file, value.substring(valueColon + 1), Long.parseLong(value.substring(0, valueColon)),
                        field.substring(fieldColon + 1), CacheLayer.valueOf(field.substring(0, fieldColon))));
            });
            if (!copies.isEmpty()) {
                found.put(file, copies);
            }
        });
        return found;
    }

    @Override
    public void recordStatistics(String tableVersion, TableStatistics learned) {
        run(() -> {
            Map<String, String> fields = new HashMap<>();
            learned.rowCount().ifPresent(rows -> fields.put(ROWS, String.valueOf(rows)));
            learned.distinctValues().forEach((column, distinct) -> fields.put(DISTINCT + column, String.valueOf(distinct)));
            if (!fields.isEmpty()) {
                try (Pipeline pipeline = redis.pipelined()) {
                    pipeline.hset(statisticsKey(tableVersion), fields);
                    pipeline.pexpire(statisticsKey(tableVersion), STATISTICS_TTL.toMillis());
                    pipeline.sync();
                }
            }
        });
    }

    @Override
    public TableStatistics statistics(String tableVersion) {
        return call(() -> {
            Map<String, String> fields = redis.hgetAll(statisticsKey(tableVersion));
            OptionalLong rows = fields.containsKey(ROWS) ? OptionalLong.of(Long.parseLong(fields.get(ROWS))) : OptionalLong.empty();
            Map<String, Long> distinct = new HashMap<>();
            fields.forEach((field, value) -> {
                if (field.startsWith(DISTINCT)) {
                    distinct.put(field.substring(DISTINCT.length()), Long.parseLong(value));
                }
            });
            return new TableStatistics(rows, distinct);
        });
    }

    @Override
    public void putResult(String key, byte[] bytes, Duration ttl) {
        run(() -> {
            redis.set(resultKey(key), bytes, SetParams.setParams().px(ttl.toMillis()));
        });
    }

    @Override
    public Optional<byte[]> result(String key) {
        return call(() -> {
            return Optional.ofNullable(redis.get(resultKey(key)));
        });
    }

    @Override
    public void deleteResult(String key) {
        run(() -> {
            redis.del(resultKey(key));
        });
    }

    @Override
    public void startStage(String stageId, int tasks) {
        run(() -> {
            try (Pipeline pipeline = redis.pipelined()) {
                pipeline.del(key("stage:" + stageId + ":done"));
                pipeline.set(key("stage:" + stageId + ":tasks"), String.valueOf(tasks), SetParams.setParams().px(STAGE_TTL.toMillis()));
                pipeline.sync();
            }
        });
    }

    @Override
    public int completeTask(String stageId, String taskId) {
        return call(() -> {
            int tasks = stageTasks(stageId);
            String done = key("stage:" + stageId + ":done");
            try (Pipeline pipeline = redis.pipelined()) {
                pipeline.sadd(done, taskId); // a set: completing the same task twice counts once
                pipeline.pexpire(done, STAGE_TTL.toMillis());
                Response<Long> completed = pipeline.scard(done);
                pipeline.sync();
                return (int) Math.max(0, tasks - completed.get());
            }
        });
    }

    @Override
    public int remainingTasks(String stageId) {
        return call(() -> {
            return (int) Math.max(0, stageTasks(stageId) - redis.scard(key("stage:" + stageId + ":done")));
        });
    }

    @Override
    public void endStage(String stageId) {
        run(() -> {
            redis.del(key("stage:" + stageId + ":tasks"), key("stage:" + stageId + ":done"));
        });
    }

    private int stageTasks(String stageId) {
        String tasks = redis.get(key("stage:" + stageId + ":tasks"));
        if (tasks == null) {
            throw new IllegalArgumentException("No stage " + stageId);
        }
        return Integer.parseInt(tasks);
    }

    @Override
    public void ping() {
        run(redis::ping);
    }

    @Override
    public void close() {
        redis.close();
    }

    // A connection Redis reset is dropped from the pool as the call fails, so one more try goes over a new
    // one; if that fails too, Redis is down and the service cannot answer until it is back (503, not 500).
    private <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (JedisConnectionException reset) {
            try {
                return call.get();
            } catch (JedisConnectionException down) {
                down.addSuppressed(reset);
                throw new PuffinException(ErrorCode.SERVICE_UNAVAILABLE, format("The Registry at %s is unavailable: %s", endpoint, down.getMessage()), down);
            }
        }
    }

    private void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }

    private String workerKey(String id) {
        return key("worker:" + id);
    }

    private String copiesKey(String file) {
        return key("cache:" + file);
    }

    private String holdingsKey(String holder) {
        return key("holds:" + holder);
    }

    private String statisticsKey(String tableVersion) {
        return key("stats:" + tableVersion);
    }

    private byte[] resultKey(String key) {
        return key("result:" + key).getBytes(UTF_8);
    }

    private String key(String suffix) {
        return "puffindb:" + namespace + ":" + suffix;
    }
}
