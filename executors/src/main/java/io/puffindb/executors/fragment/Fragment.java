package io.puffindb.executors.fragment;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.LakeCalciteTable;
import io.puffindb.calcite.StreamedTable;
import io.puffindb.calcite.jdbc.JdbcQueryTable;
import io.puffindb.calcite.through.RemoteThroughTable;
import io.puffindb.calcite.tier.ExchangeKind;
import io.puffindb.calcite.tier.Tier;
import io.puffindb.calcite.tier.TierExchange;
import io.puffindb.calcite.tier.TierTableScan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;
import java.util.stream.Stream;
import io.puffindb.lake.Split;
import io.puffindb.lake.store.StoredObject;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableScan;

/**
 * A piece of the physical plan that runs on one tier as one DuckDB query (per task, on LAMBDA):
 * cut at exchanges, whose rows arrive as registered Arrow streams named by {@link Input#name()}.
 */
public record Fragment(int id, Tier tier, RelNode root, List<Input> inputs, Optional<TierTableScan> fanOutScan) {
    public Fragment {
        requireNonNull(tier, "tier is null");
        requireNonNull(root, "root is null");
        inputs = List.copyOf(inputs);
        requireNonNull(fanOutScan, "fanOutScan is null");
    }

    /** Rows that reach this fragment through an exchange, produced by another fragment. */
    public record Input(TierExchange exchange, String name, Fragment source) {
    }

    /**
     * The MONOSTORE fragment that yields {@code input}'s rows on the service: its source when that runs
     * on the MONOSTORE, else one (numbered {@code id}) that gathers the source's LAMBDA tasks as they are.
     */
    public static Fragment gatheredOnMonostore(Input input, int id) {
        if (input.source().tier() == Tier.MONOSTORE) {
            return input.source();
        }
        return new Fragment(id, Tier.MONOSTORE, input.exchange(), List.of(input), Optional.empty());
    }

    /** The largest fragment id in this fragment's tree (ids are unique within a plan). */
    public int maxId() {
        return Math.max(id, inputs.stream().mapToInt(input -> input.source().maxId()).max().orElse(id));
    }

    /** Whether this fragment or any below it runs on {@code wanted}. */
    public boolean anyOn(Tier wanted) {
        return tier == wanted || inputs.stream().anyMatch(input -> input.source().anyOn(wanted));
    }

    /** The input whose rows arrive dealt by key (a hash exchange): then the fragment runs one task per key range. */
    public Optional<Input> byKey() {
        return inputs.stream().filter(input -> input.exchange().kind() == ExchangeKind.HASH).findFirst();
    }

    /**
     * The files each task of this fragment reads: consecutive groups of its fan-out scan's files, as many
     * in each as {@code splitsPerTask} answers for the scan's number of files; one whole-table task for a
     * fragment that does not fan out.
     */
    public List<List<Split>> taskShares(IntUnaryOperator splitsPerTask) {
        if (fanOutScan.isEmpty()) {
            return List.of(List.of());
        }
        List<Split> splits = fanOutScan.get().getTable().unwrap(LakeCalciteTable.class).lakeTable().splits();
        int perTask = Math.max(1, splitsPerTask.applyAsInt(splits.size()));
        List<List<Split>> shares = new ArrayList<>();
        for (int start = 0; start < splits.size(); start += perTask) {
            shares.add(splits.subList(start, Math.min(splits.size(), start + perTask)));
        }
        return shares;
    }

    /** LAMBDA tasks of this fragment and of every fragment below it, as the coordinator starts them. */
    public int lambdaTasks(IntUnaryOperator splitsPerTask, int partitions) {
        int own = fanOutScan.isPresent() ? taskShares(splitsPerTask).size() : byKey().isPresent() ? partitions : 0;
        // A hash exchange's producers are started by its consumer tasks, on the workers.
        return own + inputs.stream().filter(input -> input.exchange().kind() != ExchangeKind.HASH)
                .mapToInt(input -> input.source().lambdaTasks(splitsPerTask, partitions)).sum();
    }

    /**
     * The remote lake files a task of this fragment reads, which its engine must have cached before
     * it runs: {@code taskShare} of the fan-out scan, every file of the other scans.
     */
    public List<StoredObject> remoteFiles(List<Split> taskShare) {
        List<StoredObject> files = new ArrayList<>();
        collectRemoteFiles(root, taskShare, files);
        return files;
    }

    private void collectRemoteFiles(RelNode node, List<Split> taskShare, List<StoredObject> files) {
        if (node instanceof TierExchange) {
            return;
        }
        LakeCalciteTable table = node instanceof TableScan scan ? scan.getTable().unwrap(LakeCalciteTable.class) : null;
        if (table != null) {
            boolean fanOut = fanOutScan.filter(scan -> scan == node).isPresent();
            List<Split> splits = fanOut ? taskShare : table.lakeTable().splits();
            for (Split split : splits) {
                Stream.concat(Stream.of(split.file()), split.deleteFiles().stream()).filter(StoredObject::needsFetching).forEach(files::add);
            }
        }
        node.getInputs().forEach(input -> collectRemoteFiles(input, taskShare, files));
    }

    /** The lake tables this fragment's own scans read (not those below its exchanges). */
    public List<LakeCalciteTable> lakeTables() {
        return tablesScanned(LakeCalciteTable.class);
    }

    /** THROUGH subqueries run by other services that this fragment reads (not those below its exchanges). */
    public List<RemoteThroughTable> remoteTables() {
        return tablesScanned(RemoteThroughTable.class);
    }

    /** Parts of the plan pushed into databases that this fragment reads (not those below its exchanges). */
    public List<JdbcQueryTable> databaseQueries() {
        return tablesScanned(JdbcQueryTable.class);
    }

    /** Every table whose rows arrive as a stream (THROUGH subqueries, database queries) that this fragment reads. */
    public List<StreamedTable> streamedTables() {
        return tablesScanned(StreamedTable.class);
    }

    private <T> List<T> tablesScanned(Class<T> kind) {
        List<T> found = new ArrayList<>();
        collectTables(root, kind, found);
        return found;
    }

    private static <T> void collectTables(RelNode node, Class<T> kind, List<T> found) {
        if (node instanceof TierExchange) {
            return;
        }
        if (node instanceof TableScan scan && scan.getTable().unwrap(kind) != null) {
            found.add(scan.getTable().unwrap(kind));
        }
        node.getInputs().forEach(input -> collectTables(input, kind, found));
    }

    public String nameOf(TierExchange exchange) {
        return inputs.stream().filter(input -> input.exchange() == exchange).findFirst()
                .map(Input::name)
                .orElseThrow(() -> new IllegalStateException("Exchange is not an input of fragment " + id));
    }
}
