package io.csms.platform.health;

import io.csms.platform.Migrations;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready means: the migrations ran at startup and the database answers now. Load balancers and the
 * run command wait for this before sending traffic.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    @Inject
    Migrations migrations;

    @Resource(lookup = "java:app/jdbc/csms")
    DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("database");
        String version = migrations.schemaVersion();
        if (version == null) {
            return response.down().withData("schema", "not migrated").build();
        }
        response.withData("schema", version);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement ping = connection.prepareStatement("select count(*) from flyway_schema_history where success")) {
            ping.setQueryTimeout(2);
            try (ResultSet rs = ping.executeQuery()) {
                rs.next();
                return response.up().withData("migrations", rs.getLong(1)).build();
            }
        } catch (SQLException e) {
            return response.down().withData("error", e.getClass().getSimpleName()).build();
        }
    }
}
