package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The SQL editor (CodeMirror, bundled into the page at build time) in the browser: highlighting, completion
 * of the catalog's tables and columns as a user types, running the statement at the cursor or the selection,
 * and an error marked at its line in the editor's text. Expected rows come from DuckDB on the same files.
 */
class SqlEditorTest extends BrowserPageTest {
    @Test
    void typingATablesStartOffersTheTable() throws Exception {
        assertFirstOffered("lineitem", typed("select * from line"));
    }

    @Test
    void typingATableAndAColumnsStartOffersTheColumn() throws Exception {
        assertFirstOffered("l_returnflag", typed("select lineitem.l_ret"));
        assertTrue(duckDb("select name from parquet_schema('" + SharedPage.resources().lake().resolve("tpch").resolve("lineitem") + "/*.parquet')").contains(List.of("l_returnflag")), "the lake's column");
    }

    @Test
    void keywordsAreHighlightedApartFromNames() {
        WebElement editor = typed("select n_name from nation");
        String keyword = colorOf(editor, "select");
        assertEquals(keyword, colorOf(editor, "from"));
        assertNotEquals(keyword, colorOf(editor, "n_name"), "a keyword and a column name look alike");
    }

    @Test
    void ctrlEnterRunsTheStatementAtTheCursor() throws Exception {
        browser().get(baseUrl());
        WebElement editor = setEditorText("select count(*) as n from region;\n\nselect count(*) as n\nfrom nation;\n");
        script("const e = document.getElementById('sql').editor; e.view.dispatch({ selection: { anchor: e.text().indexOf('from nation') } })");
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        waitForTheRun();
        assertEquals(duckDb("select count(*) from " + table("nation")).get(0).get(0), cell(0, 0).getText());
    }

    @Test
    void ctrlEnterRunsTheSelectedText() throws Exception {
        browser().get(baseUrl());
        String sql = "select count(*) as n from region where r_regionkey < 2 and r_name <> 'ASIA'";
        WebElement editor = setEditorText(sql);
        script("document.getElementById('sql').editor.view.dispatch({ selection: { anchor: 0, head: arguments[0] } })", sql.indexOf(" and"));
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        waitForTheRun();
        assertEquals(duckDb("select count(*) from " + table("region") + " where r_regionkey < 2").get(0).get(0), cell(0, 0).getText());
    }

    @Test
    void anErrorInTheSecondStatementIsMarkedAtItsLineInTheEditor() {
        browser().get(baseUrl());
        WebElement editor = setEditorText("select 1 as one;\n\nselect r_name\nfrom region\nwhere r_regionkey >");
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertTrue(text("error-message").startsWith("PARSE_ERROR at line 5, column"), text("error-message"));
        assertEquals("5", browser().findElement(By.cssSelector("#sql .cm-lineNumbers .error-line")).getText().trim());
        assertEquals("where r_regionkey >", browser().findElement(By.cssSelector("#sql .cm-line.cm-error-line")).getText());
    }

    // Opens the page, waits for the catalog the completion draws on, and types `text` key by key into an empty editor.
    private static WebElement typed(String text) {
        browser().get(baseUrl());
        wait(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#catalog .catalog-table")));
        WebElement editor = setEditorText("");
        editor.click();
        editor.sendKeys(text);
        return editor;
    }

    // The completion list shows `expected` first, the best match of what was typed.
    private static void assertFirstOffered(String expected, WebElement editor) throws Exception {
        By labels = By.cssSelector(".cm-tooltip-autocomplete li .cm-completionLabel");
        wait(10).until(driver -> driver.findElements(labels).stream().anyMatch(label -> label.getText().equals(expected)));
        screenshot("editor-completion-" + expected + ".png");
        assertEquals(expected, browser().findElements(labels).get(0).getText(), "the first offered");
    }

    private static String colorOf(WebElement editor, String word) {
        return (String) script("const walker = document.createTreeWalker(arguments[0], NodeFilter.SHOW_TEXT);"
                + "for (let node = walker.nextNode(); node; node = walker.nextNode()) {"
                + "  const at = node.textContent.indexOf(arguments[1]); if (at >= 0) return getComputedStyle(node.parentElement).color; }"
                + "return null;", editor, word);
    }

    private static void waitForTheRun() {
        wait(120).until(driver -> driver.findElement(By.id("run")).isEnabled() && text("stats").contains(" rows in "));
    }
}
