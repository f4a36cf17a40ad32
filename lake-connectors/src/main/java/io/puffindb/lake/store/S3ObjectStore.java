package io.puffindb.lake.store;

import static java.util.Objects.requireNonNull;

import io.puffindb.lake.ErrorCode;
import io.puffindb.lake.PuffinException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Lake files on S3 or any S3-compatible store (AWS SDK v2). Reads are pinned to the listed ETag
 * ({@code If-Match}), so a file replaced between listing and reading fails instead of mixing versions.
 */
public final class S3ObjectStore implements ObjectStore, AutoCloseable {
    private final S3Client s3;

    public S3ObjectStore(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle());
        settings.endpoint().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        if (settings.accessKey().isPresent() && settings.secretKey().isPresent()) {
            builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey().get(), settings.secretKey().get())));
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        this.s3 = builder.build();
    }

    @Override
    public boolean serves(String uri) {
        return uri.startsWith("s3://");
    }

    @Override
    public List<String> childFolders(String folderUri) {
        S3Location folder = S3Location.parse(folderUri).asFolder();
        List<String> folders = new ArrayList<>();
        call("list", folderUri, () -> {
            for (CommonPrefix prefix : s3.listObjectsV2Paginator(listing(folder)).commonPrefixes()) {
                String key = prefix.prefix();
                folders.add(new S3Location(folder.bucket(), key.substring(0, key.length() - 1)).uri());
            }
            return null;
        });
        folders.sort(Comparator.naturalOrder());
        return folders;
    }

    @Override
    public List<StoredObject> files(String folderUri) {
        S3Location folder = S3Location.parse(folderUri).asFolder();
        List<StoredObject> files = new ArrayList<>();
        call("list", folderUri, () -> {
            for (S3Object object : s3.listObjectsV2Paginator(listing(folder)).contents()) {
                if (!object.key().endsWith("/")) {
                    files.add(new StoredObject(new S3Location(folder.bucket(), object.key()).uri(), object.size(), versionOf(object.eTag(), object.size(), object.lastModified())));
                }
            }
            return null;
        });
        files.sort(Comparator.comparing(StoredObject::uri));
        return files;
    }

    @Override
    public Optional<StoredObject> stat(String uri) {
        S3Location location = S3Location.parse(uri);
        try {
            HeadObjectResponse head = s3.headObject(request -> request.bucket(location.bucket()).key(location.key()));
            return Optional.of(new StoredObject(uri, head.contentLength(), versionOf(head.eTag(), head.contentLength(), head.lastModified())));
        } catch (S3Exception e) {
            // HEAD has no body, so a missing key is only its status.
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("stat", uri, e);
        } catch (SdkException e) {
            throw failure("stat", uri, e);
        }
    }

    @Override
    public byte[] readTail(StoredObject file, int length) {
        S3Location location = S3Location.parse(file.uri());
        long start = Math.max(0, file.size() - length);
        return call("read", file.uri(), () -> s3.getObjectAsBytes(request -> request.bucket(location.bucket()).key(location.key())
                .ifMatch(etagOf(file))
                .range("bytes=" + start + "-" + (file.size() - 1))).asByteArray());
    }

    @Override
    public void download(StoredObject file, Path target) {
        S3Location location = S3Location.parse(file.uri());
        call("download", file.uri(), () -> s3.getObject(request -> request.bucket(location.bucket()).key(location.key()).ifMatch(etagOf(file)), target));
    }

    /**
     * A listed file's version: its ETag, or where the store sends none (several S3-compatible stores
     * omit it) its size and last-modified time, as for files on disk.
     */
    static String versionOf(String eTag, long size, Instant lastModified) {
        if (eTag != null && !eTag.isBlank()) {
            return eTag;
        }
        return size + "@" + (lastModified == null ? "unknown" : lastModified.toEpochMilli());
    }

    // Listed files carry their ETag (quoted, as S3 sends it). Files named by a table format's metadata carry the
    // format's own version instead: such files are immutable by the format's rules, so there is nothing to match.
    private static String etagOf(StoredObject file) {
        return file.version().startsWith("\"") ? file.version() : null;
    }

    @Override
    public void upload(Path source, String uri) {
        S3Location location = S3Location.parse(uri);
        call("upload", uri, () -> s3.putObject(request -> request.bucket(location.bucket()).key(location.key()), RequestBody.fromFile(source)));
    }

    @Override
    public void delete(String uri) {
        S3Location location = S3Location.parse(uri);
        call("delete", uri, () -> s3.deleteObject(request -> request.bucket(location.bucket()).key(location.key())));
    }

    @Override
    public boolean isLocal() {
        return false;
    }

    @Override
    public void close() {
        s3.close();
    }

    private static ListObjectsV2Request listing(S3Location folder) {
        return ListObjectsV2Request.builder().bucket(folder.bucket()).prefix(folder.key()).delimiter("/").build();
    }

    private static <T> T call(String action, String uri, Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw failure(action, uri, e);
        }
    }

    private static PuffinException failure(String action, String uri, SdkException e) {
        return new PuffinException(ErrorCode.QUERY_FAILED, "Cannot " + action + " " + uri + ": " + e.getMessage(), e);
    }

    /** {@code s3://bucket/key}. */
    record S3Location(String bucket, String key) {
        static S3Location parse(String uri) {
            requireNonNull(uri, "uri is null");
            if (!uri.startsWith("s3://")) {
                throw new PuffinException(ErrorCode.BAD_REQUEST, "Not an S3 location: " + uri);
            }
            String rest = uri.substring("s3://".length());
            int slash = rest.indexOf('/');
            return slash < 0 ? new S3Location(rest, "") : new S3Location(rest.substring(0, slash), rest.substring(slash + 1));
        }

        S3Location asFolder() {
            return key.isEmpty() || key.endsWith("/") ? this : new S3Location(bucket, key + "/");
        }

        String uri() {
            return "s3://" + bucket + "/" + key;
        }
    }
}
