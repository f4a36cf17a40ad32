package io.puffindb.testqueries;

import java.nio.file.Path;
import java.util.List;

/** The TPC-H cases of the suite, for tests that run them in another deployment shape. */
final class TpchCases {
    private TpchCases() {
    }

    static List<QueryCase> all() {
        return CaseLoader.loadAll(Path.of("cases", "tpch"));
    }

    /** A case by name, such as {@code tpch-q06}. */
    static QueryCase named(String name) {
        return all().stream().filter(queryCase -> queryCase.name().equals(name)).findFirst().orElseThrow();
    }

    static String sql(String name) {
        return named(name).sql();
    }
}
