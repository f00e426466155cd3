package io.csms.chargepoint;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * At start-up no charger is connected to this node, whatever the database kept from before (a crash
 * or a stop leaves chargers marked online): every charger is offline until it connects again. This
 * holds while one node owns all connections; with several nodes, each will reset only the chargers
 * it owned.
 */
@Startup
@Singleton
@DependsOn("Migrations")
@TransactionManagement(TransactionManagementType.BEAN)
public class OfflineAtStartUp {

    private static final Logger LOG = Logger.getLogger(OfflineAtStartUp.class.getName());

    @Resource(lookup = "java:app/jdbc/csms")
    DataSource dataSource;

    @PostConstruct
    void markAllOffline() {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement reset =
                        connection.prepareStatement("update charger set online = false where online")) {
            int stale = reset.executeUpdate();
            if (stale > 0) {
                LOG.info(() -> stale + " chargers marked offline at start-up (none is connected yet)");
            }
        } catch (SQLException e) {
            LOG.log(Level.WARNING, "Could not mark chargers offline at start-up", e);
        }
    }
}
