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
