package io.puffindb.registry;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.SetParams;

/**
 * The Registry on Redis, so that workers on any host join the same deployment. A worker is a key
 * with an expiry (Redis forgets a silent worker by itself) plus a member of an index set; a stage is
 * a set of completed task ids next to its task count. Every key carries a namespace.
 */
public final class RedisRegistry implements Registry {
    private static final Duration STAGE_TTL = Duration.ofHours(1);

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
    public void startStage(String stageId, int tasks) {
        try (Pipeline pipeline = redis.pipelined()) {
            pipeline.del(key("stage:" + stageId + ":done"));
            pipeline.set(key("stage:" + stageId + ":tasks"), String.valueOf(tasks), SetParams.setParams().px(STAGE_TTL.toMillis()));
            pipeline.sync();
        }
    }

    @Override
    public int completeTask(String stageId, String taskId) {
        String tasks = redis.get(key("stage:" + stageId + ":tasks"));
        if (tasks == null) {
            throw new IllegalArgumentException("No stage " + stageId);
        }
        String done = key("stage:" + stageId + ":done");
        redis.sadd(done, taskId); // a set: completing the same task twice counts once
        redis.pexpire(done, STAGE_TTL.toMillis());
        return (int) Math.max(0, Integer.parseInt(tasks) - redis.scard(done));
    }

    @Override
    public void close() {
        redis.close();
    }

    private String workerKey(String id) {
        return key("worker:" + id);
    }

    private String key(String suffix) {
        return "puffindb:" + namespace + ":" + suffix;
    }
}
