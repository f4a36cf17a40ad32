package io.puffindb.bench;

import io.puffindb.lake.store.S3ObjectStore;
import io.puffindb.lake.store.S3Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import java.util.stream.Stream;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.blobstore.ForwardingBlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

/**
 * A real S3-compatible server (s3proxy, in memory) on a free loopback port, counting the object
 * reads it serves: what a cache saves is measured at the server, not inside our code. Tests and
 * the cache bench use it.
 */
public final class InProcessS3 implements AutoCloseable {
    private static final String ACCESS_KEY = "puffin-test";
    private static final String SECRET_KEY = "puffin-test-secret";

    private final CountingBlobStore store = new CountingBlobStore(new TransientNio2BlobStore());
    private final S3Proxy proxy;

    public InProcessS3(String... buckets) throws Exception {
        for (String bucket : buckets) {
            store.createContainer(bucket);
        }
        proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        while (!proxy.getState().equals("STARTED")) {
            Thread.sleep(10);
        }
    }

    public S3Settings settings() {
        return new S3Settings(Optional.of("http://127.0.0.1:" + proxy.getPort()), "us-east-1", true, Optional.of(ACCESS_KEY), Optional.of(SECRET_KEY));
    }

    /** GET requests served so far (whole objects and ranges). */
    public long gets() {
        return store.gets.get();
    }

    /** Bytes of object content served so far. */
    public long bytesServed() {
        return store.bytes.get();
    }

    /** Copies every file under {@code folder} to {@code uriPrefix}/its relative path; tells {@code uploaded} each file's size. */
    public void uploadFolder(Path folder, String uriPrefix, LongConsumer uploaded) throws IOException {
        try (S3ObjectStore store = new S3ObjectStore(settings()); Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                store.upload(file, uriPrefix + "/" + folder.relativize(file).toString().replace('\\', '/'));
                uploaded.accept(Files.size(file));
            }
        }
    }

    /** {@link #uploadFolder(Path, String, LongConsumer)} without progress. */
    public void uploadFolder(Path folder, String uriPrefix) throws IOException {
        uploadFolder(folder, uriPrefix, size -> { });
    }

    @Override
    public void close() throws Exception {
        proxy.stop();
    }

    private static final class CountingBlobStore extends ForwardingBlobStore {
        final AtomicLong gets = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();

        CountingBlobStore(BlobStore delegate) {
            super(delegate);
        }

        @Override
        public ResponseInputStream<GetObjectResponse> getBlob(GetObjectRequest request) {
            ResponseInputStream<GetObjectResponse> blob = super.getBlob(request);
            gets.incrementAndGet();
            Long length = blob.response().contentLength();
            bytes.addAndGet(length == null ? 0 : length);
            return blob;
        }
    }
}
