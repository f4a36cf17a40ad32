package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The results grid in the browser: values shown whole and as DuckDB prints them, readable headers,
 * a large result that scrolls to its last row with the header never over a row, sorting the loaded
 * rows, resizing a column and copying cells.
 */
class GridViewTest extends BrowserPageTest {
    // The answer's numbers exactly as sent (DECIMAL 12.50 keeps its zero), as the page keeps them.
    private static final ObjectMapper exactJson = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));

    @Test
    void dateDecimalAndTimestampCellsAreTheAnswersTextAsDuckDbPrintsIt() throws Exception {
        // Prices ending in a zero cent, so that a DECIMAL(15,2) shown as a JavaScript number (12.5) would differ.
        String sql = "select o_orderdate, o_totalprice, cast(o_orderdate as timestamp) + interval '90' minute as shipped_at, o_orderkey from orders "
                + "where cast(o_totalprice as varchar) like '%0' order by o_orderkey limit 20";
        runInPage(sql);
        JsonNode answer = exactJson.readTree(postQuery(exactJson.writeValueAsString(Map.of("sql", sql))));
        assertEquals("DECIMAL(15,2)", answer.path("columns").get(1).path("type").asText());
        List<List<String>> duckDb = duckDb("select cast(o_orderdate as varchar), cast(o_totalprice as varchar), cast(cast(o_orderdate as timestamp) + interval '90' minute as varchar) from "
                + table("orders") + " where cast(o_totalprice as varchar) like '%0' order by o_orderkey limit 20");
        assertEquals(String.valueOf(duckDb.size()), grid().getAttribute("data-rows"));
        for (int row = 0; row < duckDb.size(); row++) {
            assertEquals(answer.path("rows").get(row).get(0).asText(), cell(row, 0).getText(), "DATE of row " + row);
            assertEquals(answer.path("rows").get(row).get(1).asText(), cell(row, 1).getText(), "DECIMAL(15,2) of row " + row);
            assertEquals(duckDb.get(row).subList(0, 2), List.of(cell(row, 0).getText(), cell(row, 1).getText()), "as DuckDB prints them");
            assertEquals(duckDb.get(row).get(2), cell(row, 2).getText(), "TIMESTAMP of row " + row);
        }
        assertTrue(cell(0, 1).getText().endsWith("0"), cell(0, 1).getText());
        assertEquals(List.of(), cutTexts(), "cells or headers whose text is cut");
        screenshot("grid-types.png");
    }

    @Test
    void headersWithUnderscoresShowTheirUnderscores() throws Exception {
        runInPage("select n_nationkey, n_name, n_regionkey from nation order by n_nationkey");
        // An underscore's ink lies below the baseline, at the font's descent or lower: the header must not clip it.
        Object clipped = script("const measure = document.createElement('canvas').getContext('2d');"
                + "return [...document.querySelectorAll('#grid .head')].filter(head => {"
                + "  const text = document.createRange(); text.selectNodeContents(head.firstChild);"
                + "  measure.font = getComputedStyle(head).font; const underscore = measure.measureText('_');"
                + "  const baseline = text.getBoundingClientRect().bottom - underscore.fontBoundingBoxDescent;"
                + "  const clipBottom = head.getBoundingClientRect().top + head.clientTop + head.clientHeight;"
                + "  return baseline + underscore.actualBoundingBoxDescent > clipBottom; }).map(head => head.textContent);");
        assertEquals(List.of(), clipped, "headers whose text is cut at the top or bottom");
        assertEquals(List.of(), cutTexts(), "cells or headers whose text is cut");
        screenshot("grid-headers.png");
    }

    @Test
    void scrollingToTheEndOfALargeResultShowsItsLastRowBelowTheHeader() throws Exception {
        runInPage("select l_orderkey, l_linenumber, l_shipdate, l_extendedprice, l_comment from lineitem order by l_orderkey, l_linenumber");
        List<List<String>> expected = duckDb("select count(*), max(l_orderkey) from " + table("lineitem"));
        long rows = Long.parseLong(expected.get(0).get(0));
        assertTrue(rows > 50_000, rows + " rows");
        assertEquals(String.valueOf(rows), grid().getAttribute("data-rows"));
        int drawn = browser().findElements(By.cssSelector("#grid .grid-row")).size();
        assertTrue(drawn > 0 && drawn < 200, drawn + " rows in the DOM for " + rows);
        script("const g = document.getElementById('grid'); g.scrollTop = g.scrollHeight; g.dispatchEvent(new Event('scroll'));");
        WebElement last = wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grid .grid-row[data-row='" + (rows - 1) + "']")));
        browser().executeAsyncScript("requestAnimationFrame(() => arguments[0]())");
        assertEquals(expected.get(0).get(1), last.findElement(By.cssSelector(".cell[data-col='0']")).getText());
        // The last row lies wholly inside the grid's visible area, below the header.
        Object lastBox = script("const g = document.getElementById('grid'); const view = g.getBoundingClientRect();"
                + "const head = g.querySelector('.grid-header').getBoundingClientRect(); const row = arguments[0].getBoundingClientRect();"
                + "return row.top >= head.bottom - 0.5 && row.bottom <= view.top + g.clientTop + g.clientHeight + 0.5;", last);
        assertEquals(true, lastBox, "the last row is visible below the header");
        // Where the header is, the browser shows the header; where a visible row is, that row.
        Object covered = script("const g = document.getElementById('grid'); const head = g.querySelector('.grid-header');"
                + "const box = head.getBoundingClientRect(); const hits = [];"
                + "for (const x of [box.left + 5, box.left + 120, box.left + 300]) for (const y of [box.top + 2, (box.top + box.bottom) / 2, box.bottom - 1]) {"
                + "  const at = document.elementFromPoint(x, y); if (!head.contains(at)) hits.push(`${x},${y}: ${at && at.className}`); }"
                + "const view = g.getBoundingClientRect();"
                + "for (const row of g.querySelectorAll('.grid-row')) { const r = row.getBoundingClientRect();"
                + "  if (r.top >= box.bottom && r.bottom <= view.bottom - 15) { const at = document.elementFromPoint(r.left + 5, (r.top + r.bottom) / 2);"
                + "    if (!row.contains(at)) hits.push(`row ${row.dataset.row}: ${at && at.className}`); } }"
                + "return hits;");
        assertEquals(List.of(), covered, "places where a row overlaps the header or the header a row");
        screenshot("grid-end-of-60k-rows.png");
    }

    @Test
    void sortsTheLoadedRowsResizesAColumnAndCopiesSelectedCells() throws Exception {
        runInPage("select n_nationkey, n_name, n_regionkey from nation order by n_nationkey");
        WebElement name = browser().findElement(By.cssSelector("#grid .head[data-col='1']"));
        name.click();
        List<List<String>> ascending = duckDb("select cast(n_nationkey as varchar), n_name from " + table("nation") + " order by n_name");
        assertEquals("asc", name.getAttribute("data-sort"));
        assertEquals(ascending.get(0).get(1), cell(0, 1).getText());
        assertEquals(ascending.get(0).get(0), cell(0, 0).getText(), "whole rows move together");
        name.click();
        List<List<String>> descending = duckDb("select cast(n_nationkey as varchar), n_name from " + table("nation") + " order by n_name desc");
        assertEquals("desc", name.getAttribute("data-sort"));
        assertEquals(descending.get(0).get(1), cell(0, 1).getText());

        int before = name.getSize().getWidth();
        new Actions(browser()).dragAndDropBy(name.findElement(By.className("resize")), 80, 0).perform();
        int after = name.getSize().getWidth();
        assertTrue(Math.abs(after - before - 80) <= 2, "resized from " + before + " to " + after);
        assertEquals(after, cell(0, 1).getSize().getWidth(), "the column's cells follow its header");

        cell(0, 0).click();
        new Actions(browser()).keyDown(Keys.SHIFT).click(cell(2, 1)).keyUp(Keys.SHIFT).perform();
        assertEquals(6, browser().findElements(By.cssSelector("#grid .cell.selected")).size());
        // What the grid puts on the clipboard when Ctrl+C is pressed on it (headless Chromium's clipboard cannot be read back).
        Object copied = script("const data = new DataTransfer();"
                + "document.getElementById('grid').dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));"
                + "return data.getData('text/plain');");
        String expected = descending.subList(0, 3).stream().map(row -> String.join("\t", row)).collect(Collectors.joining("\n"));
        assertEquals(expected, copied);
        screenshot("grid-sorted-resized-selected.png");
    }

    // Cells and headers whose text is wider than their box (the browser would cut it with an ellipsis);
    // a header's text is its name and type, without the resize handle at its right edge.
    private static Object cutTexts() {
        return script("return [...document.querySelectorAll('#grid .cell, #grid .head')].filter(c => {"
                + "  const text = document.createRange(); text.setStartBefore(c.firstChild); text.setEndAfter(c.querySelector('small') || c.lastChild);"
                + "  const style = getComputedStyle(c);"
                + "  return text.getBoundingClientRect().width > c.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) + 0.01;"
                + "}).map(c => c.textContent);");
    }
}
