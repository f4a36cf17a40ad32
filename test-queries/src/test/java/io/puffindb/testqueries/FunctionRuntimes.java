package io.puffindb.testqueries;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runtime processes of a local function, as Lambda starts them for a Java function in a custom runtime
 * or container image: a JVM running the official runtime interface client
 * ({@code com.amazonaws.services.lambda.runtime.api.client.AWSLambda}) with the handler's name,
 * polling the function's Runtime API at {@code AWS_LAMBDA_RUNTIME_API}. Each has its own /tmp, as
 * each Lambda instance does; its output goes to a log file beside it. The handler comes from the test's
 * class path, or from the deployable jar when {@value #FUNCTION_JAR} names it
 * ({@code -Dpuffindb.function.jar=lambda/target/puffindb-lambda-<version>-function.jar}).
 */
final class FunctionRuntimes implements AutoCloseable {
    static final String HANDLER = "io.puffindb.lambda.TaskFunction::handleRequest";
    static final String FUNCTION_JAR = "puffindb.function.jar";
    private static final String RUNTIME_CLIENT = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    // The runtime client unpacks its native library to the fixed path /tmp/.libaws-lambda-jni.so unless this
    // property names one: right on Lambda, where each instance has its own /tmp, but runtimes started
    // together on one host overwrite the file while another loads it (SIGBUS in the dynamic loader).
    private static final String NATIVE_LIBRARY_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";
    private static final String NATIVE_LIBRARY = "/jni/libaws-lambda-jni.linux-x86_64.so";

    private final List<Process> processes = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();

    /** Starts {@code count} runtimes of {@code function} with the handler's settings in {@code environment}; each gets a folder under {@code root}. */
    FunctionRuntimes(LocalLambda.Function function, int count, Map<String, String> environment, Path root) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path nativeLibrary = unpackNativeLibrary(Files.createDirectories(root));
        for (int i = 0; i < count; i++) {
            Path instance = Files.createDirectories(root.resolve(function.name() + "-" + i));
            Path tmp = Files.createDirectories(instance.resolve("tmp"));
            Path log = instance.resolve("runtime.log");
            ProcessBuilder builder = new ProcessBuilder(java, "--add-opens=java.base/java.nio=ALL-UNNAMED", "-Xmx512m", "-Djava.io.tmpdir=" + tmp, "-D" + NATIVE_LIBRARY_PROPERTY + "=" + nativeLibrary,
                    "-cp", System.getProperty(FUNCTION_JAR, System.getProperty("java.class.path")), RUNTIME_CLIENT, HANDLER)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", function.runtimeApi());
            builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", function.name());
            builder.environment().put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            builder.environment().put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
            builder.environment().put("AWS_REGION", "us-east-1");
            builder.environment().put("PUFFINDB_CACHE_DIR", tmp.resolve("puffindb-cache").toString());
            processes.add(builder.start());
            logs.add(log);
        }
    }

    // The runtime client's own native library (glibc, x86-64: this machine), unpacked once for all runtimes.
    private static Path unpackNativeLibrary(Path root) throws IOException {
        Path library = root.resolve("libaws-lambda-jni.so");
        try (InputStream packed = FunctionRuntimes.class.getResourceAsStream(NATIVE_LIBRARY)) {
            if (packed == null) {
                throw new IOException("The runtime interface client has no " + NATIVE_LIBRARY);
            }
            Files.copy(packed, library, StandardCopyOption.REPLACE_EXISTING);
        }
        return library;
    }

    /** What the runtimes wrote so far (their handlers' logs among it). */
    String logs() throws IOException {
        StringBuilder all = new StringBuilder();
        for (Path log : logs) {
            all.append(Files.readString(log)).append('\n');
        }
        return all.toString();
    }

    /** Whether every runtime is still running. */
    boolean allAlive() {
        return processes.stream().allMatch(Process::isAlive);
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            process.destroy();
        }
        for (Process process : processes) {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
