package io.puffindb.testqueries;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS Lambda service as a function's two sides see it, on loopback: the Invoke API
 * ({@code POST /2015-03-31/functions/{name}/invocations}) that the SDK's Lambda client calls, and per
 * function a Runtime API ({@code /2018-06-01/runtime/invocation/next}, {@code .../{id}/response},
 * {@code .../{id}/error}) that its runtimes poll — the official runtime interface client in real
 * runtime processes. An invocation waits in its function's queue until a runtime takes it, and its
 * caller gets what the runtime answered. Faults can be injected as the Lambda service shows them to a
 * caller: an invocation failing with a function error (a runtime that crashed), or one answered too late.
 */
final class LocalLambda implements AutoCloseable {
    private static final Pattern INVOKE = Pattern.compile("/2015-03-31/functions/([^/]+)/invocations");
    private static final Pattern RESULT = Pattern.compile("/2018-06-01/runtime/invocation/([^/]+)/(response|error)");
    private static final Duration LONGEST_INVOCATION = Duration.ofMinutes(15);

    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "local-lambda");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpServer invokeApi;
    private final Map<String, Function> functions = new ConcurrentHashMap<>();

    LocalLambda() throws IOException {
        invokeApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        invokeApi.setExecutor(threads);
        invokeApi.createContext("/2015-03-31/functions/", this::invoke);
        invokeApi.start();
    }

    /** Where the Lambda client is pointed (its endpoint override). */
    String endpoint() {
        return "http://127.0.0.1:" + invokeApi.getAddress().getPort();
    }

    /** A new function, with its own Runtime API for its runtimes to poll. */
    Function create(String name) throws IOException {
        Function function = new Function(name);
        functions.put(name, function);
        return function;
    }

    private void invoke(HttpExchange exchange) throws IOException {
        try (exchange) {
            Matcher path = INVOKE.matcher(exchange.getRequestURI().getPath());
            Function function = path.matches() ? functions.get(path.group(1)) : null;
            if (function == null || !exchange.getRequestMethod().equals("POST")) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", "ResourceNotFoundException");
                respond(exchange, 404, "{\"Type\":\"User\",\"message\":\"Function not found: " + exchange.getRequestURI().getPath() + "\"}");
                return;
            }
            function.invoke(exchange, exchange.getRequestBody().readAllBytes());
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        functions.values().forEach(function -> function.runtimeApi.stop(0));
        invokeApi.stop(0);
        threads.shutdownNow();
    }

    /** What a runtime answered: its response, or the error it posted (a function error, as the caller sees it). */
    private record Answer(byte[] body, boolean functionError) {
    }

    private record Invocation(String id, byte[] payload, CompletableFuture<Answer> answer) {
    }

    /** One function: its queue of invocations, its Runtime API, and what it served. */
    final class Function {
        private final String name;
        private final HttpServer runtimeApi;
        private final BlockingQueue<Invocation> queued = new LinkedBlockingQueue<>();
        private final Map<String, Invocation> taken = new ConcurrentHashMap<>();
        private final AtomicInteger crashesToInject = new AtomicInteger();
        private final AtomicInteger delaysToInject = new AtomicInteger();
        private final AtomicInteger answered = new AtomicInteger();
        private final AtomicInteger injected = new AtomicInteger();
        private final AtomicInteger waiting = new AtomicInteger();
        private final AtomicInteger inFlight = new AtomicInteger();
        private final AtomicInteger mostInFlight = new AtomicInteger();
        private final List<String> initErrors = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile Duration delay = Duration.ZERO;

        private Function(String name) throws IOException {
            this.name = name;
            runtimeApi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            runtimeApi.setExecutor(threads);
            runtimeApi.createContext("/2018-06-01/runtime/", this::runtime);
            runtimeApi.start();
        }

        String name() {
            return name;
        }

        /** The value of {@code AWS_LAMBDA_RUNTIME_API} for its runtimes. */
        String runtimeApi() {
            return "127.0.0.1:" + runtimeApi.getAddress().getPort();
        }

        /** The next {@code count} invocations fail as a crashed runtime's would, without running. */
        void crashNext(int count) {
            crashesToInject.addAndGet(count);
        }

        /** The next {@code count} invocations run, but their answers reach the caller only after {@code by}. */
        void delayNext(int count, Duration by) {
            delay = by;
            delaysToInject.addAndGet(count);
        }

        /** Invocations a runtime answered. */
        int answered() {
            return answered.get();
        }

        /** The most invocations that were waiting for their answers at once. */
        int mostInFlight() {
            return mostInFlight.get();
        }

        /** Faults injected so far (crashes and delays). */
        int injected() {
            return injected.get();
        }

        /**
         * Waits until {@code count} runtimes poll for invocations, their init done (what provisioned concurrency
         * gives: instances initialized before the first invocation); false if they do not within {@code timeout}.
         */
        boolean awaitRuntimes(int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (waiting.get() < count) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                Thread.sleep(50);
            }
            return true;
        }

        /** What runtimes reported failing at init. */
        List<String> initErrors() {
            return List.copyOf(initErrors);
        }

        private void invoke(HttpExchange exchange, byte[] payload) throws IOException {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                answer(exchange, payload);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        private void answer(HttpExchange exchange, byte[] payload) throws IOException {
            String id = UUID.randomUUID().toString();
            exchange.getResponseHeaders().add("x-amzn-RequestId", id);
            if (take(crashesToInject)) {
                exchange.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
                respond(exchange, 200, "{\"errorType\":\"Runtime.ExitError\",\"errorMessage\":\"RequestId: " + id
                        + " Error: Runtime exited with error: signal: killed\"}");
                return;
            }
            boolean late = take(delaysToInject);
            Invocation invocation = new Invocation(id, payload, new CompletableFuture<>());
            queued.add(invocation);
            Answer answer;
            try {
                answer = invocation.answer().get(LONGEST_INVOCATION.toMillis(), TimeUnit.MILLISECONDS);
                if (late) {
                    Thread.sleep(delay.toMillis());
                }
            } catch (Exception e) {
                exchange.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
                respond(exchange, 200, "{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"Task timed out\"}");
                return;
            }
            exchange.getResponseHeaders().add("X-Amz-Executed-Version", "$LATEST");
            if (answer.functionError()) {
                exchange.getResponseHeaders().add("X-Amz-Function-Error", "Unhandled");
            }
            respond(exchange, 200, new String(answer.body(), StandardCharsets.UTF_8));
        }

        private boolean take(AtomicInteger toInject) {
            boolean take = toInject.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
            if (take) {
                injected.incrementAndGet();
            }
            return take;
        }

        private void runtime(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (path.equals("/2018-06-01/runtime/invocation/next")) {
                    next(exchange);
                    return;
                }
                if (path.equals("/2018-06-01/runtime/init/error")) {
                    initErrors.add(new String(body, StandardCharsets.UTF_8));
                    respond(exchange, 202, "{\"status\":\"OK\"}");
                    return;
                }
                Matcher result = RESULT.matcher(path);
                Invocation invocation = result.matches() ? taken.remove(result.group(1)) : null;
                if (invocation == null) {
                    respond(exchange, 400, "{\"errorMessage\":\"Unknown invocation " + path + "\",\"errorType\":\"InvalidRequestID\"}");
                    return;
                }
                answered.incrementAndGet();
                invocation.answer().complete(new Answer(body, result.group(2).equals("error")));
                respond(exchange, 202, "{\"status\":\"OK\"}");
            }
        }

        // A runtime's long poll: it waits here, between invocations, as a frozen Lambda instance would.
        private void next(HttpExchange exchange) throws IOException {
            Invocation invocation;
            waiting.incrementAndGet();
            try {
                invocation = queued.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                waiting.decrementAndGet();
            }
            taken.put(invocation.id(), invocation);
            exchange.getResponseHeaders().add("Lambda-Runtime-Aws-Request-Id", invocation.id());
            exchange.getResponseHeaders().add("Lambda-Runtime-Deadline-Ms", String.valueOf(System.currentTimeMillis() + LONGEST_INVOCATION.toMillis()));
            exchange.getResponseHeaders().add("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:000000000000:function:" + name);
            exchange.getResponseHeaders().add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, invocation.payload().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(invocation.payload());
            }
        }
    }
}
