package io.csms.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Many rows written by one statement: each column's values travel as one array, which PostgreSQL
 * unnests into rows ({@code insert ... select * from unnest(...)}). One statement text for any
 * number of rows, planned once, and executed once per batch rather than once per row as a JDBC
 * batch of single-row inserts is: the database's cost per row drops to the row and its indexes.
 * Columns left out take their defaults (an identity id, say).
 */
public final class ArrayInsert {

    /** A column, its values, the array type they are sent as, and the parameter that reads them. */
    private record Column(String name, Object[] values, String elementType, String parameter) {}

    private final String table;
    private final List<Column> columns = new ArrayList<>();
    private String conflict = "";

    private ArrayInsert(String table) {
        this.table = table;
    }

    /** Rows for {@code table}; add every column with the same number of values. */
    public static ArrayInsert into(String table) {
        return new ArrayInsert(table);
    }

    /** A text column (varchar or text); null elements are SQL nulls. */
    public ArrayInsert text(String name, String[] values) {
        return add(new Column(name, values, "text", "cast(? as text[])"));
    }

    /** An integer column; null elements are SQL nulls. */
    public ArrayInsert integer(String name, Integer[] values) {
        return add(new Column(name, values, "int4", "cast(? as int4[])"));
    }

    /** A timestamptz column; null elements are SQL nulls. Sent as ISO-8601 text, read by PostgreSQL to the microsecond. */
    public ArrayInsert timestamp(String name, Instant[] values) {
        String[] text = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            text[i] = values[i] == null ? null : values[i].toString();
        }
        return add(new Column(name, text, "text", "cast(cast(? as text[]) as timestamptz[])"));
    }

    /** What follows the insert, e.g. {@code on conflict (...) do update set ...}. */
    public ArrayInsert then(String clause) {
        this.conflict = " " + clause;
        return this;
    }

    private ArrayInsert add(Column column) {
        if (!columns.isEmpty() && columns.get(0).values().length != column.values().length) {
            throw new IllegalArgumentException(column.name() + ": " + column.values().length + " values, not "
                    + columns.get(0).values().length);
        }
        columns.add(column);
        return this;
    }

    /** The statement, with one array parameter per column. */
    String sql() {
        StringJoiner names = new StringJoiner(", ");
        StringJoiner arrays = new StringJoiner(", ");
        for (Column column : columns) {
            names.add(column.name());
            arrays.add(column.parameter());
        }
        return "insert into " + table + " (" + names + ") select * from unnest(" + arrays + ")" + conflict;
    }

    /** Writes the rows on {@code connection} (the transaction's); no statement when there are none. */
    public int execute(Connection connection) throws SQLException {
        if (columns.isEmpty() || columns.get(0).values().length == 0) {
            return 0;
        }
        try (PreparedStatement insert = connection.prepareStatement(sql())) {
            for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                insert.setArray(i + 1, connection.createArrayOf(column.elementType(), column.values()));
            }
            return insert.executeUpdate();
        }
    }
}
