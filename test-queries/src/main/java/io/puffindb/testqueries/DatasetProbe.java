package io.puffindb.testqueries;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import io.puffindb.lake.SqlLiterals;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asks a service which of the suite's datasets it has, before any case runs: it describes
 * {@code SELECT * FROM dataset.table} for every table of the dataset (planned, never run), and a
 * table the service does not know makes the dataset missing.
 */
final class DatasetProbe {
    private final PuffinClient client;

    DatasetProbe(PuffinClient client) {
        this.client = requireNonNull(client, "client is null");
    }

    /** What is wrong with a dataset on this service (its missing tables, or that the suite does not know it), or empty when it is there. */
    Optional<String> problem(String dataset) throws IOException, InterruptedException {
        Optional<List<String>> tables = Datasets.tables(dataset);
        if (tables.isEmpty()) {
            return Optional.of("not a dataset this suite knows how to check (known: " + String.join(", ", Datasets.names()) + ")");
        }
        List<String> missing = new ArrayList<>();
        for (String table : tables.get()) {
            Optional<PuffinClient.ServiceError> error = client.describeError(
                    "SELECT * FROM " + SqlLiterals.identifier(dataset) + "." + SqlLiterals.identifier(table));
            if (error.isPresent()) {
                if (!error.get().code().equals("TABLE_NOT_FOUND")) {
                    throw new IOException(format("Cannot ask the service for %s.%s: %s (HTTP %d): %s", dataset, table, error.get().code(),
                            error.get().status(), error.get().message()));
                }
                missing.add(table);
            }
        }
        return missing.isEmpty() ? Optional.empty() : Optional.of("missing tables " + String.join(", ", missing));
    }
}
