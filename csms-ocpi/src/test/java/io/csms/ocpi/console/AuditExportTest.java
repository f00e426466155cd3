package io.csms.ocpi.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The audit export's CSV fields: quoted where RFC 4180 needs it, never a spreadsheet formula. */
class AuditExportTest {

    @Test
    void fields_are_quoted_where_needed() {
        assertEquals("auth.login", AuditExport.csv("auth.login"));
        assertEquals("\"a, b\"", AuditExport.csv("a, b"));
        assertEquals("\"say \"\"hi\"\"\"", AuditExport.csv("say \"hi\""));
        assertEquals("\"two\nlines\"", AuditExport.csv("two\nlines"));
        assertEquals("", AuditExport.csv(null));
    }

    @Test
    void a_formula_is_never_run_by_a_spreadsheet() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", AuditExport.csv("=HYPERLINK(\"x\")"));
        assertEquals("'+1", AuditExport.csv("+1"));
        assertEquals("'@SUM(A1)", AuditExport.csv("@SUM(A1)"));
    }
}
