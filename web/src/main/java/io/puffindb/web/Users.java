package io.puffindb.web;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The service's users, from {@code PUFFINDB_AUTH_TOKEN} ({@code auth.token}) and {@code --auth-token-file}.
 * With none, every request is the {@link Caller#LOCAL} user, and the service only listens on loopback.
 */
final class Users {
    private record User(String name, byte[] tokenDigest, boolean admin) {
    }

    private final List<User> users;

    private Users(List<User> users) {
        this.users = List.copyOf(users);
    }

    /** Reads the users the settings name, and refuses a bind address beyond loopback when there are none. */
    static Users of(HttpSettings settings) {
        requireNonNull(settings, "settings is null");
        List<Credential> credentials = new ArrayList<>();
        if (!settings.authToken().isBlank()) {
            credentials.add(Credential.parse(settings.authToken()));
        }
        if (!settings.authTokenFile().isBlank()) {
            credentials.addAll(readFile(Path.of(settings.authTokenFile())));
        }
        Set<String> names = new HashSet<>();
        Set<String> tokens = new HashSet<>();
        List<User> users = new ArrayList<>();
        for (Credential credential : credentials) {
            if (!names.add(credential.user()) || !tokens.add(credential.token())) {
                throw new PuffinException(ErrorCode.BAD_REQUEST, format("User %s is named twice, or shares its token with another user", credential.user()));
            }
            users.add(new User(credential.user(), digest(credential.token()), credential.admin()));
        }
        if (users.isEmpty() && !isLoopback(settings.bind())) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, format("Refusing to listen on %s without authentication: anyone who can reach it could "
                    + "run queries. Set PUFFINDB_AUTH_TOKEN or --auth-token-file FILE (see README, Authentication), or bind 127.0.0.1", settings.bind()));
        }
        return new Users(users);
    }

    /** Whether requests must carry a token. */
    boolean required() {
        return !users.isEmpty();
    }

    /** The user whose token an {@code Authorization: Bearer <token>} header carries. */
    Optional<Caller> authenticate(String authorization) {
        if (!required()) {
            return Optional.of(Caller.LOCAL);
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        byte[] presented = digest(authorization.substring(7).strip());
        Caller found = null;
        for (User user : users) { // every user compared, in constant time, so the timing tells nothing
            if (MessageDigest.isEqual(user.tokenDigest(), presented)) {
                found = new Caller(user.name(), user.admin());
            }
        }
        return Optional.ofNullable(found);
    }

    static boolean isLoopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, format("Cannot bind %s: no such address", address), e);
        }
    }

    private static List<Credential> readFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, format("Cannot read the auth token file %s: %s", file, e), e);
        }
        List<Credential> credentials = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                credentials.add(Credential.parse(line));
            } catch (PuffinException e) {
                throw new PuffinException(ErrorCode.BAD_REQUEST, format("%s line %d: %s", file, i + 1, e.getMessage()), e);
            }
        }
        return credentials;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
