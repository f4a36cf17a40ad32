package io.puffindb.testqueries;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * A test class that checks the distributed path over TPC-H: one service planned with fleet costs
 * ({@link CheckedService#fleetOverTpch}) on its own lake, started before the class's tests and closed after them.
 */
abstract class FleetTpchTest {
    @TempDir
    static Path lake;
    static CheckedService puffin;

    @BeforeAll
    static void startFleet() throws Exception {
        puffin = CheckedService.fleetOverTpch(lake);
    }

    @AfterAll
    static void stopFleet() throws Exception {
        puffin.close();
    }
}
