package io.puffindb.calcite.through;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import io.puffindb.calcite.tier.Tier;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Where a THROUGH subquery runs: a tier of this deployment ('lambda', 'monostore', 'client'), or
 * another PuffinDB service ('http://host:port').
 */
public record ThroughEndpoint(String text, Optional<Tier> tier, Optional<URI> service) {
    public ThroughEndpoint {
        requireNonNull(text, "text is null");
        requireNonNull(tier, "tier is null");
        requireNonNull(service, "service is null");
    }

    public static ThroughEndpoint parse(String text) {
        Optional<Tier> tier = Tier.ofEndpoint(text);
        if (tier.isPresent()) {
            return new ThroughEndpoint(text, tier, Optional.empty());
        }
        URI uri;
        try {
            uri = URI.create(text.trim());
        } catch (IllegalArgumentException e) {
            throw invalid(text);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") || uri.getHost() == null || uri.getPort() < 0) {
            throw invalid(text);
        }
        return new ThroughEndpoint(text, Optional.empty(), Optional.of(uri));
    }

    /** {@code host:port} of a remote service. */
    public String hostAndPort() {
        URI uri = service.orElseThrow();
        return uri.getHost().toLowerCase(Locale.ROOT) + ":" + uri.getPort();
    }

    private static PuffinException invalid(String text) {
        return new PuffinException(ErrorCode.VALIDATION_ERROR, format(
                "THROUGH endpoint '%s' is neither a tier ('lambda', 'monostore', 'client') nor a service URL 'http://host:port'", text));
    }
}
