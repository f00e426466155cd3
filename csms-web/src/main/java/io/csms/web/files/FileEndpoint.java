package io.csms.web.files;

import io.csms.files.FileTransfers;
import io.csms.platform.FailureThrottle;
import io.csms.platform.TrustedProxies;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code /csms/files/<token>[/<name>]}: a charger's end of a file transfer. GET returns the firmware
 * image a download token opens; POST or PUT stores the diagnostics or log file an upload token is
 * for, sent as the body or as the file part of a multipart form (what chargers do). The token is
 * the only credential, 256 random bits given to the one charger told to use it; an address that
 * tries tokens that open nothing is throttled. Errors are problem+json like the API's.
 */
@WebServlet(urlPatterns = "/files/*")
// a multipart upload larger than the largest allowed file (csms.files.max-upload-bytes, at most this)
// is refused while it is read; small parts stay in memory, larger ones go to a temporary file
@MultipartConfig(
        maxFileSize = FileEndpoint.MAX_PART,
        maxRequestSize = FileEndpoint.MAX_PART + 65536,
        fileSizeThreshold = 1 << 20)
public class FileEndpoint extends HttpServlet {

    /** The largest multipart file part the container parses at all: 256 MiB. */
    static final long MAX_PART = 256L << 20;

    private static final long serialVersionUID = 1L;

    /** Failed tokens an address may try within ten minutes. */
    private static final int ALLOWED_FAILURES = 20;

    private static final FailureThrottle FAILURES = new FailureThrottle(Duration.ofMinutes(10), ALLOWED_FAILURES);

    @Inject
    FileTransfers transfers;

    @Inject
    TrustedProxies proxies;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> token = token(request, response);
        if (token.isEmpty()) {
            return;
        }
        Optional<FileTransfers.Image> image = transfers.download(token.get());
        if (image.isEmpty()) {
            refused(request, response, HttpServletResponse.SC_NOT_FOUND, "No file here, or its link has expired");
            return;
        }
        byte[] bytes = content(image.get().firmwareId());
        response.setContentType("application/octet-stream");
        response.setContentLengthLong(bytes.length);
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"" + image.get().name() + "\"");
        response.setHeader(
                "Digest",
                "sha-256="
                        + java.util.Base64.getEncoder()
                                .encodeToString(java.util.HexFormat.of()
                                        .parseHex(image.get().sha256())));
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(bytes);
    }

    /**
     * The image's bytes, read once while chargers fetch it: a rollout to many chargers holds one copy
     * in memory (softly: the heap may take it back), not one per download.
     */
    private byte[] content(long firmwareId) {
        byte[] bytes = cached(firmwareId);
        if (bytes != null) {
            return bytes;
        }
        // one reading of the database per image: the chargers of a rollout that miss together wait for it
        synchronized (IMAGES) {
            bytes = cached(firmwareId);
            if (bytes == null) {
                bytes = transfers.content(firmwareId);
                if (IMAGES.size() >= 4) {
                    IMAGES.clear();
                }
                IMAGES.put(firmwareId, new java.lang.ref.SoftReference<>(bytes));
            }
            return bytes;
        }
    }

    private static byte[] cached(long firmwareId) {
        java.lang.ref.SoftReference<byte[]> cached = IMAGES.get(firmwareId);
        return cached == null ? null : cached.get();
    }

    private static final java.util.Map<Long, java.lang.ref.SoftReference<byte[]>> IMAGES =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        upload(request, response);
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        upload(request, response);
    }

    private void upload(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        Optional<String> token = token(request, response);
        if (token.isEmpty()) {
            return;
        }
        // nothing of the body is read for a link that takes no upload (unknown, expired, used)
        Optional<FileTransfers.Received> refusal = transfers.refusesUpload(token.get());
        if (refusal.isPresent()) {
            answer(request, response, refusal.get(), transfers.maxUploadBytes());
            return;
        }
        long max = transfers.maxUploadBytes();
        if (request.getContentLengthLong() > max) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "At most " + max + " bytes");
            return;
        }
        String contentType = request.getContentType();
        String name = null;
        byte[] content;
        if (contentType != null
                && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            Part file;
            try {
                file = request.getParts().stream()
                        .filter(p -> p.getSubmittedFileName() != null)
                        .findFirst()
                        .orElse(null);
            } catch (IllegalStateException tooLarge) {
                // past @MultipartConfig's limits
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "At most " + max + " bytes");
                return;
            }
            if (file == null) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST, "The form has no file");
                return;
            }
            name = file.getSubmittedFileName();
            try (InputStream in = file.getInputStream()) {
                content = read(in, max);
            }
        } else {
            name = pathName(request);
            try (InputStream in = request.getInputStream()) {
                content = read(in, max);
            }
        }
        if (content == null) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "At most " + max + " bytes");
            return;
        }
        answer(request, response, transfers.receive(token.get(), name, content), max);
    }

    private void answer(
            HttpServletRequest request, HttpServletResponse response, FileTransfers.Received result, long max)
            throws IOException {
        switch (result) {
            case STORED -> response.setStatus(HttpServletResponse.SC_CREATED);
            case ALREADY_RECEIVED ->
                response.sendError(HttpServletResponse.SC_CONFLICT, "This upload has been received already");
            case TOO_LARGE ->
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "At most " + max + " bytes");
            case UNKNOWN ->
                refused(
                        request,
                        response,
                        HttpServletResponse.SC_NOT_FOUND,
                        "No upload is expected here, or it expired");
        }
    }

    /** The token of the path, or empty once an answer (a 404, or 429 for a throttled address) was sent. */
    private Optional<String> token(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<Duration> blocked = FAILURES.blocked(new FailureThrottle.Limit(address(request), ALLOWED_FAILURES));
        if (blocked.isPresent()) {
            response.setHeader(
                    "Retry-After", Long.toString(Math.max(1, blocked.get().toSeconds())));
            response.sendError(429, "Too many unknown file links from this address");
            return Optional.empty();
        }
        String path = request.getPathInfo();
        String token = path == null ? "" : path.substring(1).split("/", 2)[0];
        if (!token.matches("[A-Za-z0-9_-]{43}")) {
            refused(request, response, HttpServletResponse.SC_NOT_FOUND, "No file here");
            return Optional.empty();
        }
        return Optional.of(token);
    }

    private void refused(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        FAILURES.failed(address(request));
        response.sendError(status, message);
    }

    private String address(HttpServletRequest request) {
        return proxies.clientAddress(request);
    }

    /** The name after the token in the path, if the charger put one there. */
    private static String pathName(HttpServletRequest request) {
        String[] parts = request.getPathInfo().substring(1).split("/", 2);
        return parts.length == 2 && !parts[1].isBlank() ? parts[1] : null;
    }

    /** The stream's bytes, or null when there are more than {@code max}. */
    private static byte[] read(InputStream in, long max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            total += n;
            if (total > max) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
