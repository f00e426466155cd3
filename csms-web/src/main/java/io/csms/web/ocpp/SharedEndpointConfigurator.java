package io.csms.web.ocpp;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands every connection the same endpoint instance, taken from CDI once. By default the WebSocket
 * container builds and injects a new instance per connection; on Payara that runs under a lock on
 * the whole bean manager and looks up every EJB reference in JNDI again, which made a reconnect
 * storm of thousands of chargers queue behind one another. {@link OcppEndpoint} keeps its
 * per-connection state in the session, so one instance serves all of them.
 */
public class SharedEndpointConfigurator extends ServerEndpointConfig.Configurator {

    private final Map<Class<?>, Object> endpoints = new ConcurrentHashMap<>();

    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) {
        return endpointClass.cast(endpoints.computeIfAbsent(
                endpointClass, type -> CDI.current().select(type).get()));
    }
}
