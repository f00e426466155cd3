package io.csms.platform;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.HashSet;
import java.util.Set;

/** What a failure was, for logs that must not quote data, and whether it means the database is out of reach. */
public final class Failures {

    private Failures() {}

    /** The chain of exception classes (and the SQLState of a database error), without any message. */
    public static String summary(Throwable failure) {
        StringBuilder out = new StringBuilder();
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (!out.isEmpty()) {
                out.append(" ← ");
            }
            out.append(t.getClass().getSimpleName());
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                out.append(" (SQLState ").append(sql.getSQLState()).append(')');
            }
        }
        return out.toString();
    }

    /**
     * Whether the failure says the database cannot be reached (no connection, a broken one, a
     * timeout), rather than that this one write was wrong: retrying items one by one would only
     * multiply the waits.
     */
    public static boolean databaseUnreachable(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof SQLRecoverableException
                    || t instanceof java.sql.SQLTimeoutException) {
                return true;
            }
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08")
                            || sql.getSQLState().equals("57P01")
                            || sql.getSQLState().equals("57P03"))) {
                return true;
            }
            String name = t.getClass().getName();
            // Hibernate's and the servers' pool wrappers, without depending on them
            if (name.endsWith("JDBCConnectionException")
                    || name.endsWith("PoolingException")
                    || name.endsWith("ResourceException")) {
                return true;
            }
        }
        return false;
    }
}
