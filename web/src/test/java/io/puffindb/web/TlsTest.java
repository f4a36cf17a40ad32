package io.puffindb.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.puffindb.lake.PuffinException;
import io.puffindb.lake.demo.GenerationProgress;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.arrow.flight.FlightClient;
import org.apache.arrow.flight.FlightInfo;
import org.apache.arrow.flight.FlightRuntimeException;
import org.apache.arrow.flight.FlightStream;
import org.apache.arrow.flight.Location;
import org.apache.arrow.flight.sql.FlightSqlClient;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.IntVector;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS from PEM files: a client that trusts the certificate is served, a plain-HTTP client is not. */
class TlsTest {
    @TempDir
    static Path folder;
    static Path cert;
    static Path key;

    @BeforeAll
    static void makeAPair() throws Exception {
        cert = folder.resolve("cert.pem");
        key = folder.resolve("key.pem");
        selfSignedPem(cert, key);
    }

    @Test
    void servesHttpsFromPemFilesAndNoClearText() throws Exception {
        PuffinConfig config = PuffinConfig.embedded(folder.resolve("lake"), 0, 0)
                .withHttp(HttpSettings.loopback().withTls(cert.toString(), key.toString()));
        try (EmbeddedService service = EmbeddedService.start(config, GenerationProgress.SILENT)) {
            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(cert)).build();
            HttpResponse<String> answer = trusting.send(HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + service.port() + "/v1/query"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"sql\": \"select 6 * 7 as n\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(42, new ObjectMapper().readTree(answer.body()).path("rows").get(0).get(0).asInt());

            assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString()));
        }
    }

    @Test
    void flightSqlIsServedOverTlsBesideHttps() throws Exception {
        PuffinConfig config = PuffinConfig.embedded(folder.resolve("lake"), 0, 0)
                .withHttp(HttpSettings.loopback().withTls(cert.toString(), key.toString()).withFlightSqlPort(0));
        try (EmbeddedService service = EmbeddedService.start(config, GenerationProgress.SILENT);
                BufferAllocator allocator = new RootAllocator();
                InputStream trusted = Files.newInputStream(cert);
                FlightClient tls = FlightClient.builder(allocator, Location.forGrpcTls("127.0.0.1", service.flightSqlPort().getAsInt()))
                        .trustedCertificates(trusted).build();
                FlightSqlClient sql = new FlightSqlClient(tls)) {
            FlightInfo info = sql.execute("select 6 * 7 as n");
            try (FlightStream stream = sql.getStream(info.getEndpoints().get(0).getTicket())) {
                assertTrue(stream.next());
                assertEquals(42, ((IntVector) stream.getRoot().getVector("n")).get(0));
            }
            try (FlightClient clear = FlightClient.builder(allocator, Location.forGrpcInsecure("127.0.0.1", service.flightSqlPort().getAsInt())).build();
                    FlightSqlClient clearSql = new FlightSqlClient(clear)) {
                assertThrows(FlightRuntimeException.class, () -> clearSql.execute("select 1"), "no clear text beside TLS");
            }
        }
    }

    @Test
    void aKeyThatIsNotPkcs8PemIsAClearError() throws Exception {
        Path pkcs1 = Files.writeString(folder.resolve("rsa-key.pem"), "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        PuffinException error = assertThrows(PuffinException.class, () -> TlsFiles.of(HttpSettings.loopback().withTls(cert.toString(), pkcs1.toString())));
        assertTrue(error.getMessage().contains("openssl pkcs8"), error.getMessage());
    }

    // The JDK's keytool makes the pair; the key is written out as PKCS#8 PEM as openssl would.
    private static void selfSignedPem(Path cert, Path key) throws Exception {
        Path store = folder.resolve("pair.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit", "-alias", "pair",
                "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2");
        run(keytool, "-exportcert", "-rfc", "-keystore", store.toString(), "-storepass", "changeit", "-alias", "pair", "-file", cert.toString());
        KeyStore pair = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            pair.load(in, "changeit".toCharArray());
        }
        byte[] der = pair.getKey("pair", "changeit".toCharArray()).getEncoded();
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n");
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, output);
    }

    private static SSLContext trusting(Path cert) throws Exception {
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            trusted.setCertificateEntry("service", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
