package io.puffindb.web;

import static java.lang.String.format;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Checks every request before any route sees it, against web pages that make a user's browser call
 * the service (CSRF, DNS rebinding): the {@code Host} must be one this service answers to, a POST body
 * must say it is JSON (a form or {@code text/plain} post needs no CORS preflight, a JSON one does),
 * and CORS headers are sent only to the origins configured.
 */
final class RequestGuard {
    private final Set<String> hosts;
    private final boolean anyHost;
    private final Set<String> corsOrigins;

    RequestGuard(HttpSettings settings) {
        this.hosts = hostNames(settings);
        this.anyHost = settings.allowedHosts().contains("*");
        this.corsOrigins = Set.copyOf(settings.corsOrigins());
    }

    /** Throws the caller's mistake; answers a permitted CORS preflight itself. */
    void check(Context ctx) {
        checkHost(ctx.header("Host"));
        String origin = ctx.header("Origin");
        if (origin != null && corsOrigins.contains(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.header("Vary", "Origin");
            if (ctx.method() == HandlerType.OPTIONS) {
                ctx.header("Access-Control-Allow-Methods", "GET, POST, DELETE");
                ctx.header("Access-Control-Allow-Headers", "Authorization, Content-Type, Accept");
                ctx.status(204).skipRemainingHandlers();
                return;
            }
        }
        if (ctx.method() == HandlerType.POST && !isJson(ctx.header("Content-Type"))) {
            throw new PuffinException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, format("POST %s takes a JSON body sent with the header "
                    + "'Content-Type: application/json' (curl: -H 'Content-Type: application/json'), not %s", ctx.path(),
                    ctx.header("Content-Type") == null ? "no Content-Type" : "'" + ctx.header("Content-Type") + "'"));
        }
    }

    private void checkHost(String header) {
        if (header == null || anyHost) {
            return; // HTTP/1.0 may omit it, and browsers always send it
        }
        String host = hostOf(header);
        if (!hosts.contains(host)) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, format("This service does not answer to host '%s'; "
                    + "its operator may add it with --allowed-hosts", host));
        }
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.split(";", 2)[0].strip().equalsIgnoreCase("application/json");
    }

    // "name:port", "[v6]:port" or either without the port, as a lower-case name ("[::1]" keeps its brackets).
    private static String hostOf(String header) {
        String host = header.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(0, end + 1);
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }

    private static Set<String> hostNames(HttpSettings settings) {
        Set<String> names = new HashSet<>(List.of("127.0.0.1", "localhost", "[::1]"));
        settings.allowedHosts().forEach(host -> names.add(host.toLowerCase(Locale.ROOT)));
        try {
            InetAddress bound = InetAddress.getByName(settings.bind());
            if (bound.isAnyLocalAddress()) {
                // Every address of this machine is bound, so every one of them is a name of the service.
                for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                    Collections.list(network.getInetAddresses()).forEach(address -> names.add(literal(address)));
                }
                names.add(InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT));
            } else {
                names.add(hostOf(settings.bind().contains(":") && !settings.bind().startsWith("[") ? "[" + settings.bind() + "]" : settings.bind()));
                names.add(literal(bound));
            }
        } catch (UnknownHostException | SocketException e) {
            // The bind itself reports a bad address; the names known so far still hold.
        }
        return Set.copyOf(names);
    }

    private static String literal(InetAddress address) {
        String text = address.getHostAddress();
        int zone = text.indexOf('%');
        if (zone >= 0) {
            text = text.substring(0, zone);
        }
        return address instanceof Inet6Address ? "[" + text + "]" : text;
    }
}
