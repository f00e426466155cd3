package io.csms.location;

import io.csms.chargepoint.ConnectorStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Hands each batch of StatusNotifications to {@link EvseStatuses}, in the transaction that stores
 * them. A plain CDI bean observes, not the session bean itself: an observer that is a session bean
 * costs a bean lookup on every event, one this bean made once, at injection.
 */
@ApplicationScoped
public class ConnectorStatusFollower {

    @Inject
    EvseStatuses statuses;

    void connectorsReported(@Observes ConnectorStatusChanged reported) {
        statuses.connectorReported(reported);
    }
}
