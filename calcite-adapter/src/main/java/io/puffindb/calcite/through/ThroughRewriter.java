package io.puffindb.calcite.through;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.parser.SqlThroughSelect;
import io.puffindb.calcite.tier.Tier;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.LakeColumn;
import io.puffindb.lake.PuffinException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDialect;
import org.apache.calcite.sql.SqlHint;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlJoin;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOrderBy;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlTableRef;
import org.apache.calcite.sql.dialect.PostgresqlSqlDialect;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;
import org.apache.calcite.sql.util.SqlShuttle;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * Resolves the THROUGH clauses of a parsed query before validation. A subquery THROUGH another
 * service becomes {@code SELECT * FROM __through.<stream>}, a table whose row type that service
 * described; its text (with its own nested THROUGHs) is what the service will run. A subquery
 * THROUGH a tier becomes a plain subquery carrying a {@code tier} hint, which placement obeys.
 * Every endpoint is checked against the allow-list before any of them is contacted.
 */
public final class ThroughRewriter {
    /** The schema the remote subqueries appear in while the query is validated. */
    public static final String SCHEMA = "__through";
    // The dialect our own parser reads back: double-quoted identifiers, standard SQL.
    private static final SqlDialect UNPARSE = PostgresqlSqlDialect.DEFAULT;

    private final AllowList allowList;
    private final RemoteService remoteService;
    private final ThroughLimits limits;

    public ThroughRewriter(AllowList allowList, RemoteService remoteService, ThroughLimits limits) {
        this.allowList = requireNonNull(allowList, "allowList is null");
        this.remoteService = requireNonNull(remoteService, "remoteService is null");
        this.limits = requireNonNull(limits, "limits is null");
    }

    /**
     * The query with its remote subqueries replaced by the tables standing for them, and its tier
     * pins turned into hints; {@code tiers} are the tiers this deployment has.
     */
    public Rewritten rewrite(SqlNode query, Set<Tier> tiers) {
        List<ThroughEndpoint> endpoints = new ArrayList<>();
        query.accept(new EndpointCollector(endpoints));
        checkSpread(query, endpoints);
        for (ThroughEndpoint endpoint : endpoints) {
            allowList.check(endpoint);
            endpoint.tier().filter(tier -> !tiers.contains(tier)).ifPresent(missing -> {
                throw new PuffinException(ErrorCode.VALIDATION_ERROR, format(
                        "THROUGH '%s': this deployment has no %s engine (tiers here: %s)", endpoint.text(), missing, tiers));
            });
        }
        List<RemoteThroughTable> tables = new ArrayList<>();
        SqlNode rewritten = endpoints.isEmpty() ? query : query.accept(new ThroughReplacer(tables));
        return new Rewritten(rewritten, tables);
    }

    // The text carries the whole cascade (each service runs the nested rest), so counting it here bounds every hop.
    private void checkSpread(SqlNode query, List<ThroughEndpoint> endpoints) {
        long remotes = endpoints.stream().filter(endpoint -> endpoint.service().isPresent()).count();
        if (remotes > limits.maxFanIn()) {
            throw new PuffinException(ErrorCode.VALIDATION_ERROR, format(
                    "The query reads %d subqueries THROUGH other services; the limit is %d", remotes, limits.maxFanIn()));
        }
        int depth = query.accept(new RemoteDepth());
        if (depth > limits.maxDepth()) {
            throw new PuffinException(ErrorCode.VALIDATION_ERROR, format(
                    "The query nests THROUGH other services %d levels deep; the limit is %d", depth, limits.maxDepth()));
        }
    }

    /**
     * How many remote THROUGHs nest inside each other at most, those inside remote subqueries included.
     * Leaves (identifiers, literals, types) are visited as null by the base class: depth 0.
     */
    private static final class RemoteDepth extends SqlBasicVisitor<Integer> {
        @Override
        public Integer visit(SqlCall call) {
            int below = deepest(call.getOperandList());
            boolean remote = call instanceof SqlThroughSelect through && ThroughEndpoint.parse(through.endpoint()).service().isPresent();
            return remote ? below + 1 : below;
        }

        @Override
        public Integer visit(SqlNodeList list) {
            return deepest(list);
        }

        private int deepest(List<SqlNode> nodes) {
            int deepest = 0;
            for (SqlNode node : nodes) {
                Integer depth = node == null ? null : node.accept(this);
                deepest = Math.max(deepest, depth == null ? 0 : depth);
            }
            return deepest;
        }
    }

    /** A rewritten query and the remote subqueries it now reads as tables. */
    public record Rewritten(SqlNode query, List<RemoteThroughTable> remoteTables) {
        public Rewritten {
            requireNonNull(query, "query is null");
            remoteTables = List.copyOf(remoteTables);
        }
    }

    /** Every THROUGH this service would act on: not those inside a remote subquery (the remote service acts on them). */
    private static final class EndpointCollector extends SqlBasicVisitor<Void> {
        private final List<ThroughEndpoint> endpoints;

        EndpointCollector(List<ThroughEndpoint> endpoints) {
            this.endpoints = endpoints;
        }

        @Override
        public Void visit(SqlCall call) {
            if (call instanceof SqlThroughSelect through) {
                ThroughEndpoint endpoint = ThroughEndpoint.parse(through.endpoint());
                endpoints.add(endpoint);
                if (endpoint.service().isPresent()) {
                    return null;
                }
            }
            return super.visit(call);
        }
    }

    private final class ThroughReplacer extends SqlShuttle {
        private final List<RemoteThroughTable> tables;

        ThroughReplacer(List<RemoteThroughTable> tables) {
            this.tables = tables;
        }

        @Override
        public SqlNode visit(SqlCall call) {
            // ORDER BY and LIMIT of a THROUGH select belong to it: the parser puts them around it.
            if (call instanceof SqlOrderBy orderBy && orderBy.query instanceof SqlThroughSelect through) {
                ThroughEndpoint endpoint = ThroughEndpoint.parse(through.endpoint());
                if (endpoint.service().isPresent()) {
                    SqlOrderBy whole = new SqlOrderBy(orderBy.getParserPosition(), withoutThrough(through, through.getHints()), orderBy.orderList,
                            orderBy.offset, orderBy.fetch);
                    return remote(whole, through, endpoint);
                }
            }
            if (call instanceof SqlThroughSelect through) {
                ThroughEndpoint endpoint = ThroughEndpoint.parse(through.endpoint());
                if (endpoint.service().isPresent()) {
                    return remote(withoutThrough(through, through.getHints()), through, endpoint);
                }
                return super.visit(pinned(through, endpoint.tier().orElseThrow()));
            }
            return super.visit(call);
        }

        // The same select without THROUGH, each table it reads hinted /*+ tier(lambda) */: the scans
        // are where a subquery's data is read and kept, and table hints survive every rewrite.
        private SqlSelect pinned(SqlThroughSelect through, Tier tier) {
            SqlParserPos pos = through.getParserPosition();
            SqlNodeList hints = SqlNodeList.of(new SqlHint(pos, new SqlIdentifier(TierPins.HINT, pos),
                    SqlNodeList.of(new SqlIdentifier(tier.endpointName(), pos)), SqlHint.HintOptionFormat.ID_LIST));
            SqlSelect select = withoutThrough(through, through.getHints());
            select.setFrom(pinTables(select.getFrom(), hints));
            return select;
        }

        private @Nullable SqlNode pinTables(@Nullable SqlNode from, SqlNodeList hints) {
            if (from == null) {
                return null;
            }
            if (from instanceof SqlIdentifier table) {
                return new SqlTableRef(table.getParserPosition(), table, hints);
            }
            if (from instanceof SqlJoin join) {
                join.setLeft(pinTables(join.getLeft(), hints));
                join.setRight(pinTables(join.getRight(), hints));
                return join;
            }
            if (from.getKind() == SqlKind.AS) {
                SqlCall as = (SqlCall) from;
                as.setOperand(0, pinTables(as.operand(0), hints));
                return as;
            }
            if (from instanceof SqlSelect select && !(select instanceof SqlThroughSelect)) {
                select.setFrom(pinTables(select.getFrom(), hints)); // a nested subquery runs where its parent does
            }
            return from;
        }

        // The select the endpoint runs: its own THROUGH dropped (the endpoint is where it runs), nested ones kept.
        private SqlSelect withoutThrough(SqlThroughSelect through, SqlNodeList hints) {
            return new SqlSelect(through.getParserPosition(), (SqlNodeList) through.getOperandList().get(0), through.getSelectList(),
                    through.getFrom(), through.getWhere(), through.getGroup(), through.getHaving(), through.getWindowList(), through.getQualify(),
                    through.getOrderList(), through.getOffset(), through.getFetch(), hints);
        }

        private SqlNode remote(SqlNode query, SqlThroughSelect through, ThroughEndpoint endpoint) {
            String sql = query.toSqlString(config -> config.withDialect(UNPARSE).withIndentation(0)).getSql();
            List<LakeColumn> columns = remoteService.describe(endpoint, sql);
            RemoteThroughTable table = new RemoteThroughTable("through_" + (tables.size() + 1), endpoint, sql, columns);
            tables.add(table);
            SqlParserPos pos = through.getParserPosition();
            return new SqlSelect(pos, null, SqlNodeList.SINGLETON_STAR, new SqlIdentifier(List.of(SCHEMA, table.streamName()), pos),
                    null, null, null, null, null, null, null, null, null);
        }
    }
}
