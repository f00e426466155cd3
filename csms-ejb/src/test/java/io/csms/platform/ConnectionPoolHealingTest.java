package io.csms.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ConnectionPoolHealingTest {

    /** The shape of IronJacamar's ExceptionSorter, which the sorter is made for at run time. */
    interface Sorter {
        boolean isExceptionFatal(SQLException e);
    }

    @Test
    void a_connection_the_database_closed_is_fatal_a_bad_statement_is_not() {
        Sorter sorter = (Sorter) ConnectionPoolHealing.sorter(Sorter.class);
        assertTrue(sorter.isExceptionFatal(new SQLException("This connection has been closed.", "08003")));
        assertTrue(sorter.isExceptionFatal(new SQLException("I/O error", "08006")));
        assertTrue(sorter.isExceptionFatal(new SQLException("terminating connection", "57P01")));
        assertFalse(sorter.isExceptionFatal(new SQLException("duplicate key", "23505")));
        assertFalse(sorter.isExceptionFatal(new SQLException("syntax", "42601")));
    }
}
