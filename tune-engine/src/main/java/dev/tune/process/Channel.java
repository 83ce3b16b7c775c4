package dev.tune.process;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tune.io.Json;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The line between the parent JVM and one child: a loopback socket carrying one JSON object per
 * line, each with a {@code kind}. Every message is read as a tree and taken apart field by field;
 * no type is ever read from the data. The child's {@code System.out} and {@code System.err} stay
 * free for the trial's own output.
 */
final class Channel implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final Writer out;

    Channel(Socket socket) throws IOException {
        this.socket = socket;
        socket.setTcpNoDelay(true);
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = new BufferedWriter(new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8));
    }

    /** Sends one message: a JSON object on one line. */
    synchronized void send(Json.Body fields) throws IOException {
        out.write(Json.compact(fields));
        out.write('\n');
        out.flush();
    }

    /** The next message; throws {@link EOFException} when the other side has closed the line. */
    JsonNode read() throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new EOFException("the other JVM closed the line");
        }
        return Json.parseObject(line);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a line that is already gone
        }
    }
}
