package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.cost.DeploymentCosts;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.lake.demo.GenerationProgress;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page end to end in a real headless Chromium (Debian's chromium and chromedriver, which
 * .ci/run installs) against the embedded service: running a query, the grid, errors, the plan
 * drawing, progress and cancel, the cluster view and the exports. Expected values come from DuckDB
 * reading the same lake files directly.
 */
class PageBrowserTest {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    // About a minute of LAMBDA work at SF 0.01 (each nesting ~2 s), in little memory: long enough to be cancelled midway.
    private static final String SLOW_QUERY = "select count(*) as n from lineitem where "
            + "md5(repeat(".repeat(20) + "l_comment" + ", 1000))".repeat(20) + " like '%zzzz%'";

    @TempDir
    static Path lake;
    @TempDir
    static Path downloads;
    static EmbeddedService service;
    static ChromeDriver browser;
    static final HttpClient http = HttpClient.newHttpClient();
    static final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        assertTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                "The browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver (.ci/run does)");
        // LAMBDA tasks to watch and cancel: no RAM layer, whose hot tables would draw scans onto the MONOSTORE.
        // Fleet costs, so that the page has LAMBDA fragments, exchanges and worker tasks to draw.
        service = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2).withRam(RamSettings.NONE).withCostShape(DeploymentCosts.Shape.FLEET),
                GenerationProgress.SILENT);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1600,1100");
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
    }

    @Test
    void runsAQueryWithCtrlEnterAndShowsRowsAndStats() throws Exception {
        String sql = "select l_returnflag, l_linestatus, count(*) as orders\nfrom lineitem\ngroup by l_returnflag, l_linestatus\norder by 1, 2";
        runInPage(sql);
        List<List<String>> expected = duckDb("select l_returnflag, l_linestatus, count(*) from " + table("lineitem") + " group by all order by 1, 2");
        assertEquals(String.valueOf(expected.size()), grid().getAttribute("data-rows"));
        assertEquals(expected.get(0).get(0), cell(0, 0).getText());
        assertEquals(expected.get(0).get(2), cell(0, 2).getText());
        assertTrue(text("stats").startsWith(expected.size() + " rows in "), text("stats"));
    }

    @Test
    void gridCellsShowWholeValues() {
        runInPage("select o_orderdate as d, o_orderkey as k, o_orderpriority as p from orders order by o_orderkey limit 20");
        assertEquals("20", grid().getAttribute("data-rows"));
        Object cut = ((JavascriptExecutor) browser).executeScript(
                "return [...document.querySelectorAll('#grid .cell, #grid .head')].filter(c => {"
                        + "  const text = document.createRange(); text.selectNodeContents(c); const style = getComputedStyle(c);"
                        + "  return text.getBoundingClientRect().width > c.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) + 0.01;"
                        + "}).map(c => c.textContent);");
        assertEquals(List.of(), cut, "cells whose text is cut");
    }

    @Test
    void gridKeepsOnlyTheVisibleRowsOfALargeResult() throws Exception {
        runInPage("select l_orderkey, l_linenumber, l_comment from lineitem order by l_orderkey, l_linenumber");
        List<List<String>> expected = duckDb("select count(*), max(l_orderkey) from " + table("lineitem"));
        long rows = Long.parseLong(expected.get(0).get(0));
        assertEquals(String.valueOf(rows), grid().getAttribute("data-rows"));
        int drawn = browser.findElements(By.cssSelector("#grid .grid-row")).size();
        assertTrue(drawn > 0 && drawn < 200, drawn + " rows in the DOM for " + rows);
        browser.executeScript("const g = document.getElementById('grid'); g.scrollTop = g.scrollHeight; g.dispatchEvent(new Event('scroll'));");
        WebElement last = wait(20).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#grid .grid-row[data-row='" + (rows - 1) + "']")));
        assertEquals(expected.get(0).get(1), last.findElement(By.cssSelector(".cell[data-col='0']")).getText());
    }

    @Test
    void showsAParseErrorAtItsLineAndColumn() {
        runInPage("select l_returnflag\nfrom lineitem\nwhere l_quantity >");
        wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        String message = text("error-message");
        assertTrue(message.startsWith("PARSE_ERROR at line 3, column"), message);
        assertEquals("3", browser.findElement(By.cssSelector("#gutter .error-line")).getText().trim());
        assertTrue(text("error-context").startsWith("where l_quantity >"), text("error-context"));
    }

    @Test
    void drawsThePlanByTierWithExchangesActualsAndFragmentSql() throws Exception {
        runInPage("select o_orderpriority, count(*) as n from orders join lineitem on o_orderkey = l_orderkey\n"
                + "where l_shipdate > date '1995-01-01' group by o_orderpriority order by 1");
        browser.findElement(By.cssSelector("[data-panel='plan-panel']")).click();
        // After the run the plan is redrawn with the tasks' actuals.
        wait(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#plan svg .plan-node text.actual")));
        List<WebElement> lambda = browser.findElements(By.cssSelector("#plan svg .plan-node[data-tier='LAMBDA']"));
        List<WebElement> monostore = browser.findElements(By.cssSelector("#plan svg .plan-node[data-tier='MONOSTORE']"));
        assertFalse(lambda.isEmpty(), "no LAMBDA node drawn");
        assertFalse(monostore.isEmpty(), "no MONOSTORE node drawn");
        assertEquals("#f59e0b", lambda.get(0).findElement(By.tagName("rect")).getAttribute("stroke"));
        assertEquals("#3b82f6", monostore.get(0).findElement(By.tagName("rect")).getAttribute("stroke"));
        List<WebElement> exchanges = browser.findElements(By.cssSelector("#plan svg .edge.exchange"));
        assertFalse(exchanges.isEmpty(), "no exchange edge drawn");
        assertTrue(exchanges.get(0).findElement(By.tagName("text")).getText().startsWith(exchanges.get(0).getAttribute("data-kind")));

        WebElement scan = lambda.stream().filter(node -> node.getText().startsWith("TableScan")).findFirst().orElseThrow();
        new Actions(browser).moveToElement(scan).click().perform();
        WebElement sql = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#node-details .fragment-sql")));
        assertTrue(sql.getText().contains("read_parquet"), sql.getText());
        List<WebElement> tasks = browser.findElements(By.cssSelector("#node-details table.tasks tbody tr"));
        assertFalse(tasks.isEmpty(), "the LAMBDA fragment's tasks are listed");
        String outputVia = tasks.get(0).findElements(By.tagName("td")).get(7).getText();
        assertTrue(Set.of("Flight stream", "Registry", "object store (spill)").contains(outputVia), outputVia);
        screenshot("plan.png");

        browser.findElement(By.cssSelector("[data-panel='logical-panel']")).click();
        assertTrue(text("logical-plan").contains("LogicalAggregate"), text("logical-plan"));
    }

    @Test
    void cancelStopsTheQueryOnEveryWorker() throws Exception {
        runInPage(SLOW_QUERY, false);
        // Progress arrives over Server-Sent Events while the LAMBDA tasks run.
        wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("progress")));
        assertTrue(text("progress-text").startsWith("tasks "), text("progress-text"));
        wait(30).until(driver -> activeWorkerTasks() > 0);
        browser.findElement(By.id("cancel")).click();
        wait(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("stats"), "cancelled"));
        assertTrue(text("error-message").startsWith("CANCELLED"), text("error-message"));
        // DuckDB looks for a cancel between chunks of 2048 rows, and this query spends seconds on each one.
        wait(90).until(driver -> activeWorkerTasks() == 0);
    }

    @Test
    void clusterViewListsWorkersAndCaches() throws Exception {
        browser.get(baseUrl());
        browser.findElement(By.cssSelector("[data-view='cluster-view']")).click();
        WebElement workers = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("cluster-workers")));
        assertEquals(2, workers.findElements(By.cssSelector("tbody tr")).size());
        assertTrue(workers.getText().contains("live (in-process"), workers.getText());
        assertTrue(workers.findElement(By.tagName("thead")).getText().contains("promoted in"), "the caches' promotions are shown");
        assertEquals(1, browser.findElements(By.cssSelector("#cluster-monostore tbody tr")).size());
        screenshot("cluster.png");
    }

    @Test
    void exportsResultsAsCsvAndArrowAndThePlanAsSvgAndPng() throws Exception {
        runInPage("select n_nationkey, n_name from nation order by n_nationkey");
        browser.findElement(By.id("export-csv")).click();
        Path csv = downloaded("result.csv");
        List<String> lines = Files.readAllLines(csv);
        assertEquals("n_nationkey,n_name", lines.get(0));
        assertEquals(26, lines.size());
        assertEquals("0,ALGERIA", lines.get(1));

        browser.findElement(By.id("export-arrow")).click();
        byte[] arrow = Files.readAllBytes(downloaded("result.arrows"));
        assertTrue(arrow.length > 8 && (arrow[0] & 0xff) == 0xff && (arrow[1] & 0xff) == 0xff, "an Arrow IPC stream starts with a continuation marker");

        browser.findElement(By.cssSelector("[data-panel='plan-panel']")).click();
        wait(30).until(ExpectedConditions.elementToBeClickable(By.id("export-svg"))).click();
        assertTrue(Files.readString(downloaded("plan.svg")).contains("<svg"));
        browser.findElement(By.id("export-png")).click();
        byte[] png = Files.readAllBytes(downloaded("plan.png"));
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
    }

    @Test
    void asksForTheTokenOnceWhenTheServiceNeedsOneAndSendsItOnEveryCall() throws Exception {
        String token = "page-user-token-0123456789";
        PuffinConfig withUsers = PuffinConfig.embedded(lake, 0, 1).withRam(RamSettings.NONE).withHttp(HttpSettings.loopback().withAuthToken("page:" + token));
        try (EmbeddedService guarded = EmbeddedService.start(withUsers, GenerationProgress.SILENT)) {
            browser.get("http://127.0.0.1:" + guarded.port() + "/");
            Alert prompt = wait(20).until(ExpectedConditions.alertIsPresent());
            prompt.sendKeys(token);
            prompt.accept();
            for (String sql : List.of("select 6 * 7 as answer", "select count(*) as n from nation")) {
                WebElement editor = wait(10).until(ExpectedConditions.elementToBeClickable(By.id("sql")));
                ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", editor, sql);
                editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
                wait(60).until(driver -> driver.findElement(By.id("run")).isEnabled() && text("stats").contains(" rows in "));
            }
            assertEquals("25", cell(0, 0).getText(), "the second query ran without asking again");
            assertTrue(browser.findElements(By.id("error")).stream().noneMatch(WebElement::isDisplayed), text("error-message"));
        } finally {
            browser.get(baseUrl()); // back to the shared service, whose page needs no token
        }
    }

    private static void runInPage(String sql) {
        runInPage(sql, true);
    }

    // Types the query through the editor (Ctrl+Enter runs it) and, if asked, waits for its end.
    private static void runInPage(String sql, boolean waitForEnd) {
        browser.get(baseUrl());
        WebElement editor = wait(10).until(ExpectedConditions.elementToBeClickable(By.id("sql")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input'));", editor, sql);
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        if (waitForEnd) {
            wait(120).until(driver -> driver.findElement(By.id("run")).isEnabled() && !text("stats").isEmpty() && !text("stats").equals("running…"));
        }
    }

    private static WebDriverWait wait(int seconds) {
        return new WebDriverWait(browser, Duration.ofSeconds(seconds));
    }

    private static String baseUrl() {
        return "http://127.0.0.1:" + service.port() + "/";
    }

    private static WebElement grid() {
        return browser.findElement(By.id("grid"));
    }

    private static WebElement cell(int row, int column) {
        return browser.findElement(By.cssSelector("#grid .grid-row[data-row='" + row + "'] .cell[data-col='" + column + "']"));
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private static int activeWorkerTasks() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + "v1/cluster")).build(),
                    HttpResponse.BodyHandlers.ofString());
            int active = 0;
            for (JsonNode worker : json.readTree(response.body()).path("workers")) {
                active += worker.path("activeTasks").asInt();
            }
            return active;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path downloaded(String name) {
        Path file = downloads.resolve(name);
        wait(30).until(driver -> Files.exists(file) && !Files.exists(downloads.resolve(name + ".crdownload")));
        return file;
    }

    private static void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String table(String name) {
        return "read_parquet('" + lake.resolve("tpch").resolve(name) + "/*.parquet')";
    }

    private static List<List<String>> duckDb(String sql) throws Exception {
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
