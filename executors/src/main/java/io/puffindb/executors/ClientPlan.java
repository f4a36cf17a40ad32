package io.puffindb.executors;

import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.tier.Tier;
import io.puffindb.executors.cache.ClientCopies;
import io.puffindb.executors.fragment.Fragment;
import io.puffindb.executors.fragment.FragmentSql;
import io.puffindb.lake.store.StoredObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a client learns from planning a query for it: either the whole query runs on its CLIENT tier
 * (its DuckDB SQL, naming files by their cache names, and the files it reads, all in the client's
 * cache), or the service runs it, and these are the lake files the query reads (which the client
 * may then copy from the MONOSTORE's cache: reactive promotion one layer up).
 */
public record ClientPlan(Optional<String> clientSql, List<StoredObject> files) {
    public ClientPlan {
        requireNonNull(clientSql, "clientSql is null");
        files = List.copyOf(files);
    }

    /** From a plan made for the client ({@code forClient}), else from the one the service would run ({@code onService}). */
    static ClientPlan of(PreparedQuery forClient, Supplier<PreparedQuery> onService, ClientCopies copies) {
        Fragment root = forClient.rootFragment();
        List<StoredObject> clientFiles = root.remoteFiles(List.of());
        // Only a plan placed wholly on the client, over files it holds, runs there; anything else needs the service.
        if (root.tier() == Tier.CLIENT && root.inputs().isEmpty() && root.remoteTables().isEmpty() && !clientFiles.isEmpty()
                && clientFiles.stream().allMatch(copies::holds)) {
            return new ClientPlan(Optional.of(FragmentSql.render(root)), clientFiles);
        }
        return new ClientPlan(Optional.empty(), filesRead(onService.get().rootFragment()));
    }

    // Every remote lake file any fragment of the plan reads, each once.
    private static List<StoredObject> filesRead(Fragment fragment) {
        LinkedHashSet<StoredObject> files = new LinkedHashSet<>();
        for (var share : fragment.taskShares(1)) {
            files.addAll(fragment.remoteFiles(share));
        }
        fragment.inputs().forEach(input -> files.addAll(filesRead(input.source())));
        return new ArrayList<>(files);
    }
}
