package io.puffindb.executors.trust;

import static java.lang.String.format;
import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The secret that engines and worker processes of one deployment share. Two keys are derived from
 * it, so the secret itself never travels: the <em>proof</em>, a value every Flight call and every
 * worker registration carries in the {@value #HEADER} header (it says "I am of this cluster"), and
 * the <em>signing key</em>, under which the MONOSTORE signs the tickets it hands out (HMAC-SHA256).
 * Someone who overhears a proof can connect to an engine, but cannot make a ticket it will run.
 */
public final class ClusterSecret {
    /** The header (gRPC metadata and HTTP) that carries the proof. */
    public static final String HEADER = "x-puffindb-cluster-proof";
    /** Shorter secrets are refused: HMAC keys must not be guessable. */
    public static final int MIN_LENGTH = 32;
    private static final Logger LOG = LoggerFactory.getLogger(ClusterSecret.class);
    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNBASE64 = Base64.getUrlDecoder();

    private final byte[] signingKey;
    private final String proof;

    private ClusterSecret(byte[] secret) {
        this.signingKey = hmac(secret, "puffindb ticket signing key".getBytes(StandardCharsets.UTF_8));
        this.proof = BASE64.encodeToString(hmac(secret, "puffindb cluster proof".getBytes(StandardCharsets.UTF_8)));
    }

    /** A random secret, held in memory only: the embedded default's, whose workers live in its own process. */
    public static ClusterSecret generate() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new ClusterSecret(secret);
    }

    /** The secret in {@code file} (its text, surrounding whitespace dropped), at least {@value #MIN_LENGTH} characters. */
    public static ClusterSecret readFrom(Path file) {
        requireNonNull(file, "file is null");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, format("Cannot read the cluster secret file %s: %s", file, e.getMessage()), e);
        }
        warnIfOthersMayRead(file);
        if (text.length() < MIN_LENGTH) {
            throw new PuffinException(ErrorCode.BAD_REQUEST, format("The cluster secret in %s has %d characters; it needs at least %d "
                    + "(e.g. head -c 32 /dev/urandom | base64 > %s)", file, text.length(), MIN_LENGTH, file));
        }
        return new ClusterSecret(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void warnIfOthersMayRead(Path file) {
        try {
            if (Files.getPosixFilePermissions(file).contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("The cluster secret file {} is readable by every user of this machine (chmod 600 it)", file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: nothing to say
        }
    }

    /** What a member of the cluster presents in {@value #HEADER}. */
    public String proof() {
        return proof;
    }

    /** Whether {@code presented} is this cluster's proof, compared in constant time. */
    public boolean isProof(String presented) {
        return presented != null && MessageDigest.isEqual(proof.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code payload} signed for {@code purpose} (a signature for one purpose is worthless for
     * another): {@code base64(payload) "." base64(HMAC-SHA256(purpose, payload))}, as ASCII bytes.
     */
    public byte[] sign(String purpose, byte[] payload) {
        return (BASE64.encodeToString(payload) + "." + BASE64.encodeToString(mac(purpose, payload))).getBytes(StandardCharsets.US_ASCII);
    }

    /** The payload of {@code signed} if it was signed for {@code purpose} under this secret; empty if forged, altered or malformed. */
    public Optional<byte[]> open(String purpose, byte[] signed) {
        String text = new String(signed, StandardCharsets.US_ASCII);
        int dot = text.indexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        try {
            byte[] payload = UNBASE64.decode(text.substring(0, dot));
            byte[] signature = UNBASE64.decode(text.substring(dot + 1));
            return MessageDigest.isEqual(mac(purpose, payload), signature) ? Optional.of(payload) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String purpose, byte[] payload) {
        byte[] label = (purpose + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[label.length + payload.length];
        System.arraycopy(label, 0, message, 0, label.length);
        System.arraycopy(payload, 0, message, label.length, payload.length);
        return hmac(signingKey, message);
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JVM", e);
        }
    }
}
