package io.puffindb.registry;

import java.time.Clock;

class InMemoryRegistryTest extends RegistryContractTest {
    @Override
    Registry newRegistry() {
        return new InMemoryRegistry(Clock.systemUTC());
    }
}
