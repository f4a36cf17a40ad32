package io.puffindb.testqueries;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Bad and odd query texts, generated the same way every run: the kinds a fuzzer once found answering
 * 500 or nothing, and mutations of the TPC-H queries (truncations, spliced tokens, deep nesting).
 */
final class FuzzCorpus {
    /** One input and the family it comes from (named in failures). */
    record Input(String kind, String sql) {
    }

    private static final String NUL = String.valueOf((char) 0);

    // Tokens spliced into real queries: keywords, punctuation, odd literals and functions DuckDB or Calcite treat specially.
    private static final List<String> TOKENS = List.of(
            "select", "from", "where", "group by", "order by", "having", "limit", "offset", "union", "union all", "except",
            "intersect", "join", "left join", "cross join", "on", "using", "(", ")", ",", "*", "+", "-", "/", "%", "||", "=", "<>",
            "null", "not", "and", "or", "in", "exists", "between", "like", "case", "when", "then", "else", "end", "is", "distinct",
            "as", "over", "partition by", "rows", "with", "lateral", "values", "cast(", "::", "interval '1' day", "date 'x'",
            "'", "\"", ";", "?", "$1", "1e400", "-1e400", "123456789012345678901234567890123456789", "0.0000000000000000000000000000000000001",
            "decimal(0,0)", "u&'\\0041'", "'a" + NUL + "b'", "current_user", "user", "current_schema", "current_catalog",
            "unnest(", "tablesample bernoulli(10)", "translate(", "using x", "row_number()", "listagg(", "timestamp '2020-13-45'",
            "x'zz'", "E'\\x00'", "array[", "]", "map", "struct", "{", "}", "->", "lambda", "through 'lambda'", "through 'monostore'",
            "through 'http://127.0.0.1:1'", "nation", "lineitem", "n_name", "l_quantity", "2147483648", "-9223372036854775809");

    private FuzzCorpus() {
    }

    /** At least {@code mutationsPerQuery} x 2 inputs per TPC-H query plus the named kinds and the nesting family. */
    static List<Input> generate(List<String> tpch, long seed, int mutationsPerQuery) {
        Random random = new Random(seed);
        List<Input> inputs = new ArrayList<>(namedKinds());
        inputs.addAll(nesting());
        for (String query : tpch) {
            for (int i = 0; i < mutationsPerQuery; i++) {
                inputs.add(new Input("truncation", query.substring(0, 1 + random.nextInt(query.length() - 1))));
                inputs.add(new Input("splice", splice(query, random)));
            }
        }
        return inputs;
    }

    /** The kinds measured answering 500, no JSON or nothing at all (issue 17). */
    static List<Input> namedKinds() {
        List<Input> inputs = new ArrayList<>();
        inputs.add(new Input("deep parentheses", "select " + "(".repeat(10_000) + "1" + ")".repeat(10_000)));
        inputs.add(new Input("deep CTE chain", cteChain(2_000)));
        inputs.add(new Input("39-digit literal", "select 123456789012345678901234567890123456789"));
        inputs.add(new Input("39-digit literal", "select n_nationkey + 123456789012345678901234567890123456789 from nation"));
        inputs.add(new Input("huge limit", "select n_name from nation limit 1e400"));
        inputs.add(new Input("huge limit", "select n_name from nation limit 1e3"));
        inputs.add(new Input("decimal(0,0)", "select cast(1 as decimal(0,0))"));
        inputs.add(new Input("decimal(0,0)", "select cast(n_nationkey as decimal(0, 0)) from nation"));
        inputs.add(new Input("translate using", "select translate(n_name using x) from nation"));
        inputs.add(new Input("unnest", "select * from unnest(array[1, 2, 3])"));
        inputs.add(new Input("unnest", "select x from unnest(array[1, 2, 3]) as t(x)"));
        inputs.add(new Input("tablesample", "select count(*) from nation tablesample bernoulli(50)"));
        inputs.add(new Input("tablesample", "select count(*) from nation tablesample system(50) repeatable(1)"));
        for (String function : List.of("current_user", "user", "current_schema", "current_catalog", "session_user", "system_user",
                "current_role", "current_path")) {
            inputs.add(new Input("session function", "select " + function));
            inputs.add(new Input("session function", "select " + function + ", n_name from nation"));
        }
        inputs.add(new Input("unicode literal", "select u&'\\0041'"));
        inputs.add(new Input("unicode literal", "select n_name from nation where n_name <> u&'\\0041'"));
        inputs.add(new Input("NUL in a literal", "select 'a" + NUL + "b'"));
        inputs.add(new Input("NUL in a literal", "select n_name from nation where n_name = 'x" + NUL + "' or 1 = 1"));
        inputs.add(new Input("NUL outside a literal", "select 1" + NUL + " from nation"));
        inputs.add(new Input("window over a derived table",
                "select max(rn) from (select row_number() over (order by n_name) as rn from nation) t"));
        return inputs;
    }

    static String cteChain(int depth) {
        StringBuilder sql = new StringBuilder("with t0 as (select 1 as x)");
        for (int i = 1; i < depth; i++) {
            sql.append(", t").append(i).append(" as (select x from t").append(i - 1).append(')');
        }
        return sql.append(" select x from t").append(depth - 1).toString();
    }

    private static List<Input> nesting() {
        List<Input> inputs = new ArrayList<>();
        for (int depth : new int[] {10, 100, 500, 1_000, 3_000, 20_000}) {
            inputs.add(new Input("nested parentheses", "select " + "(".repeat(depth) + "n_nationkey" + ")".repeat(depth) + " from nation"));
            inputs.add(new Input("unbalanced parentheses", "select " + "(".repeat(depth) + "1"));
            inputs.add(new Input("nested subqueries", "select * from ".repeat(depth).replace("from select", "from (select") + "nation"
                    + ")".repeat(depth - 1)));
            inputs.add(new Input("nested function calls", "select " + "abs(".repeat(depth) + "-1" + ")".repeat(depth)));
            inputs.add(new Input("nested CASE", "select " + "case when true then ".repeat(depth) + "1" + " end".repeat(depth)));
            inputs.add(new Input("long AND chain", "select count(*) from nation where " + "n_nationkey >= 0 and ".repeat(depth) + "true"));
            inputs.add(new Input("long plus chain", "select " + "1 + ".repeat(depth) + "1"));
            inputs.add(new Input("long IN list", "select count(*) from nation where n_nationkey in (" + numbers(depth) + ")"));
            inputs.add(new Input("nested NOT", "select " + "not ".repeat(depth) + "true"));
            inputs.add(new Input("long UNION chain", "select 1 as x" + " union all select 1".repeat(Math.min(depth, 2_000))));
            inputs.add(new Input("deep CTE chain", cteChain(Math.min(depth, 3_000))));
        }
        return inputs;
    }

    private static String numbers(int count) {
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < count; i++) {
            list.append(i == 0 ? "" : ", ").append(i);
        }
        return list.toString();
    }

    // Replaces, inserts or deletes a few whitespace-separated tokens.
    private static String splice(String query, Random random) {
        List<String> tokens = new ArrayList<>(List.of(query.trim().split("\\s+")));
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits && !tokens.isEmpty(); i++) {
            int at = random.nextInt(tokens.size());
            switch (random.nextInt(3)) {
                case 0 -> tokens.set(at, TOKENS.get(random.nextInt(TOKENS.size())));
                case 1 -> tokens.add(at, TOKENS.get(random.nextInt(TOKENS.size())));
                default -> tokens.remove(at);
            }
        }
        return String.join(" ", tokens);
    }
}
