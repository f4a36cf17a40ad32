package io.puffindb.lake.hudi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.store.ObjectStore;
import io.puffindb.lake.store.StoredObject;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The completed write instants of a Hudi table's timeline, as the published layouts name them:
 * {@code .hoodie/<instant>.commit} (table versions up to 6) or
 * {@code .hoodie/timeline/<instant>_<completion>.commit} (version 8, Hudi 1.x). A write that is
 * only requested or inflight has no completed file, so its data files are not part of the table.
 * A completed replacecommit (clustering, insert_overwrite) retires the file groups it names.
 */
final class HudiTimeline {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern V1 = Pattern.compile("(\\d+)\\.(commit|replacecommit|deltacommit)");
    private static final Pattern V2 = Pattern.compile("(\\d+)_\\d+\\.(commit|replacecommit|deltacommit)");

    // Completed instant time -> the file ids it replaced (empty for plain commits).
    private final TreeMap<String, Set<String>> completed;

    private HudiTimeline(TreeMap<String, Set<String>> completed) {
        this.completed = completed;
    }

    static HudiTimeline read(ObjectStore store, String table, String tableName) {
        TreeMap<String, Set<String>> completed = new TreeMap<>();
        collect(store, store.files(table + "/.hoodie"), V1, completed, tableName, true);
        collect(store, store.files(table + "/.hoodie/timeline"), V2, completed, tableName, false);
        return new HudiTimeline(completed);
    }

    private static void collect(ObjectStore store, List<StoredObject> files, Pattern pattern, TreeMap<String, Set<String>> completed, String table,
            boolean jsonMetadata) {
        for (StoredObject file : files) {
            Matcher matcher = pattern.matcher(file.fileName());
            if (!matcher.matches()) {
                continue;
            }
            String action = matcher.group(2);
            if (action.equals("deltacommit")) {
                throw new PuffinException(ErrorCode.QUERY_FAILED, "Hudi table " + table + " has delta commits (merge-on-read): PuffinDB reads copy-on-write tables only");
            }
            Set<String> replaced = new HashSet<>();
            if (action.equals("replacecommit")) {
                if (!jsonMetadata) {
                    throw new PuffinException(ErrorCode.QUERY_FAILED, "Hudi table " + table + " has a replacecommit in the version-8 timeline "
                            + "(Avro metadata), which PuffinDB does not read yet");
                }
                replaced.addAll(replacedFileIds(store.readTail(file, Math.toIntExact(file.size())), table));
            }
            completed.put(matcher.group(1), replaced);
        }
    }

    // HoodieReplaceCommitMetadata as JSON: {"partitionToReplaceFileIds": {"<partition>": ["<file id>", ...]}, ...}
    private static Set<String> replacedFileIds(byte[] metadata, String table) {
        Set<String> ids = new HashSet<>();
        try {
            JsonNode byPartition = JSON.readTree(metadata).path("partitionToReplaceFileIds");
            byPartition.forEach(partition -> partition.forEach(id -> ids.add(id.asText())));
        } catch (IOException e) {
            throw new PuffinException(ErrorCode.QUERY_FAILED, "Hudi table " + table + ": unreadable replacecommit metadata: " + e.getMessage(), e);
        }
        return ids;
    }

    boolean isEmpty() {
        return completed.isEmpty();
    }

    String latest() {
        return completed.lastKey();
    }

    boolean isCompleted(String instant) {
        return completed.containsKey(instant);
    }

    /** File ids retired by replacecommits completed at or before {@code asOf}. */
    Set<String> replacedAsOf(String asOf) {
        Set<String> replaced = new HashSet<>();
        completed.headMap(asOf, true).values().forEach(replaced::addAll);
        return replaced;
    }
}
