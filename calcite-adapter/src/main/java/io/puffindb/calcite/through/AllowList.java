package io.puffindb.calcite.through;

import static java.lang.String.format;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;
import java.util.regex.Pattern;

/**
 * The remote services a THROUGH may call: {@code host:port} patterns where {@code *} matches any
 * run of characters (setting {@code through.allow}). Tier endpoints and this service itself are
 * always allowed; anything else is refused before a connection is attempted.
 */
public final class AllowList {
    private final List<Pattern> patterns;
    private final IntSupplier selfPort;

    /** @param selfPort this service's own HTTP port (known only once it listens) */
    public AllowList(List<String> hostPortPatterns, IntSupplier selfPort) {
        this.selfPort = selfPort;
        this.patterns = hostPortPatterns.stream()
                .map(String::trim)
                .filter(pattern -> !pattern.isEmpty())
                .map(pattern -> Pattern.compile(toRegex(pattern.toLowerCase(Locale.ROOT))))
                .toList();
    }

    /** Refuses a service endpoint that is not allowed; tier endpoints always pass. */
    public void check(ThroughEndpoint endpoint) {
        if (endpoint.tier().isPresent()) {
            return;
        }
        String hostPort = endpoint.hostAndPort();
        String self = ":" + selfPort.getAsInt();
        if (hostPort.equals("localhost" + self) || hostPort.equals("127.0.0.1" + self)) {
            return;
        }
        if (patterns.stream().noneMatch(pattern -> pattern.matcher(hostPort).matches())) {
            throw new PuffinException(ErrorCode.ENDPOINT_NOT_ALLOWED, format(
                    "THROUGH endpoint '%s' is not allowed: add %s to the setting through.allow", endpoint.text(), hostPort));
        }
    }

    private static String toRegex(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return regex.toString();
    }
}
