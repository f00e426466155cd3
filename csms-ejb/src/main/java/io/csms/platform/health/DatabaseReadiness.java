package io.csms.platform.health;

import io.csms.platform.DatabaseStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
    DatabaseStatus database;

    @Override
    public HealthCheckResponse call() {
        DatabaseStatus.Status status = database.check();
        var response = HealthCheckResponse.named("database")
                .status(status.ready())
                .withData("schema", status.schema() == null ? "not migrated" : status.schema());
        if (status.error() != null) {
            response.withData("error", status.error());
        } else {
            response.withData("migrations", status.migrations());
        }
        return response.build();
    }
}
