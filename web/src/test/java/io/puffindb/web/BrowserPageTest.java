package io.puffindb.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A test of the page in the shared headless Chromium against the shared embedded service
 * ({@link SharedPage}), with what such tests do: run a query through the editor, wait, read the grid,
 * save a screenshot, ask DuckDB directly for the expected values.
 */
@ExtendWith(SharedPage.class)
abstract class BrowserPageTest {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final HttpClient http = HttpClient.newHttpClient();

    static ChromeDriver browser() {
        return SharedPage.resources().browser();
    }

    static EmbeddedService service() {
        return SharedPage.resources().service();
    }

    static void runInPage(String sql) {
        runInPage(sql, true);
    }

    // Puts the query into the editor (Ctrl+Enter runs it) and, if asked, waits for its end.
    static void runInPage(String sql, boolean waitForEnd) {
        browser().get(baseUrl());
        setEditorText(sql).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        if (waitForEnd) {
            wait(120).until(driver -> driver.findElement(By.id("run")).isEnabled() && !text("stats").isEmpty() && !text("stats").equals("running…"));
        }
    }

    /** Replaces the editor's text (typing it would meet the editor's completion and bracket closing) and returns its typing area. */
    static WebElement setEditorText(String sql) {
        WebElement editor = wait(10).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#sql .cm-content")));
        wait(10).until(driver -> script("return document.getElementById('sql').editor !== undefined"));
        script("document.getElementById('sql').editor.setText(arguments[0])", sql);
        return editor;
    }

    static WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser(), Duration.ofSeconds(seconds));
    }

    static String baseUrl() {
        return "http://127.0.0.1:" + service().port() + "/";
    }

    static WebElement grid() {
        return browser().findElement(By.id("grid"));
    }

    static WebElement cell(int row, int column) {
        return browser().findElement(By.cssSelector("#grid .grid-row[data-row='" + row + "'] .cell[data-col='" + column + "']"));
    }

    static String text(String id) {
        return browser().findElement(By.id(id)).getText();
    }

    static Object script(String javascript, Object... arguments) {
        return browser().executeScript(javascript, arguments);
    }

    static String get(String pathAndQuery) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + pathAndQuery)).build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    static String postQuery(String jsonBody) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "v1/query")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)).build(), HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    static void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.copy(browser().getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    static String table(String name) {
        return "read_parquet('" + SharedPage.resources().lake().resolve("tpch").resolve(name) + "/*.parquet')";
    }

    static List<List<String>> duckDb(String sql) throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int c = 1; c <= columns; c++) {
                    row.add(result.getString(c));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
