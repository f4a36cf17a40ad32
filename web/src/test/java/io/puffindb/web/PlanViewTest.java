package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The plan drawing of TPC-H queries after their run, as a user sees it: labelled in SQL terms, each
 * operator with its estimated and actual rows, the exchanges with what crossed them, the whole plan
 * in view at first paint; zoom, pan and folding a fragment.
 */
class PlanViewTest extends BrowserPageTest {
    // Calcite's field indexes and generated names: a user never wrote them.
    private static final Pattern CALCITE_NAMES = Pattern.compile("\\$[0-9]|EXPR\\$");

    @ParameterizedTest
    @ValueSource(strings = {"q01", "q05"})
    void tpchPlanIsInSqlTermsWithEstimatedAndActualRowsAndFitsThePane(String query) throws Exception {
        runInPage(tpch(query));
        String answerRows = grid().getAttribute("data-rows");
        showPlanAfterTheRun();

        List<String> texts = strings("return [...document.querySelectorAll('#plan svg text, #plan svg title')].map(t => t.textContent)");
        assertEquals(List.of(), texts.stream().filter(text -> CALCITE_NAMES.matcher(text).find()).toList(), "labels with Calcite's names");
        String labels = String.join("\n", strings("return [...document.querySelectorAll('#plan svg .plan-node > title')].map(t => t.textContent)"));
        if (query.equals("q01")) {
            assertTrue(labels.contains("sum(l_quantity)") && labels.contains("GROUP BY l_returnflag, l_linestatus") && labels.contains("AS sum_qty")
                    && labels.contains("WHERE l_shipdate <= "), labels);
        } else {
            assertTrue(Pattern.compile("INNER JOIN ON [a-z_]+ = [a-z_]+").matcher(labels).find(), labels);
            assertTrue(labels.contains("sum(l_extendedprice * (1 - l_discount))") && labels.contains("r_name = 'ASIA'"), labels);
        }

        List<WebElement> operators = browser().findElements(By.cssSelector("#plan svg .plan-node"));
        for (WebElement operator : operators) {
            String title = operator.findElement(By.tagName("title")).getAttribute("textContent");
            assertTrue(operator.findElement(By.cssSelector("text.estimate")).getText().matches("est [0-9.]+[kMGT]? rows .*"), title);
            assertFalse(operator.findElements(By.cssSelector("text.actual")).isEmpty(), "no actual rows on " + title);
        }
        // The top operator's measured rows are the answer's; every fragment's top operator has its count.
        assertEquals(answerRows, operators.get(0).findElement(By.cssSelector("text.actual")).getAttribute("data-rows"));
        List<String> fragments = strings("return [...new Set([...document.querySelectorAll('#plan svg .plan-node')].map(n => n.dataset.fragment))]");
        List<String> counted = strings("return [...new Set([...document.querySelectorAll('#plan svg .plan-node')]"
                + ".filter(n => n.querySelector('text.actual[data-rows]')).map(n => n.dataset.fragment))]");
        assertEquals(fragments.stream().sorted().toList(), counted.stream().sorted().toList(), "fragments whose top operator shows actual rows");
        for (WebElement edge : browser().findElements(By.cssSelector("#plan svg .edge.exchange text"))) {
            assertTrue(edge.getText().matches("[A-Z_]+ · [0-9.]+[kMGT]? rows · [0-9.]+[kMGT]?B"), "exchange after the run: " + edge.getText());
        }

        // Visible: inside the pane, and inside the window (the pane fits in it).
        assertEquals(List.of(), strings("const pane = document.getElementById('plan').getBoundingClientRect();"
                + "return [...document.querySelectorAll('#plan svg .plan-node')].filter(n => { const box = n.getBoundingClientRect();"
                + "  return box.left < pane.left || box.top < pane.top || box.right > pane.right || box.bottom > pane.bottom"
                + "    || box.left < 0 || box.top < 0 || box.right > innerWidth || box.bottom > innerHeight; })"
                + ".map(n => n.querySelector('title').textContent)"), "operators outside the pane at first paint");
        screenshot("plan-tpch-" + query + ".png");
    }

    @Test
    void zoomsPansAndFoldsAFragment() throws Exception {
        runInPage(tpch("q05"));
        showPlanAfterTheRun();
        String fitted = viewTransform();
        browser().findElement(By.id("plan-zoom-in")).click();
        String zoomed = viewTransform();
        assertNotEquals(fitted, zoomed, "the zoom button zooms");
        script("const svg = document.querySelector('#plan svg'); const box = svg.getBoundingClientRect();"
                + "svg.dispatchEvent(new WheelEvent('wheel', { deltaY: -100, clientX: box.left + 10, clientY: box.top + 10, bubbles: true, cancelable: true }));");
        assertNotEquals(zoomed, viewTransform(), "the wheel zooms");
        WebElement pane = browser().findElement(By.id("plan"));
        String beforeDrag = viewTransform();
        // The pane's top-left corner is background (the drawing is centred below it), so dragging there pans.
        new Actions(browser()).moveToElement(pane, -pane.getSize().getWidth() / 2 + 5, -pane.getSize().getHeight() / 2 + 5).clickAndHold()
                .moveByOffset(120, 60).release().perform();
        assertNotEquals(beforeDrag, viewTransform(), "dragging pans");
        browser().findElement(By.id("plan-fit")).click();
        assertEquals(fitted, viewTransform(), "Fit returns to the first view");

        int drawn = browser().findElements(By.cssSelector("#plan svg .plan-node")).size();
        String rootFragment = browser().findElement(By.cssSelector("#plan svg .plan-node")).getAttribute("data-fragment");
        script("document.querySelector(\"#plan svg .fold[data-fragment='" + rootFragment + "']\").dispatchEvent(new MouseEvent('click', { bubbles: true }))");
        int folded = browser().findElements(By.cssSelector("#plan svg .plan-node")).size();
        assertTrue(folded < drawn, "folding the top fragment hides its operators: " + drawn + " then " + folded);
        assertTrue(browser().findElements(By.cssSelector("#plan svg .plan-node")).stream().anyMatch(node -> !node.getAttribute("data-fragment").equals(rootFragment)),
                "the fragments below stay drawn");
        screenshot("plan-tpch-q05-folded.png");
        script("document.querySelector(\"#plan svg .fold[data-fragment='" + rootFragment + "']\").dispatchEvent(new MouseEvent('click', { bubbles: true }))");
        assertEquals(drawn, browser().findElements(By.cssSelector("#plan svg .plan-node")).size(), "unfolding shows them again");
    }

    private static void showPlanAfterTheRun() {
        browser().findElement(By.cssSelector("[data-panel='plan-panel']")).click();
        // After the run the plan is redrawn with the tasks' actuals.
        wait(30).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#plan svg .plan-node text.actual")));
        // The drawing is fitted before the browser paints the pane: wait for that paint.
        browser().executeAsyncScript("requestAnimationFrame(() => arguments[0]())");
    }

    private static String viewTransform() {
        return browser().findElement(By.cssSelector("#plan svg g.view")).getAttribute("transform");
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(String javascript) {
        return ((List<Object>) script(javascript)).stream().map(String::valueOf).toList();
    }

    // The regression suite's text of a TPC-H query, without its header comments.
    private static String tpch(String name) throws Exception {
        Path file = Path.of("..", "test-queries", "cases", "tpch", name + ".sql");
        return Files.readAllLines(file).stream().filter(line -> !line.startsWith("--")).collect(Collectors.joining("\n"));
    }
}
