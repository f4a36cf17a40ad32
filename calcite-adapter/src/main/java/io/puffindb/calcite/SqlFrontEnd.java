package io.puffindb.calcite;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.functions.DuckDbOperatorTable;
import io.puffindb.calcite.parser.PuffinParserConfig;
import io.puffindb.calcite.parser.SqlUseSchema;
import io.puffindb.calcite.through.RemoteThroughSchema;
import io.puffindb.calcite.through.RemoteThroughTable;
import io.puffindb.calcite.through.ThroughRewriter;
import io.puffindb.calcite.through.TierPins;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfig;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibrary;
import org.apache.calcite.sql.fun.SqlLibraryOperatorTableFactory;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;

/**
 * Parse, validate and convert: SQL text in, Calcite's logical plan out, errors with line and column.
 * The conformance is DuckDB/PostgreSQL-like: LIMIT/OFFSET, case-insensitive unquoted identifiers,
 * NULLs sorting last as in DuckDB.
 */
public final class SqlFrontEnd {
    private static final SqlOperatorTable OPERATORS = DuckDbOperatorTable.over(SqlOperatorTables.chain(SqlLibraryOperatorTableFactory.INSTANCE
            .getOperatorTable(SqlLibrary.STANDARD, SqlLibrary.POSTGRESQL), SqlOperatorTables.of(DuckDbOperators.INTEGER_DIVIDE)));

    private static final String SCHEMA_HINT = " (SHOW ALL TABLES lists the schemas and their tables)";

    private final LakeCatalog catalog;
    private final SqlParser.Config parserConfig;

    public SqlFrontEnd(LakeCatalog catalog, SqlParser.Config parserConfig) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.parserConfig = requireNonNull(parserConfig, "parserConfig is null");
    }

    /** PuffinDB's parser: Calcite's grammar with THROUGH, DuckDB-like conventions. */
    public static SqlParser.Config defaultParserConfig() {
        return PuffinParserConfig.config();
    }

    /** Where unqualified table names are looked up first. */
    public List<String> defaultSchemaPath() {
        return catalog.defaultSchemaPath();
    }

    /** The catalog's schemas and tables, as queries see them. */
    public CalciteSchema rootSchema() {
        return catalog.rootSchema();
    }

    /** Parses {@code sql}, refusing what later phases could not handle (see {@link QueryShapeGuard}). */
    public SqlNode parse(String sql) {
        return parse(sql, defaultSchemaPath());
    }

    /**
     * The same, with unqualified table names resolving in {@code schemaPath}. A USE comes back as
     * parsed: the statement after it is parsed again in its schema (see {@link #schemaPath(SqlUseSchema)}).
     */
    public SqlNode parse(String sql, List<String> schemaPath) {
        QueryShapeGuard.checkText(sql);
        SqlNode parsed;
        try {
            parsed = SqlParser.create(sql, parserConfig).parseQuery();
        } catch (SqlParseException e) {
            throw SeveralStatements.refusal(sql, parserConfig).orElseGet(() -> SqlErrors.parseError(e));
        }
        QueryShapeGuard.checkParsed(parsed);
        if (parsed instanceof SqlUseSchema) {
            return parsed;
        }
        StarColumns starColumns = new StarColumns(catalog, schemaPath, parserConfig, OPERATORS);
        return AggregateOrders.nullsLast(UnionByName.rewrite(FriendlySql.rewrite(ColumnsExpressions.rewrite(StarExcludeReplace.rewrite(SemiJoins.rewrite(parsed), starColumns), starColumns), OPERATORS, starColumns), starColumns));
    }

    /** The schema a USE names, as the catalog spells it; an unknown one is the caller's mistake, named. */
    public List<String> schemaPath(SqlUseSchema use) {
        return resolve(use.schema().names).orElseThrow(() -> SqlErrors.refused(use.schema(), format("No schema named %s%s", use.schema(), SCHEMA_HINT)));
    }

    /** The schema a request names for its statement (what a client's earlier USE chose), as the catalog spells it. */
    public List<String> schemaPath(String requested) {
        return resolve(List.of(requested))
                .orElseThrow(() -> new PuffinException(ErrorCode.BAD_REQUEST, format("The request's schema %s does not exist%s", requested, SCHEMA_HINT)));
    }

    private Optional<List<String>> resolve(List<String> names) {
        CalciteSchema schema = catalog.rootSchema();
        List<String> path = new ArrayList<>();
        for (String name : names) {
            schema = schema.getSubSchema(name, parserConfig.caseSensitive());
            if (schema == null) {
                return Optional.empty();
            }
            path.add(schema.getName());
        }
        return Optional.of(List.copyOf(path));
    }

    /** {@link #toLogicalPlan(SqlNode, List, RelOptPlanner, RelMetadataProvider, List)} in the default schema. */
    public LogicalPlan toLogicalPlan(SqlNode query, RelOptPlanner planner, RelMetadataProvider metadata, List<RemoteThroughTable> remoteTables) {
        return toLogicalPlan(query, defaultSchemaPath(), planner, metadata, remoteTables);
    }

    /**
     * Validates and converts a parsed query, its unqualified table names resolving in {@code schemaPath}.
     * The planner is the one later phases optimize with, and the metadata provider the one its cost model
     * answers through.
     */
    public LogicalPlan toLogicalPlan(SqlNode query, List<String> schemaPath, RelOptPlanner planner, RelMetadataProvider metadata,
            List<RemoteThroughTable> remoteTables) {
        if (!query.isA(SqlKind.QUERY)) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, "Only queries can be run by the service, not " + query.getKind()
                    + " (CREATE TABLE ... AS creates tables in a client's own engine)");
        }
        RelDataTypeFactory typeFactory = new JavaTypeFactoryImpl(PuffinTypeSystem.INSTANCE);
        CalciteSchema root = catalog.rootSchema();
        if (!remoteTables.isEmpty()) {
            root.plus().add(ThroughRewriter.SCHEMA, new RemoteThroughSchema(remoteTables));
        }
        CalciteCatalogReader catalogReader = new CalciteCatalogReader(root, schemaPath, typeFactory, connectionConfig());
        SqlValidator validator = SqlValidatorUtil.newValidator(OPERATORS, catalogReader, typeFactory,
                SqlValidator.Config.DEFAULT
                        .withConformance(parserConfig.conformance())
                        .withDefaultNullCollation(NullCollation.LAST)
                        .withIdentifierExpansion(true));
        SqlNode validated;
        try {
            validated = validator.validate(query);
        } catch (CalciteContextException e) {
            throw SqlErrors.validationError(e);
        } catch (CalciteException | IllegalArgumentException e) {
            // Without a position: an invalid type (DECIMAL(0, 0)), an unknown character set (TRANSLATE ... USING x).
            throw SqlErrors.invalidQuery(e);
        }
        RelOptCluster cluster = RelOptCluster.create(planner, new DuckDbRexBuilder(typeFactory));
        cluster.setMetadataProvider(metadata);
        SqlToRelConverter converter = new SqlToRelConverter(null, validator, catalogReader, cluster, DuckDbConvertlets.INSTANCE,
                SqlToRelConverter.config()
                        .withExpand(false)
                        .withHintStrategyTable(TierPins.STRATEGIES)
                        .withInSubQueryThreshold(Integer.MAX_VALUE));
        RelRoot relRoot = converter.convertQuery(validated, false, true);
        List<String> names = relRoot.validatedRowType.getFieldNames();
        return new LogicalPlan(RecursiveUnions.withoutSpools(ConstantAggregateArguments.inline(relRoot.project())), names, relRoot.validatedRowType);
    }

    private CalciteConnectionConfig connectionConfig() {
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), String.valueOf(parserConfig.caseSensitive()));
        return new CalciteConnectionConfigImpl(properties);
    }
}
