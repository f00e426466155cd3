package io.csms.ocpi.console;

import io.csms.files.FileTransfers;
import io.csms.platform.TrustedProxies;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code GET /ocpi/admin/upload?id=N}: a diagnostics or log file a charger uploaded, for an operator
 * to download (audited). Under the console's login like every {@code /admin} path.
 */
@WebServlet("/admin/upload")
public class UploadDownload extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    FileTransfers transfers;

    @Inject
    ConsoleSession session;

    @Inject
    TrustedProxies proxies;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id;
        try {
            id = Long.parseLong(request.getParameter("id"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "id: the number of a transfer");
            return;
        }
        ConsoleSession.Operator operator = session.getOperator();
        if (operator == null) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        Optional<FileTransfers.Content> file =
                transfers.uploaded(id, Long.toString(operator.accountId()), proxies.clientAddress(request));
        if (file.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "No file was received for transfer " + id);
            return;
        }
        response.setContentType("application/octet-stream");
        response.setContentLengthLong(file.get().bytes().length);
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"" + file.get().fileName() + "\"");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.getOutputStream().write(file.get().bytes());
    }
}
