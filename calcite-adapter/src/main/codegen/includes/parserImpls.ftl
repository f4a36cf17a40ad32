<#-- PuffinDB: statements beyond Calcite's core grammar. -->

/**
 * CREATE TABLE name AS query: the table is created in the engine that runs the statement.
 */
SqlCreate SqlCreateTableAs(Span s, boolean replace) :
{
    final SqlIdentifier name;
    final SqlNode query;
}
{
    <TABLE> name = CompoundIdentifier()
    <AS> query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return new SqlCreateTableAs(s.end(this), replace, name, query);
    }
}

/**
 * DuckDB's SHOW TABLES (the default schema's tables) and SHOW ALL TABLES (every schema's).
 */
SqlNode SqlShowTables() :
{
    final Span s;
    boolean all = false;
}
{
    <SHOW> { s = span(); } [ <ALL> { all = true; } ] <TABLES>
    {
        return new SqlShowTables(s.end(this), all);
    }
}

/**
 * DuckDB's EXPLAIN [ANALYZE] query: the placed plan as rows. Calcite's EXPLAIN PLAN ... FOR is not
 * DuckDB's: its PLAN now reads as the start of an expression, which no query is. The node keeps where
 * the query's text starts, so the query is planned from the caller's own text.
 */
SqlNode SqlExplainQuery() :
{
    final Span s;
    boolean analyze = false;
    final SqlParserPos start;
    final SqlNode query;
}
{
    <EXPLAIN> { s = span(); } [ <ANALYZE> { analyze = true; } ]
    { start = new SqlParserPos(getToken(1).beginLine, getToken(1).beginColumn); }
    query = OrderedQueryOrExpr(ExprContext.ACCEPT_QUERY)
    {
        return new SqlExplainQuery(s.end(this), query, analyze, start);
    }
}

/**
 * DuckDB's DESCRIBE and SUMMARIZE, of a table or a query (Calcite's DESCRIBE TABLE / SCHEMA / STATEMENT
 * forms come after this one): a name is a table's, anything else must be a query.
 */
SqlNode SqlDescribeDuckDb() :
{
    final Span s;
    boolean summarize = false;
    final SqlParserPos start;
    final SqlNode target;
}
{
    ( <DESCRIBE> | <SUMMARIZE> { summarize = true; } ) { s = span(); }
    { start = new SqlParserPos(getToken(1).beginLine, getToken(1).beginColumn); }
    target = OrderedQueryOrExpr(ExprContext.ACCEPT_ALL)
    {
        if (!(target instanceof SqlIdentifier) && !target.isA(SqlKind.QUERY)) {
            throw SqlUtil.newContextException(target.getParserPosition(), RESOURCE.illegalNonQueryExpression());
        }
        return new SqlDescribeDuckDb(s.end(this), target, start, summarize);
    }
}

/**
 * DuckDB's USE schema, with the statement that may follow it in the same text, to which it applies.
 */
SqlNode SqlUseSchema() :
{
    final Span s;
    final SqlIdentifier schema;
    SqlNode statement = null;
    SqlParserPos start = null;
}
{
    <USE> { s = span(); } schema = CompoundIdentifier()
    [
        LOOKAHEAD(2) <SEMICOLON>
        { start = new SqlParserPos(getToken(1).beginLine, getToken(1).beginColumn); }
        statement = SqlStmt()
    ]
    {
        return new SqlUseSchema(s.end(this), schema, statement, start);
    }
}

/**
 * DuckDB's list literal [a, b, ...]: Calcite's ARRAY[a, b, ...], which DuckDB also reads as a LIST.
 */
SqlNode DuckDbListLiteral() :
{
    final Span s;
    final SqlNodeList items;
}
{
    <LBRACKET> { s = span(); }
    (
        items = ExpressionCommaList(s, ExprContext.ACCEPT_SUB_QUERY)
    |
        { items = SqlNodeList.EMPTY; }
    )
    <RBRACKET>
    {
        return SqlStdOperatorTable.ARRAY_VALUE_CONSTRUCTOR.createCall(s.end(this), items.getList());
    }
}

/**
 * a // b, DuckDB's integer division, at the precedence of * and / (its operator's, which the
 * expression list's tree building applies).
 */
void IntegerDivide(List<Object> list, ExprContext exprContext, Span s) :
{
}
{
    <INTEGER_DIVIDE> {
        checkNonQueryExpression(exprContext);
        list.add(new SqlParserUtil.ToTreeListItem(DuckDbOperators.INTEGER_DIVIDE, getPos()));
    }
    AddExpression2b(list, ExprContext.ACCEPT_SUB_QUERY)
}

/**
 * x::TYPE, DuckDB's (and PostgreSQL's) cast, binding tighter than any other operator (its operator's
 * precedence); validated and run as CAST(x AS TYPE).
 */
void InfixCast(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlDataTypeSpec type;
}
{
    <INFIX_CAST> {
        checkNonQueryExpression(exprContext);
    }
    type = DataType() {
        list.add(new SqlParserUtil.ToTreeListItem(SqlLibraryOperators.INFIX_CAST, getPos()));
        list.add(type);
    }
}

/** SEMI JOIN: the left rows that have a match, as DuckDB writes it (DuckDB has no LEFT SEMI JOIN). */
JoinType SemiJoin() :
{
}
{
    <SEMI> <JOIN> { return JoinType.LEFT_SEMI_JOIN; }
}

/** ANTI JOIN: the left rows that have no match, as DuckDB writes it. */
JoinType AntiJoin() :
{
}
{
    <ANTI> <JOIN> { return JoinType.LEFT_ANTI_JOIN; }
}

/**
 * A word that is an alias after AS but nothing else: DuckDB's type_function keywords (duckdb_keywords()),
 * which it reserves for types, functions and joins but takes as a column label ("select 1 as left").
 */
SqlIdentifier ColumnLabelKeyword() :
{
}
{
    (
        <ANTI> | <ASOF> | <AT> | <AUTHORIZATION> | <BINARY> | <BY> | <CROSS> | <FULL> | <INNER> | <IS> | <JOIN>
    |   <LEFT> | <LIKE> | <NATURAL> | <OUTER> | <OVERLAPS> | <RIGHT> | <SEMI> | <SIMILAR> | <TABLESAMPLE>
    )
    {
        return new SqlIdentifier(unquotedIdentifier(), getPos());
    }
}

/** DISTINCT ON (key, ...): DuckDB's first row of each group of keys (DuckDbClauses.DISTINCT_ON). */
SqlNodeList DistinctOnKeys() :
{
    final Span s;
    final List<SqlNode> keys = new ArrayList<SqlNode>();
    SqlNode e;
}
{
    <DISTINCT> { s = span(); } <ON> <LPAREN>
    e = Expression(ExprContext.ACCEPT_SUB_QUERY) { keys.add(e); }
    ( <COMMA> e = Expression(ExprContext.ACCEPT_SUB_QUERY) { keys.add(e); } )*
    <RPAREN> {
        return new SqlNodeList(keys, s.end(this));
    }
}

/**
 * DuckDB's FROM-first query: "FROM t" is "SELECT * FROM t", and "FROM t SELECT a WHERE ..." puts the
 * select list after the FROM clause.
 */
SqlSelect FromFirstSelect() :
{
    final Span s;
    final SqlNode from;
    final List<SqlNode> keywords = new ArrayList<SqlNode>();
    SqlLiteral keyword;
    final List<SqlNode> selectList = new ArrayList<SqlNode>();
    final SqlNode where;
    final SqlNodeList groupBy;
    final SqlNode having;
    final SqlNodeList windowDecls;
    final SqlNode qualify;
}
{
    <FROM> { s = span(); } from = FromClause()
    (
        <SELECT>
        ( keyword = AllOrDistinct() { keywords.add(keyword); } )?
        AddSelectItem(selectList)
        ( <COMMA> AddSelectItem(selectList) )*
    |
        { selectList.add(SqlIdentifier.star(s.pos())); }
    )
    ( where = Where() | { where = null; } )
    ( groupBy = GroupBy() | { groupBy = null; } )
    ( having = Having() | { having = null; } )
    ( windowDecls = Window() | { windowDecls = null; } )
    ( qualify = Qualify() | { qualify = null; } )
    {
        return new SqlSelect(s.end(this), new SqlNodeList(keywords, s.pos()),
            new SqlNodeList(selectList, Span.of(selectList).pos()),
            from, where, groupBy, having, windowDecls, qualify,
            null, null, null, new SqlNodeList(s.pos()));
    }
}

/** Whether a token ends GROUP BY ALL: after DuckDB's GROUP BY ALL comes the next clause, not a grouping element. */
JAVACODE boolean groupByAllEnds(int kind) {
    return kind == EOF || kind == SEMICOLON || kind == RPAREN || kind == HAVING || kind == WINDOW || kind == QUALIFY
        || kind == ORDER || kind == LIMIT || kind == OFFSET || kind == FETCH || kind == UNION || kind == EXCEPT
        || kind == INTERSECT || kind == SET_MINUS;
}

/**
 * A function call's parenthesized arguments as DuckDB takes them for any aggregate, with an ORDER BY of the
 * call's own after the last one ({@code first(x ORDER BY y)}); the ORDER BY, when there is one, goes into
 * {@code order[0]}. Calcite's FunctionParameterList, plus that ORDER BY.
 */
List<SqlNode> OrderedFunctionParameterList(ExprContext exprContext, SqlNodeList[] order) :
{
    final SqlLiteral qualifier;
    final List<SqlNode> list = new ArrayList<SqlNode>();
}
{
    <LPAREN>
    (
        qualifier = AllOrDistinct() { list.add(qualifier); }
    |
        { list.add(null); }
    )
    (
        // A query, a TABLE or a CURSOR argument (table functions) is read as Calcite reads the first argument,
        // an ORDER BY after it being the query's own; any other first argument as the ones after it, so that
        // an ORDER BY after it is the call's.
        LOOKAHEAD(1, { startsQueryArgument(getToken(1).kind) })
        AddArg0(list, exprContext)
    |
        AddArg(list, exprContext)
    )
    (
        <COMMA> {
            // a comma-list can't appear where only a query is expected
            checkNonQueryExpression(exprContext);
        }
        AddArg(list, exprContext)
    )*
    [ order[0] = OrderBy(true) ]
    <RPAREN>
    {
        return list;
    }
}

/** Whether a function's first argument starting with this token is a query, a table or a cursor. */
JAVACODE boolean startsQueryArgument(int kind) {
    return kind == SELECT || kind == WITH || kind == VALUES || kind == TABLE || kind == CURSOR;
}
