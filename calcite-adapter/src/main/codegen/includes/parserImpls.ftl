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
