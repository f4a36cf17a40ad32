package io.puffindb.web;

import static java.lang.String.format;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * HTTPS from two PEM files, {@code --tls-cert} (the certificate chain) and {@code --tls-key} (its
 * unencrypted PKCS#8 private key, {@code BEGIN PRIVATE KEY}): read once at start-up into a key
 * store held in memory, then served by a Jetty TLS connector on the service's address and port.
 */
final class TlsFiles {
    private static final Pattern PKCS8 = Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    private static final char[] IN_MEMORY = "puffindb".toCharArray(); // the key store never leaves the process

    private final KeyStore keyStore;

    private TlsFiles(KeyStore keyStore) {
        this.keyStore = keyStore;
    }

    /** The files the settings name; empty when TLS is not asked for. */
    static Optional<TlsFiles> of(HttpSettings settings) {
        if (settings.tlsCert().isBlank() && settings.tlsKey().isBlank()) {
            return Optional.empty();
        }
        if (settings.tlsCert().isBlank() || settings.tlsKey().isBlank()) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, "TLS needs both --tls-cert (PEM certificate chain) and --tls-key (PEM private key)");
        }
        Path certFile = Path.of(settings.tlsCert());
        Path keyFile = Path.of(settings.tlsKey());
        try {
            List<? extends Certificate> chain;
            try (InputStream in = Files.newInputStream(certFile)) {
                chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            }
            if (chain.isEmpty()) {
                throw new PuffinException(ErrorCode.BAD_REQUEST, format("%s holds no PEM certificate", certFile));
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("puffindb", privateKey(keyFile, chain.get(0).getPublicKey().getAlgorithm()), IN_MEMORY, chain.toArray(Certificate[]::new));
            return Optional.of(new TlsFiles(store));
        } catch (IOException | GeneralSecurityException e) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, format("Cannot read TLS files %s and %s: %s", certFile, keyFile, e.getMessage()), e);
        }
    }

    /** A TLS connector (HTTP/1.1 inside) for {@code host:port}. */
    ServerConnector connector(Server server, HttpConfiguration http, String host, int port) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(keyStore);
        tls.setKeyStorePassword(new String(IN_MEMORY));
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false); // clients may call it by address; the Host check (RequestGuard) applies as on HTTP
        https.addCustomizer(secure);
        ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(tls, HttpVersion.HTTP_1_1.asString()),
                new HttpConnectionFactory(https));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }

    private static PrivateKey privateKey(Path file, String algorithm) throws IOException, GeneralSecurityException {
        Matcher pem = PKCS8.matcher(Files.readString(file));
        if (!pem.find()) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, format("%s is not an unencrypted PKCS#8 PEM key (BEGIN PRIVATE KEY); "
                    + "convert one with: openssl pkcs8 -topk8 -nocrypt -in KEY -out %s", file, file));
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.group(1));
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    }
}
