package io.puffindb.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** What {@code puffindb --version} prints: this build's version and those of the engines inside it, as Maven built it. */
final class BuildVersion {
    private BuildVersion() {
    }

    static String describe() {
        Properties versions = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "PuffinDB (version unknown: built without its version.properties)";
            }
            versions.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "PuffinDB %s (DuckDB %s, Apache Calcite %s, Apache Arrow %s)".formatted(versions.getProperty("puffindb"),
                versions.getProperty("duckdb"), versions.getProperty("calcite"), versions.getProperty("arrow"));
    }
}
