package io.puffindb.executors;

import io.puffindb.executors.flight.TaskStats;
import io.puffindb.lake.cache.CacheUsage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** EXPLAIN as text: one line per operator with tier, estimates, cost and what it does in SQL terms, then each fragment's SQL and tasks. */
public final class ExplainText {
    private static final String WORKER_CACHE = "worker SSD cache";
    private ExplainText() {
    }

    public static String render(Explanation explanation) {
        StringBuilder text = new StringBuilder();
        node(explanation.plan(), 0, text);
        for (FragmentDescription fragment : explanation.fragments()) {
            text.append(String.format("%nFragment %d on %s, %d task%s%s%n  %s%n", fragment.id(), fragment.tier(), fragment.tasks(),
                    fragment.tasks() == 1 ? "" : "s", fragment.inputs().isEmpty() ? "" : ", inputs " + fragment.inputs(), fragment.duckDbSql()));
            for (TaskStats task : fragment.actualTasks()) {
                text.append(String.format("  task %s on %s: %d split(s), %,d bytes in, %,d rows / %,d bytes out (%s), %d ms%s%s%n", task.taskId(),
                        task.worker(), task.splits(), task.bytesIn(), task.rowsOut(), task.bytesOut(), delivery(task), task.millis(), task.attempts() > 1 ? ", attempt " + task.attempts() : "",
                        task.cache() == null ? "" : ", " + dataSource(task.cache(), WORKER_CACHE)));
            }
            if (!fragment.actualTasks().isEmpty()) {
                text.append(String.format("  task attempts: %d for %d task(s)%n", fragment.taskAttempts(), fragment.actualTasks().size()));
            }
            dataSources(fragment.actualTasks()).ifPresent(total -> text.append("  data of the fragment's scans: ").append(total).append('\n'));
            if (fragment.engineReads() != null) {
                text.append("  data of the fragment's scans: ").append(dataSource(fragment.engineReads(), fragment.tier() + " cache")).append('\n');
            }
        }
        if (explanation.actualRows() != null) {
            text.append(String.format("%nActual: %,d rows in %d ms%n", explanation.actualRows(), explanation.elapsedMillis()));
        }
        return text.toString();
    }

    private static String delivery(TaskStats task) {
        return switch (String.valueOf(task.delivery())) {
            case TaskStats.REGISTRY -> "handed over through the Registry";
            case TaskStats.SPILL -> "spilled to the object store";
            case TaskStats.FAILED -> "failed, no output";
            default -> "streamed";
        };
    }

    // Where the fragment's lake files were found, summed over its tasks (only the tasks whose workers could say).
    private static Optional<String> dataSources(List<TaskStats> tasks) {
        List<CacheUsage> known = tasks.stream().map(TaskStats::cache).filter(Objects::nonNull).toList();
        return known.isEmpty() ? Optional.empty() : Optional.of(dataSource(known.stream().reduce(CacheUsage.NONE, CacheUsage::plus), WORKER_CACHE));
    }

    private static String dataSource(CacheUsage usage, String cache) {
        if (usage.cachedFiles() + usage.fetchedFiles() == 0) {
            return "files read in place from the lake";
        }
        String ram = usage.ramFiles() == 0 ? "" : String.format(" (%d file(s) / %,d bytes of them from its RAM layer)", usage.ramFiles(), usage.ramBytes());
        return String.format("%d file(s) / %,d bytes from the %s%s, %d file(s) / %,d bytes fetched from the lake", usage.cachedFiles(),
                usage.cachedBytes(), cache, ram, usage.fetchedFiles(), usage.fetchedBytes());
    }

    private static void node(PlanDescription node, int depth, StringBuilder text) {
        text.append("  ".repeat(depth)).append(node.operator().replace("Tier", ""));
        if (node.exchangeKind() != null) {
            text.append(' ').append(node.exchangeKind());
        }
        text.append(String.format(" [%s, fragment %d] rows=%.0f bytes=%.0f cost=%.6fs", node.tier(), node.fragment(), node.estimatedRows(),
                node.estimatedBytes(), node.estimatedCost()));
        if (!node.label().isEmpty()) {
            text.append("  ").append(node.label());
        }
        text.append('\n');
        for (PlanDescription input : node.inputs()) {
            node(input, depth + 1, text);
        }
    }
}
