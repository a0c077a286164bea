package io.leakdrill.crm.mail;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One SMTP session with the mail relay: greets once, then delivers messages one after another on the same
 * connection. The envelope goes out pipelined (RFC 2920: MAIL, RCPT and DATA in one write), so a message costs two
 * round trips, not four.
 */
final class RelayConnection implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MS = 5_000;

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    private RelayConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        this.out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);
    }

    /**
     * @param replyTimeoutMs how long to wait for any one reply; a throttling relay holds its reply to the end of a
     *     message until the connection's next slot, so this must allow for that
     */
    static RelayConnection open(int port, String heloName, int replyTimeoutMs) throws IOException {
        Socket socket = new Socket();
        try {
            // Small commands and their replies alternate: without this each round trip can wait for a delayed ACK.
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), CONNECT_TIMEOUT_MS);
            socket.setSoTimeout(replyTimeoutMs);
            RelayConnection connection = new RelayConnection(socket);
            connection.expect(220);
            connection.command("EHLO " + heloName, 250);
            return connection;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Hands one message to the relay; returns once the relay has accepted it for delivery. */
    void deliver(MailMessage message) throws IOException {
        out.write(("MAIL FROM:<" + message.sender() + ">\r\nRCPT TO:<" + message.recipient() + ">\r\nDATA\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(250);
        expect(250);
        expect(354);
        // Dot-stuffing: a line that starts with a dot gets another, so it cannot end the message early.
        String text = message.text().replace("\r\n.", "\r\n..");
        if (text.startsWith(".")) {
            text = "." + text;
        }
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.write(text.endsWith("\r\n") ? ".\r\n".getBytes(StandardCharsets.US_ASCII)
                : "\r\n.\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(250);
    }

    private void command(String line, int expected) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(expected);
    }

    // Replies may span lines ("250-..." then "250 ..."); the last line has a space after the code.
    private void expect(int expected) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("the relay closed the connection");
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(Integer.toString(expected))) {
            throw new IOException("the relay answered '" + line + "', expected " + expected);
        }
    }

    @Override
    public void close() {
        try {
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException ignored) {
            // Going away anyway; the relay drops the session when the socket closes.
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // Nothing left to release.
        }
    }
}
