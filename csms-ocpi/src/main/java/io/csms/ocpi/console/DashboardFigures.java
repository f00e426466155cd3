package io.csms.ocpi.console;

import io.csms.transaction.Transactions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * The dashboard's sessions and energy per day, read at most every {@value #MAX_AGE_SECONDS} s
 * whatever the number of dashboards open and refreshing every few seconds: two weeks of
 * transactions are summed once for all of them.
 */
@ApplicationScoped
public class DashboardFigures {

    static final int MAX_AGE_SECONDS = 30;

    @Inject
    Transactions transactions;

    private record Read(long atNanos, int days, List<Transactions.Day> figures) {}

    private volatile Read last;

    public List<Transactions.Day> perDay(int days) {
        Read read = last;
        long now = System.nanoTime();
        if (read == null || read.days() != days || now - read.atNanos() > MAX_AGE_SECONDS * 1_000_000_000L) {
            read = new Read(now, days, transactions.perDay(days));
            last = read;
        }
        return read.figures();
    }
}
