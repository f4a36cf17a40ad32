package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The side panels in the browser: the catalog lists every table the service knows with its format and
 * columns; the history lists this user's queries after a reload and reopens one with its plan; the
 * operator's Queries view lists the recent ones.
 */
class CatalogAndHistoryTest extends BrowserPageTest {
    private static final ObjectMapper json = new ObjectMapper();
    private static final By HISTORY_ITEMS = By.cssSelector("#history .history-item");

    @Test
    void theCatalogListsEveryTableWithItsFormatAndColumnCount() throws Exception {
        // The tables by qualified name, as SHOW ALL TABLES names them (the lake's database is no part of a name).
        TreeSet<String> shown = new TreeSet<>();
        for (JsonNode row : json.readTree(postQuery(json.writeValueAsString(Map.of("sql", "show all tables")))).path("rows")) {
            String database = row.get(0).asText();
            shown.add((database.equals("lake") ? "" : database + ".") + row.get(1).asText() + "." + row.get(2).asText());
        }
        Map<String, Integer> columns = new TreeMap<>();
        for (JsonNode table : json.readTree(get("v1/tables")).path("tables")) {
            String schema = table.path("catalog").isNull() ? table.path("schema").asText() : table.path("catalog").asText() + "." + table.path("schema").asText();
            columns.put(schema + "." + table.path("name").asText(), table.path("columns").size());
        }
        assertEquals(shown, columns.keySet(), "the catalog API lists what SHOW ALL TABLES does");

        browser().get(baseUrl());
        wait(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#catalog .catalog-table")));
        Map<String, Integer> listed = new TreeMap<>();
        for (WebElement table : browser().findElements(By.cssSelector("#catalog .catalog-table"))) {
            listed.put(table.getAttribute("data-table"), Integer.parseInt(table.getAttribute("data-columns")));
        }
        assertEquals(columns, listed);
        assertEquals(duckDb("select count(*) - 1 from parquet_schema('" + SharedPage.resources().lake().resolve("tpch").resolve("lineitem") + "/*.parquet') "
                + "group by file_name limit 1").get(0).get(0), String.valueOf(listed.get("tpch.lineitem")), "lineitem's columns as its files have them");

        WebElement lineitem = browser().findElement(By.cssSelector("#catalog .catalog-table[data-table='tpch.lineitem']"));
        assertEquals("Parquet", lineitem.findElement(By.className("format")).getText());
        lineitem.findElement(By.tagName("summary")).click();
        WebElement shipdate = lineitem.findElements(By.cssSelector(".catalog-columns li")).stream()
                .filter(column -> column.findElement(By.className("column-name")).getText().equals("l_shipdate")).findFirst().orElseThrow();
        assertEquals("DATE", shipdate.findElement(By.tagName("small")).getText());
        // Where its files are cached, as the cache directory knows it.
        JsonNode cache = json.readTree(get("v1/table-cache?schema=tpch&name=lineitem"));
        long files;
        try (Stream<Path> lakeFiles = Files.list(SharedPage.resources().lake().resolve("tpch").resolve("lineitem"))) {
            files = lakeFiles.filter(file -> file.toString().endsWith(".parquet")).count();
        }
        assertEquals(files, cache.path("files").asLong());
        WebElement cached = wait(10).until(driver -> lineitem.findElement(By.className("catalog-cache")).getText().isEmpty() ? null
                : lineitem.findElement(By.className("catalog-cache")));
        assertTrue(cached.getText().startsWith(files + " files, "), cached.getText());
        assertTrue(cached.getText().contains(cache.path("cached").isEmpty() ? "not cached yet" : "cached: "), cached.getText());

        browser().findElement(By.cssSelector("#catalog .catalog-schema[data-schema='iceberg.tpch'] > summary")).click();
        assertEquals("Iceberg", browser().findElement(By.cssSelector("#catalog .catalog-table[data-table='iceberg.tpch.nation'] .format")).getText());
        screenshot("catalog.png");
    }

    @Test
    void twoQueriesAreInTheHistoryAfterAReloadAndOneReopensWithItsPlan() throws Exception {
        String first = "select count(*) as history_first from nation";
        String second = "select n_name as history_second from nation where n_nationkey < 3 order by n_name";
        runInPage(first);
        runInPage(second);
        browser().navigate().refresh();
        browser().findElement(By.cssSelector("[data-panel='history-panel']")).click();
        wait(30).until(driver -> item(first) != null && item(second) != null);
        String secondRows = duckDb("select count(*) from " + table("nation") + " where n_nationkey < 3").get(0).get(0);
        assertTrue(item(second).getText().contains(secondRows + " rows"), item(second).getText());
        assertTrue(browser().findElements(HISTORY_ITEMS).indexOf(item(second)) < browser().findElements(HISTORY_ITEMS).indexOf(item(first)), "newest first");
        screenshot("history.png");

        item(first).click();
        wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#plan svg .plan-node text.actual")));
        assertEquals(first, script("return document.getElementById('sql').editor.text()"));
        assertTrue(text("stats").startsWith("reopened "), text("stats"));
        screenshot("history-reopened-plan.png");

        browser().findElement(By.cssSelector("[data-view='queries-view']")).click();
        WebElement recent = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("queries-recent")));
        assertTrue(recent.getText().contains(first) && recent.getText().contains(second), recent.getText());
        assertFalse(browser().findElement(By.id("query-view")).isDisplayed(), "the query view is hidden behind the Queries view");
        screenshot("queries.png");
    }

    @Test
    void theTableCacheRouteAnswersAnUnknownTableWith404AndAMissingNameWith400() throws Exception {
        assertEquals(404, status("v1/table-cache?schema=tpch&name=no_such_table"));
        assertEquals(400, status("v1/table-cache?schema=tpch"));
    }

    private static int status(String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    // The history's entry of a query, by its SQL.
    private static WebElement item(String sql) {
        return browser().findElements(HISTORY_ITEMS).stream().filter(item -> item.findElement(By.tagName("code")).getText().equals(sql)).findFirst().orElse(null);
    }
}
