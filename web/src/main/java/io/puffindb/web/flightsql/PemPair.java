package io.puffindb.web.flightsql;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/** The service's TLS certificate chain and its PKCS#8 private key, as PEM files ({@code --tls-cert}, {@code --tls-key}). */
public record PemPair(Path certificateChain, Path privateKey) {
    public PemPair {
        requireNonNull(certificateChain, "certificateChain is null");
        requireNonNull(privateKey, "privateKey is null");
    }
}
