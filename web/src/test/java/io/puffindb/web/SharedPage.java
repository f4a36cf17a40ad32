package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.puffindb.calcite.tier.Tier;
import io.puffindb.cost.CostParameters;
import io.puffindb.executors.cache.RamSettings;
import io.puffindb.lake.demo.GenerationProgress;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One embedded service over a generated TPC-H lake and one headless Chromium (Debian's chromium and
 * chromedriver, which .ci/run installs), shared by every browser test class of the run: started by
 * the first class that asks, closed when the whole run ends.
 */
final class SharedPage implements BeforeAllCallback {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    // The run's one copy, kept in JUnit's root store (which closes it at the end of the run) and here for the tests to reach.
    private static volatile Resources shared;

    @Override
    public void beforeAll(ExtensionContext context) {
        shared = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).getOrComputeIfAbsent(Resources.class, key -> Resources.start(), Resources.class);
    }

    static Resources resources() {
        return shared;
    }

    /** The lake, the download folder, the service over the lake and the browser. */
    record Resources(Path lake, Path downloads, EmbeddedService service, ChromeDriver browser) implements ExtensionContext.Store.CloseableResource {
        static Resources start() {
            assertTrue(new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute(),
                    "The browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver (.ci/run does)");
            try {
                Path lake = Files.createTempDirectory("page-lake");
                Path downloads = Files.createTempDirectory("page-downloads");
                // LAMBDA tasks to watch and cancel: no RAM layer, whose hot tables would draw scans onto the MONOSTORE.
                // Fleet costs, so that the page has LAMBDA fragments, exchanges and worker tasks to draw; over a 1 GB/s link,
                // since over the fleet's measured 100 MB/s the SF 0.01 tables are small enough to stay on the MONOSTORE.
                EmbeddedService service = EmbeddedService.start(PuffinConfig.embedded(lake, 0, 2).withRam(RamSettings.NONE), GenerationProgress.SILENT,
                        workers -> CostParameters.defaults(workers).withLink(Tier.LAMBDA, Tier.MONOSTORE, 1e9));
                ChromeOptions options = new ChromeOptions();
                options.setBinary(CHROMIUM);
                options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1600,1100");
                options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
                ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build();
                return new Resources(lake, downloads, service, new ChromeDriver(driver, options));
            } catch (Exception e) {
                throw new IllegalStateException("The page's service or browser did not start", e);
            }
        }

        @Override
        public void close() throws Exception {
            try {
                browser.quit();
                service.close();
            } finally {
                delete(lake);
                delete(downloads);
            }
        }

        private static void delete(Path folder) throws IOException {
            try (Stream<Path> files = Files.walk(folder)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> {
                    try {
                        Files.delete(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
