package io.csms.platform.http;

import io.csms.platform.TrustedProxies;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The base of each WAR's hardening filter: security headers on every answer ({@code nosniff}, no
 * framing, no referrer, HSTS over TLS) and request bodies of at most {@link #maxBodyBytes()}
 * (larger: 413 before the body is read; a chunked body that grows beyond it fails when read). A
 * WebSocket upgrade passes untouched.
 */
public abstract class HardenedHttp extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The largest request body this door reads. */
    protected abstract long maxBodyBytes();

    /** Answers a body announced larger than {@code max} (413); a door with its own error format overrides this. */
    protected void tooLarge(HttpServletResponse response, long max) throws IOException {
        response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "At most " + max + " bytes");
    }

    @Inject
    TrustedProxies proxies;

    /** Whether the client reached us over TLS (itself, or at a trusted proxy that says so). */
    protected boolean secure(HttpServletRequest request) {
        return proxies.secure(request);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        if (secure(request)) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        long length = request.getContentLengthLong();
        long max = maxBodyBytes();
        if (length > max) {
            // the body is not read: the connection cannot carry another request after it
            response.setHeader("Connection", "close");
            tooLarge(response, max);
            return;
        }
        chain.doFilter(length < 0 ? new Bounded(request, max) : request, response);
    }

    /** A request whose body (of unknown length) fails once it passes the bound. */
    private static final class Bounded extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        count(b < 0 ? 0 : 1);
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > max) {
                            throw new IOException("Request body larger than " + max + " bytes");
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
