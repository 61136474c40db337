package io.uptake.testsupport;

import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 request over a socket bound to a chosen local address, so that a test can call the service under
 * test (RestAssured's port, on 127.0.0.1) from an address the service does not trust as its gateway.
 */
final class RawHttp {

    private RawHttp() {}

    /** Sends the request with the gateway's forwarding headers from {@code localAddress}; the answer's Location. */
    static String location(String localAddress, String requestLine, String token, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String head = requestLine + " HTTP/1.1\r\n"
                + "Host: 127.0.0.1:" + RestAssured.port + "\r\n"
                + "Authorization: Bearer " + token + "\r\n"
                + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "X-Forwarded-Proto: https\r\n"
                + "X-Forwarded-Host: uptake.example.com\r\n"
                + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), RestAssured.port), 5_000);
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            String answer = readHead(socket.getInputStream());
            String status = answer.lines().findFirst().orElse("");
            if (!status.matches("HTTP/1\\.1 20[01] .*")) {
                throw new AssertionError(requestLine + " from " + localAddress + " answered " + answer);
            }
            return answer.lines()
                    .filter(line -> line.regionMatches(true, 0, "Location:", 0, 9))
                    .map(line -> line.substring(9).strip())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(requestLine + " answered no Location: " + answer));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int next;
        while ((next = in.read()) != -1) {
            head.append((char) next);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }
}
