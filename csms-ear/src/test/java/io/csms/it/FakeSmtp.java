package io.csms.it;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server for the tests that keeps every mail it is given (RFC 5321's plain dialogue: HELO or
 * EHLO, MAIL, RCPT, DATA, QUIT; no TLS, no authentication). A fake, because a mail server is a third
 * party the tests cannot run; it accepts whatever the CSMS sends.
 */
public final class FakeSmtp implements AutoCloseable {

    /** One mail: its recipients and its raw text (headers and body). */
    public record Mail(List<String> to, String text) {}

    private final ServerSocket server;
    private final List<Mail> received = new CopyOnWriteArrayList<>();

    public FakeSmtp() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::serve, "fake-smtp");
        accepting.setDaemon(true);
        accepting.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public List<Mail> received() {
        return received;
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                talk(socket);
            } catch (IOException e) {
                // a client that went away, or the server closing
            }
        }
    }

    private void talk(Socket socket) throws IOException {
        socket.setSoTimeout(30_000);
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = socket.getOutputStream();
        say(out, "220 fake-smtp ready");
        List<String> to = new CopyOnWriteArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.length() < 4
                    ? line.toUpperCase()
                    : line.substring(0, 4).toUpperCase();
            switch (command) {
                case "EHLO", "HELO" -> say(out, "250 fake-smtp");
                case "MAIL" -> say(out, "250 OK");
                case "RCPT" -> {
                    to.add(line.replaceAll("(?i)^RCPT TO:\\s*<?([^>]*)>?.*$", "$1"));
                    say(out, "250 OK");
                }
                case "DATA" -> {
                    say(out, "354 go ahead");
                    StringBuilder text = new StringBuilder();
                    for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                        text.append(data.startsWith("..") ? data.substring(1) : data)
                                .append('\n');
                    }
                    received.add(new Mail(List.copyOf(to), text.toString()));
                    to.clear();
                    say(out, "250 kept");
                }
                case "QUIT" -> {
                    say(out, "221 bye");
                    return;
                }
                default -> say(out, "250 OK");
            }
        }
    }

    private static void say(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
