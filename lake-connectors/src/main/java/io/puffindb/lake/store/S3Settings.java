package io.puffindb.lake.store;

import java.util.Optional;

/**
 * How to reach S3 or an S3-compatible store. An endpoint override with path-style access serves
 * MinIO, s3proxy and the like; without keys the AWS SDK's default credential chain applies.
 */
public record S3Settings(Optional<String> endpoint, String region, boolean pathStyle, Optional<String> accessKey, Optional<String> secretKey) {
    public static final S3Settings AWS_DEFAULTS = new S3Settings(Optional.empty(), "us-east-1", false, Optional.empty(), Optional.empty());

    public S3Settings {
        endpoint = endpoint.filter(value -> !value.isBlank());
        accessKey = accessKey.filter(value -> !value.isBlank());
        secretKey = secretKey.filter(value -> !value.isBlank());
    }
}
