package io.csms.platform;

import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Whether the database can serve the application now: migrated at startup, and answering. */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseStatus {

    /** {@code schema} is null while migrations have not completed; {@code error} is set when the database does not answer. */
    public record Status(String schema, long migrations, String error) {

        public boolean ready() {
            return schema != null && error == null;
        }
    }

    @Inject
    Migrations migrations;

    @Resource(lookup = "java:app/jdbc/csms")
    DataSource dataSource;

    public Status check() {
        String schema = migrations.schemaVersion();
        if (schema == null) {
            return new Status(null, 0, null);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ping =
                        connection.prepareStatement("select count(*) from flyway_schema_history where success")) {
            ping.setQueryTimeout(2);
            try (ResultSet rs = ping.executeQuery()) {
                rs.next();
                return new Status(schema, rs.getLong(1), null);
            }
        } catch (SQLException e) {
            return new Status(schema, 0, e.getClass().getSimpleName());
        }
    }
}
