package io.csms.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A charger on a bare TCP socket: a handshake with any raw path (bytes a WebSocket library would
 * refuse to send), from any loopback address, and frames written by hand, for chargers that
 * misbehave: they pipeline, never read, or connect from many addresses. Frames are text, masked as
 * RFC 6455 requires of a client.
 */
public final class RawCharger implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final int status;

    private RawCharger(Socket socket, int status) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.status = status;
    }

    /**
     * Sends a WebSocket upgrade for {@code rawPath} (sent as given, after {@code /csms/ocpp/}) from
     * {@code localAddress}, with Basic credentials when {@code password} is not null, offering
     * ocpp1.6; reads the status line and headers. {@code receiveBuffer} (bytes, 0 for the default)
     * shrinks the socket's receive window, for a charger that stops reading.
     */
    public static RawCharger handshake(
            String localAddress, String rawPath, String user, String password, int receiveBuffer) {
        URI base = URI.create(ServerUnderTest.baseUrl());
        Socket socket = new Socket();
        try {
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.setSoTimeout(15_000);
            StringBuilder request = new StringBuilder()
                    .append("GET /csms/ocpp/")
                    .append(rawPath)
                    .append(" HTTP/1.1\r\n")
                    .append("Host: ")
                    .append(base.getHost())
                    .append(':')
                    .append(base.getPort())
                    .append("\r\n")
                    .append("Upgrade: websocket\r\nConnection: Upgrade\r\n")
                    .append("Sec-WebSocket-Version: 13\r\n")
                    .append("Sec-WebSocket-Protocol: ocpp1.6\r\n")
                    .append("Sec-WebSocket-Key: ")
                    .append(Base64.getEncoder().encodeToString(bytes(16)))
                    .append("\r\n");
            if (password != null) {
                request.append("Authorization: Basic ")
                        .append(Base64.getEncoder()
                                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                        .append("\r\n");
            }
            request.append("\r\n");
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String head = readHead(socket.getInputStream());
            int status = Integer.parseInt(head.split(" ", 3)[1]);
            return new RawCharger(socket, status);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw new UncheckedIOException(e);
        }
    }

    /** The status of a handshake from {@code localAddress} for {@code rawPath}; the socket is closed. */
    public static int status(String localAddress, String rawPath, String user, String password) {
        try (RawCharger charger = handshake(localAddress, rawPath, user, password, 0)) {
            return charger.status();
        }
    }

    public int status() {
        return status;
    }

    /** Writes one masked text frame. */
    public void send(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65_536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift) & 0xFF);
            }
        }
        byte[] mask = bytes(4);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
    }

    /** Reads the next frame's payload as text (a close frame gives its code as "close:NNNN"). */
    public String read() throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new IOException("closed");
        }
        int second = in.read();
        long length = second & 0x7F;
        if (length == 126) {
            length = (in.read() << 8) | in.read();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | in.read();
            }
        }
        byte[] payload = in.readNBytes((int) length);
        int opcode = first & 0x0F;
        if (opcode == 0x8) {
            return "close:" + (payload.length >= 2 ? ((payload[0] & 0xFF) << 8 | (payload[1] & 0xFF)) : 1005);
        }
        if (opcode == 0x9 || opcode == 0xA) {
            return read(); // pings and pongs: not what the tests look at
        }
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
