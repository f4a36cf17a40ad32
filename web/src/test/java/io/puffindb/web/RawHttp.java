package io.puffindb.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Requests written byte for byte over a socket, for what {@code java.net.http} will not send: another
 * {@code Host}, a malformed {@code Content-Length}, headers and URIs past Jetty's limits.
 */
final class RawHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A response: its status and its body read as JSON (the first '{' to the last '}', past any chunk framing). */
    record Response(int status, String head, String body) {
        JsonNode json() throws IOException {
            int start = body.indexOf('{');
            int end = body.lastIndexOf('}');
            if (start < 0 || end < start) {
                throw new AssertionError("No JSON in the body: " + head + "\n" + body);
            }
            return JSON.readTree(body.substring(start, end + 1));
        }
    }

    private RawHttp() {
    }

    /** Sends {@code request} (its head without the final blank line is enough: Connection: close is added). */
    static Response send(int port, String requestLine, String headers, String body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            String head = requestLine + "\r\n" + headers + "Connection: close\r\n\r\n";
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.write(body.getBytes(StandardCharsets.UTF_8));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = response.indexOf("\r\n\r\n");
            String responseHead = split < 0 ? response : response.substring(0, split);
            int status = Integer.parseInt(responseHead.substring(9, 12));
            return new Response(status, responseHead, split < 0 ? "" : response.substring(split + 4));
        }
    }
}
