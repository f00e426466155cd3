package io.csms.ocpi.console;

import io.csms.audit.AuditLog;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * {@code GET /ocpi/admin/audit.csv}: the audit log as CSV (RFC 4180), filtered as the audit page is
 * (from, to, actor, action, target), newest first, at most 100,000 events. Under the console's
 * login like every {@code /admin} path; it changes nothing.
 */
@WebServlet("/admin/audit.csv")
public class AuditExport extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final int PAGE = 1000;
    private static final int MAX = 100_000;

    @Inject
    AuditLog auditLog;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuditLog.Filter filter;
        try {
            filter = new AuditLog.Filter(
                    AuditPage.instant(request.getParameter("from")),
                    AuditPage.instant(request.getParameter("to")),
                    request.getParameter("actor"),
                    request.getParameter("action"),
                    request.getParameter("target"));
        } catch (DateTimeParseException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST, "from and to: ISO-8601 instants");
            return;
        }
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"audit.csv\"");
        PrintWriter out = response.getWriter();
        out.print("time,actor_type,actor,action,target,outcome,client_address,detail\r\n");
        for (int offset = 0; offset < MAX; offset += PAGE) {
            List<AuditLog.Entry> page = auditLog.page(filter, offset, PAGE);
            for (AuditLog.Entry e : page) {
                out.print(String.join(
                                ",",
                                List.of(
                                        csv(e.at().toString()),
                                        csv(e.actorType()),
                                        csv(e.actorId()),
                                        csv(e.action()),
                                        csv(e.target()),
                                        csv(e.outcome()),
                                        csv(e.clientAddress()),
                                        csv(e.detail())))
                        + "\r\n");
            }
            if (page.size() < PAGE) {
                break;
            }
        }
    }

    /**
     * One CSV field: quoted where needed; a field that a spreadsheet would run as a formula is
     * prefixed with an apostrophe (CSV injection).
     */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        String text = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\""
                : text;
    }
}
