package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.tier.Tier;
import io.puffindb.executors.cache.ClientCopies;
import io.puffindb.executors.fragment.Fragment;
import io.puffindb.executors.fragment.FragmentSql;
import io.puffindb.lake.SqlLiterals;
import io.puffindb.lake.store.StoredObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a client learns from planning a query for it. Either the plan's root runs on its CLIENT tier:
 * its DuckDB SQL, naming files by their cache names (all in the client's cache) and the rows the
 * service computes by input name ({@code inputs}, each a query the service runs and streams to the
 * client); or the service runs it all. {@code files} are the lake files the whole plan reads, which
 * the client may copy from the MONOSTORE's cache afterwards: reactive promotion one layer up.
 */
public record ClientPlan(Optional<String> clientSql, List<ServiceInput> inputs, List<StoredObject> files) {
    public ClientPlan {
        requireNonNull(clientSql, "clientSql is null");
        inputs = List.copyOf(inputs);
        files = List.copyOf(files);
    }

    /** Rows the client's SQL reads as table {@code name}: the service's answer to {@code query}. */
    public record ServiceInput(String name, PreparedQuery query) {
        public ServiceInput {
            requireNonNull(name, "name is null");
            requireNonNull(query, "query is null");
        }
    }

    /** From a plan made for the client ({@code forClient}), else from the one the service would run ({@code onService}). */
    static ClientPlan of(PreparedQuery forClient, Supplier<PreparedQuery> onService, ClientCopies copies) {
        Fragment root = forClient.rootFragment();
        List<StoredObject> clientFiles = root.remoteFiles(List.of());
        // The client runs the root over files it holds, with rows from the service below it; the
        // service answers each input on its own, so an input must not need the client again, and the
        // client reads no other service (THROUGH) itself.
        boolean splits = root.tier() == Tier.CLIENT && root.streamedTables().isEmpty() && clientFiles.stream().allMatch(copies::holds)
                && root.inputs().stream().noneMatch(input -> input.source().anyOn(Tier.CLIENT));
        // A client root over no cached file would only pass on the service's rows: let the service answer.
        if (!splits || clientFiles.isEmpty()) {
            return new ClientPlan(Optional.empty(), List.of(), filesRead(onService.get().rootFragment()));
        }
        List<ServiceInput> inputs = new ArrayList<>();
        int nextId = root.maxId() + 1;
        for (Fragment.Input input : root.inputs()) {
            Fragment onMonostore = Fragment.gatheredOnMonostore(input, nextId++);
            inputs.add(new ServiceInput(input.name(), forClient.rootedAt(onMonostore, "the service's part " + input.name() + " of a client's plan")));
        }
        String sql = FragmentSql.render(root);
        return new ClientPlan(Optional.of(forClient.answerColumns().map(columns -> named(sql, columns)).orElse(sql)), inputs, filesRead(root));
    }

    // The client's DuckDB answers with the query's columns: a projection by position (#1, ...) keeps the rows' order.
    private static String named(String sql, AnswerColumns answer) {
        List<String> columns = new ArrayList<>(answer.size());
        for (int i = 0; i < answer.size(); i++) {
            columns.add("#" + (answer.planColumn(i) + 1) + " AS " + SqlLiterals.identifier(answer.names().get(i)));
        }
        return "SELECT " + String.join(", ", columns) + " FROM (" + sql + ") AS answer";
    }

    // Every remote lake file any fragment of the plan reads, each once.
    private static List<StoredObject> filesRead(Fragment fragment) {
        LinkedHashSet<StoredObject> files = new LinkedHashSet<>();
        for (var share : fragment.taskShares(splits -> 1)) {
            files.addAll(fragment.remoteFiles(share));
        }
        fragment.inputs().forEach(input -> files.addAll(filesRead(input.source())));
        return new ArrayList<>(files);
    }
}
