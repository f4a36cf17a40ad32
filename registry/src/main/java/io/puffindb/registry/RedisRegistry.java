package io.puffindb.registry;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

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
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

/**
 * The Registry on Redis, so that workers on any host join the same deployment. A worker is a key
 * with an expiry (Redis forgets a silent worker by itself) plus a member of an index set; a stage is
 * a set of completed task ids next to its task count; a file's cached copies are one hash (field
 * {@code layer:holder}, value {@code size:version}) plus, per holder, a set of what it holds so it can
 * be forgotten at once; a table version's statistics are one hash; a small result is one binary key
 * with an expiry. Calls that touch many keys are pipelined. Every key carries a namespace.
 */
public final class RedisRegistry implements Registry {
    private static final Duration STAGE_TTL = Duration.ofHours(1);
    // Statistics of a table version nobody queries any more should not stay forever; each record renews them.
    private static final Duration STATISTICS_TTL = Duration.ofDays(7);
    private static final String ROWS = "rows";
    private static final String DISTINCT = "distinct:";

    private final RedisClient redis;
    private final String namespace;

    public RedisRegistry(URI uri, String namespace) {
        this.redis = RedisClient.create(requireNonNull(uri, "uri is null"));
        this.namespace = requireNonNull(namespace, "namespace is null");
    }

    @Override
    public void heartbeat(WorkerInfo worker, Duration ttl) {
        try (Pipeline pipeline = redis.pipelined()) {
            pipeline.set(workerKey(worker.id()), worker.location(), SetParams.setParams().px(ttl.toMillis()));
            pipeline.sadd(key("workers"), worker.id());
            pipeline.sync();
        }
    }

    @Override
    public List<WorkerInfo> liveWorkers() {
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
    }

    @Override
    public void cached(CachedCopy copy) {
        try (Pipeline pipeline = redis.pipelined()) {
            pipeline.hset(copiesKey(copy.file()), copy.layer() + ":" + copy.holder(), copy.sizeBytes() + ":" + copy.version());
            pipeline.sadd(holdingsKey(copy.holder()), copy.layer() + ":" + copy.file());
            pipeline.sync();
        }
    }

    @Override
    public void evicted(String holder, CacheLayer layer, String file) {
        try (Pipeline pipeline = redis.pipelined()) {
            pipeline.hdel(copiesKey(file), layer + ":" + holder);
            pipeline.srem(holdingsKey(holder), layer + ":" + file);
            pipeline.sync();
        }
    }

    @Override
    public void forgetHolder(String holder) {
        String holdings = holdingsKey(holder);
        try (Pipeline pipeline = redis.pipelined()) {
            for (String held : redis.smembers(holdings)) {
                int colon = held.indexOf(':');
                pipeline.hdel(copiesKey(held.substring(colon + 1)), held.substring(0, colon) + ":" + holder);
            }
            pipeline.del(holdings);
            pipeline.sync();
        }
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
    }

    @Override
    public TableStatistics statistics(String tableVersion) {
        Map<String, String> fields = redis.hgetAll(statisticsKey(tableVersion));
        OptionalLong rows = fields.containsKey(ROWS) ? OptionalLong.of(Long.parseLong(fields.get(ROWS))) : OptionalLong.empty();
        Map<String, Long> distinct = new HashMap<>();
        fields.forEach((field, value) -> {
            if (field.startsWith(DISTINCT)) {
                distinct.put(field.substring(DISTINCT.length()), Long.parseLong(value));
            }
        });
        return new TableStatistics(rows, distinct);
    }

    @Override
    public void putResult(String key, byte[] bytes, Duration ttl) {
        redis.set(resultKey(key), bytes, SetParams.setParams().px(ttl.toMillis()));
    }

    @Override
    public Optional<byte[]> result(String key) {
        return Optional.ofNullable(redis.get(resultKey(key)));
    }

    @Override
    public void deleteResult(String key) {
        redis.del(resultKey(key));
    }

    @Override
    public void startStage(String stageId, int tasks) {
        try (Pipeline pipeline = redis.pipelined()) {
            pipeline.del(key("stage:" + stageId + ":done"));
            pipeline.set(key("stage:" + stageId + ":tasks"), String.valueOf(tasks), SetParams.setParams().px(STAGE_TTL.toMillis()));
            pipeline.sync();
        }
    }

    @Override
    public int completeTask(String stageId, String taskId) {
        int tasks = stageTasks(stageId);
        String done = key("stage:" + stageId + ":done");
        try (Pipeline pipeline = redis.pipelined()) {
            pipeline.sadd(done, taskId); // a set: completing the same task twice counts once
            pipeline.pexpire(done, STAGE_TTL.toMillis());
            Response<Long> completed = pipeline.scard(done);
            pipeline.sync();
            return (int) Math.max(0, tasks - completed.get());
        }
    }

    @Override
    public int remainingTasks(String stageId) {
        return (int) Math.max(0, stageTasks(stageId) - redis.scard(key("stage:" + stageId + ":done")));
    }

    @Override
    public void endStage(String stageId) {
        redis.del(key("stage:" + stageId + ":tasks"), key("stage:" + stageId + ":done"));
    }

    private int stageTasks(String stageId) {
        String tasks = redis.get(key("stage:" + stageId + ":tasks"));
        if (tasks == null) {
            throw new IllegalArgumentException("No stage " + stageId);
        }
        return Integer.parseInt(tasks);
    }

    @Override
    public void close() {
        redis.close();
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
