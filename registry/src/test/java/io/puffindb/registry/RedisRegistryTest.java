package io.puffindb.registry;

import java.net.URI;
import java.util.UUID;

/** The same contract on the real Redis at 127.0.0.1:6379 (CI starts it), each test in its own namespace. */
class RedisRegistryTest extends RegistryContractTest {
    @Override
    Registry newRegistry() {
        return new RedisRegistry(URI.create("redis://127.0.0.1:6379"), "test-" + UUID.randomUUID());
    }
}
