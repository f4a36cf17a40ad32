package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.lake.demo.GenerationProgress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The page end to end in a real headless Chromium against the embedded service: running a query,
 * errors, the plan drawing, progress and cancel, the cluster view, the exports and signing in.
 * Expected values come from DuckDB reading the same lake files directly.
 */
class PageBrowserTest extends BrowserPageTest {
    // About a minute of LAMBDA work at SF 0.01 (each nesting ~2 s), in little memory: long enough to be cancelled midway.
    private static final String SLOW_QUERY = "select count(*) as n from lineitem where "
            + "md5(repeat(".repeat(20) + "l_comment" + ", 1000))".repeat(20) + " like '%zzzz%'";
    private static final ObjectMapper json = new ObjectMapper();
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
    void showsAParseErrorAtItsLineAndColumn() {
        runInPage("select l_returnflag\nfrom lineitem\nwhere l_quantity >");
        wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        String message = text("error-message");
        assertTrue(message.startsWith("PARSE_ERROR at line 3, column"), message);
        assertEquals("3", browser().findElement(By.cssSelector("#sql .cm-lineNumbers .error-line")).getText().trim());
        assertEquals("where l_quantity >", browser().findElement(By.cssSelector("#sql .cm-line.cm-error-line")).getText());
        assertTrue(text("error-context").startsWith("where l_quantity >"), text("error-context"));
    }

    @Test
    void drawsThePlanByTierWithExchangesActualsAndFragmentSql() throws Exception {
        runInPage("select o_orderpriority, count(*) as n from orders join lineitem on o_orderkey = l_orderkey\n"
                + "where l_shipdate > date '1995-01-01' group by o_orderpriority order by 1");
        browser().findElement(By.cssSelector("[data-panel='plan-panel']")).click();
        // After the run the plan is redrawn with the tasks' actuals.
        wait(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#plan svg .plan-node text.actual")));
        List<WebElement> lambda = browser().findElements(By.cssSelector("#plan svg .plan-node[data-tier='LAMBDA']"));
        List<WebElement> monostore = browser().findElements(By.cssSelector("#plan svg .plan-node[data-tier='MONOSTORE']"));
        assertFalse(lambda.isEmpty(), "no LAMBDA node drawn");
        assertFalse(monostore.isEmpty(), "no MONOSTORE node drawn");
        assertEquals("#f59e0b", lambda.get(0).findElement(By.tagName("rect")).getAttribute("stroke"));
        assertEquals("#3b82f6", monostore.get(0).findElement(By.tagName("rect")).getAttribute("stroke"));
        List<WebElement> exchanges = browser().findElements(By.cssSelector("#plan svg .edge.exchange"));
        assertFalse(exchanges.isEmpty(), "no exchange edge drawn");
        assertTrue(exchanges.get(0).findElement(By.tagName("text")).getText().startsWith(exchanges.get(0).getAttribute("data-kind")));

        WebElement scan = lambda.stream().filter(node -> node.getText().startsWith("TableScan")).findFirst().orElseThrow();
        new Actions(browser()).moveToElement(scan).click().perform();
        WebElement sql = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#node-details .fragment-sql")));
        assertTrue(sql.getText().contains("read_parquet"), sql.getText());
        List<WebElement> tasks = browser().findElements(By.cssSelector("#node-details table.tasks tbody tr"));
        assertFalse(tasks.isEmpty(), "the LAMBDA fragment's tasks are listed");
        String outputVia = tasks.get(0).findElements(By.tagName("td")).get(7).getText();
        assertTrue(Set.of("Flight stream", "Registry", "object store (spill)").contains(outputVia), outputVia);
        screenshot("plan.png");

        browser().findElement(By.cssSelector("[data-panel='logical-panel']")).click();
        assertTrue(text("logical-plan").contains("LogicalAggregate"), text("logical-plan"));
    }

    @Test
    void cancelStopsTheQueryOnEveryWorker() throws Exception {
        runInPage(SLOW_QUERY, false);
        // Progress arrives over Server-Sent Events while the LAMBDA tasks run.
        wait(30).until(ExpectedConditions.visibilityOfElementLocated(By.id("progress")));
        assertTrue(text("progress-text").startsWith("LAMBDA tasks "), text("progress-text"));
        wait(30).until(driver -> activeWorkerTasks() > 0);
        // The MONOSTORE's part is one more unit than the LAMBDA tasks: the bar is not full while it works.
        int lambdaTasks = json.readTree(get("v1/queries")).path("queries").get(0).path("tasksTotal").asInt();
        assertTrue(lambdaTasks > 0, "LAMBDA tasks planned");
        WebElement bar = browser().findElement(By.id("progress-bar"));
        wait(10).until(driver -> bar.getAttribute("max").equals(String.valueOf(lambdaTasks + 1)));
        assertTrue(Double.parseDouble(bar.getAttribute("value")) <= lambdaTasks, bar.getAttribute("value"));
        browser().findElement(By.id("cancel")).click();
        wait(30).until(ExpectedConditions.textToBePresentInElementLocated(By.id("stats"), "cancelled"));
        assertTrue(text("error-message").startsWith("CANCELLED"), text("error-message"));
        // DuckDB looks for a cancel between chunks of 2048 rows, and this query spends seconds on each one.
        wait(90).until(driver -> activeWorkerTasks() == 0);
    }

    @Test
    void clusterViewListsWorkersAndCaches() throws Exception {
        browser().get(baseUrl());
        browser().findElement(By.cssSelector("[data-view='cluster-view']")).click();
        WebElement workers = wait(10).until(ExpectedConditions.visibilityOfElementLocated(By.id("cluster-workers")));
        assertEquals(2, workers.findElements(By.cssSelector("tbody tr")).size());
        assertTrue(workers.getText().contains("live (in-process"), workers.getText());
        assertTrue(workers.findElement(By.tagName("thead")).getText().contains("promoted in"), "the caches' promotions are shown");
        assertEquals(1, browser().findElements(By.cssSelector("#cluster-monostore tbody tr")).size());
        screenshot("cluster.png");
    }

    @Test
    void exportsResultsAsCsvAndArrowAndThePlanAsSvgAndPng() throws Exception {
        runInPage("select n_nationkey, n_name from nation order by n_nationkey");
        browser().findElement(By.id("export-csv")).click();
        Path csv = downloaded("result.csv");
        List<String> lines = Files.readAllLines(csv);
        assertEquals("n_nationkey,n_name", lines.get(0));
        assertEquals(26, lines.size());
        assertEquals("0,ALGERIA", lines.get(1));

        browser().findElement(By.id("export-arrow")).click();
        byte[] arrow = Files.readAllBytes(downloaded("result.arrows"));
        assertTrue(arrow.length > 8 && (arrow[0] & 0xff) == 0xff && (arrow[1] & 0xff) == 0xff, "an Arrow IPC stream starts with a continuation marker");

        browser().findElement(By.cssSelector("[data-panel='plan-panel']")).click();
        wait(30).until(ExpectedConditions.elementToBeClickable(By.id("export-svg"))).click();
        assertTrue(Files.readString(downloaded("plan.svg")).contains("<svg"));
        browser().findElement(By.id("export-png")).click();
        byte[] png = Files.readAllBytes(downloaded("plan.png"));
        assertEquals("PNG", new String(png, 1, 3, StandardCharsets.US_ASCII));
    }

    @Test
    void asksForTheTokenOnceWhenTheServiceNeedsOneAndSendsItOnEveryCall() throws Exception {
        String token = "page-user-token-0123456789";
        PuffinConfig withUsers = PuffinConfig.embedded(SharedPage.resources().lake(), 0, 1).withRam(RamSettings.NONE).withHttp(HttpSettings.loopback().withAuthToken("page:" + token));
        try (EmbeddedService guarded = EmbeddedService.start(withUsers, GenerationProgress.SILENT)) {
            browser().get("http://127.0.0.1:" + guarded.port() + "/");
            Alert prompt = wait(20).until(ExpectedConditions.alertIsPresent());
            prompt.sendKeys(token);
            prompt.accept();
            for (String sql : List.of("select 6 * 7 as answer", "select count(*) as n from nation")) {
                setEditorText(sql).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
                wait(60).until(driver -> driver.findElement(By.id("run")).isEnabled() && text("stats").contains(" rows in "));
            }
            assertEquals("25", cell(0, 0).getText(), "the second query ran without asking again");
            assertTrue(browser().findElements(By.id("error")).stream().noneMatch(WebElement::isDisplayed), text("error-message"));
        } finally {
            browser().get(baseUrl()); // back to the shared service, whose page needs no token
        }
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
        Path file = SharedPage.resources().downloads().resolve(name);
        wait(30).until(driver -> Files.exists(file) && !Files.exists(SharedPage.resources().downloads().resolve(name + ".crdownload")));
        return file;
    }
}
