package io.puffindb.calcite;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.SqlWith;
import org.apache.calcite.sql.SqlWithItem;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;

/**
 * The columns a {@code *} (or {@code t.*}, {@code * EXCLUDE (...)}) of a select list stands for, which
 * GROUP BY ALL and ORDER BY ALL must know before validation: a copy of {@code SELECT <star> FROM <the from>}
 * is validated on its own against the catalog.
 */
final class StarColumns {
    private final LakeCatalog catalog;
    private final List<String> schemaPath;
    private final SqlParser.Config parserConfig;
    private final SqlOperatorTable operators;
    // The CTEs a FROM clause may read where it stands, outermost first.
    private final List<SqlNode> withItems;

    /** @param schemaPath where unqualified table names resolve */
    StarColumns(LakeCatalog catalog, List<String> schemaPath, SqlParser.Config parserConfig, SqlOperatorTable operators) {
        this(catalog, schemaPath, parserConfig, operators, List.of());
    }

    private StarColumns(LakeCatalog catalog, List<String> schemaPath, SqlParser.Config parserConfig, SqlOperatorTable operators,
            List<SqlNode> withItems) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.schemaPath = List.copyOf(schemaPath);
        this.parserConfig = requireNonNull(parserConfig, "parserConfig is null");
        this.operators = requireNonNull(operators, "operators is null");
        this.withItems = List.copyOf(withItems);
    }

    /** The same, for FROM clauses that may also read {@code items} (a WITH's CTEs); a CTE hides an outer one of its name. */
    StarColumns within(List<SqlNode> items) {
        List<SqlNode> scope = new ArrayList<>();
        for (SqlNode outer : withItems) {
            String name = ((SqlWithItem) outer).name.getSimple();
            if (items.stream().noneMatch(item -> ((SqlWithItem) item).name.getSimple().equalsIgnoreCase(name))) {
                scope.add(outer);
            }
        }
        scope.addAll(items);
        return new StarColumns(catalog, schemaPath, parserConfig, operators, scope);
    }

    /** The one of {@code columns} that {@code name} names, as DuckDB matches names: regardless of case. */
    static Optional<String> named(List<String> columns, String name) {
        return columns.stream().filter(column -> column.equalsIgnoreCase(name)).findFirst();
    }

    /** The names of the columns {@code star} stands for over {@code from}. */
    List<String> columns(SqlNode star, SqlNode from) {
        SqlParserPos pos = star.getParserPosition();
        SqlSelect alone = new SqlSelect(pos, null, new SqlNodeList(List.of(FriendlySql.copy(star)), pos), from == null ? null : FriendlySql.copy(from),
                null, null, null, null, null, null, null, null, null);
        SqlNode query = withItems.isEmpty() ? alone
                : new SqlWith(pos, new SqlNodeList(withItems.stream().map(FriendlySql::copy).toList(), pos), alone);
        RelDataTypeFactory typeFactory = new JavaTypeFactoryImpl(PuffinTypeSystem.INSTANCE);
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), String.valueOf(parserConfig.caseSensitive()));
        CalciteCatalogReader reader = new CalciteCatalogReader(catalog.rootSchema(), schemaPath, typeFactory,
                new CalciteConnectionConfigImpl(properties));
        SqlValidator validator = SqlValidatorUtil.newValidator(operators, reader, typeFactory,
                SqlValidator.Config.DEFAULT.withConformance(parserConfig.conformance()).withIdentifierExpansion(true));
        try {
            return validator.getValidatedNodeType(validator.validate(query)).getFieldNames();
        } catch (CalciteContextException e) {
            throw SqlErrors.validationError(e);
        }
    }
}
