package io.csms.ocpi;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.net.ssl.SSLSession;

/**
 * The TLS 1.3 exporter material of a request's connection (RFC 8446 §7.5, label {@value #LABEL},
 * empty context, 32 bytes), which binds a TOTP value to that connection (Open Charging Technology
 * TOTP token format §6). Java has the exporter from version 25 on ({@code
 * ExtendedSSLSession.exportKeyingMaterialData}); servlet containers do not hand out the TLS session,
 * so it is reached through the container's own request (Undertow on WildFly, Grizzly on Payara), by
 * reflection so that the WAR depends on neither. Null whenever any of that is not available (Java
 * 17, TLS ended at a proxy, TLS 1.2): a bound value is then refused, never checked as unbound.
 */
final class TlsExporter {

    static final String LABEL = "EXPORTER-Time-Based-One-Time-Password-v1";
    private static final Logger LOG = Logger.getLogger(TlsExporter.class.getName());
    private static final Method EXPORT = exporter();

    private TlsExporter() {}

    static byte[] material(ServletRequest request) {
        if (EXPORT == null || !request.isSecure()) {
            return null;
        }
        try {
            SSLSession session = session(request);
            if (session == null || !"TLSv1.3".equals(session.getProtocol())) {
                return null;
            }
            return (byte[]) EXPORT.invoke(session, LABEL, new byte[0], 32);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.FINE, "No TLS exporter material for this request", e);
            return null;
        }
    }

    private static Method exporter() {
        try {
            return Class.forName("javax.net.ssl.ExtendedSSLSession")
                    .getMethod("exportKeyingMaterialData", String.class, byte[].class, int.class);
        } catch (ReflectiveOperationException e) {
            return null; // before Java 25
        }
    }

    private static SSLSession session(ServletRequest request) throws ReflectiveOperationException {
        SSLSession undertow = undertow();
        if (undertow != null) {
            return undertow;
        }
        ServletRequest inner = request;
        while (inner instanceof ServletRequestWrapper wrapper) {
            inner = wrapper.getRequest();
        }
        return grizzly(inner);
    }

    /** WildFly: the exchange of the current request, its connection's TLS session. */
    private static SSLSession undertow() throws ReflectiveOperationException {
        Class<?> context;
        try {
            context = Class.forName("io.undertow.servlet.handlers.ServletRequestContext");
        } catch (ClassNotFoundException e) {
            return null;
        }
        Object current = context.getMethod("current").invoke(null);
        if (current == null) {
            return null;
        }
        Object exchange = context.getMethod("getExchange").invoke(current);
        Object connection = Class.forName("io.undertow.server.HttpServerExchange", true, context.getClassLoader())
                .getMethod("getConnection")
                .invoke(exchange);
        Object info = Class.forName("io.undertow.server.ServerConnection", true, context.getClassLoader())
                .getMethod("getSslSessionInfo")
                .invoke(connection);
        if (info == null) {
            return null;
        }
        return (SSLSession) Class.forName("io.undertow.server.SSLSessionInfo", true, context.getClassLoader())
                .getMethod("getSSLSession")
                .invoke(info);
    }

    /** Payara: catalina's request under the facade, Grizzly's under that, its connection's SSL engine. */
    private static SSLSession grizzly(ServletRequest facade) throws ReflectiveOperationException {
        Method unwrapped;
        try {
            unwrapped = facade.getClass().getMethod("getUnwrappedCoyoteRequest");
        } catch (NoSuchMethodException e) {
            return null;
        }
        Object catalina = unwrapped.invoke(facade);
        Object grizzlyRequest =
                catalina.getClass().getMethod("getCoyoteRequest").invoke(catalina);
        ClassLoader loader = grizzlyRequest.getClass().getClassLoader();
        Object connection = Class.forName("org.glassfish.grizzly.http.server.Request", true, loader)
                .getMethod("getConnection")
                .invoke(grizzlyRequest);
        Class<?> sslUtils = Class.forName("org.glassfish.grizzly.ssl.SSLUtils", true, loader);
        Object engine = sslUtils.getMethod(
                        "getSSLEngine", Class.forName("org.glassfish.grizzly.Connection", true, loader))
                .invoke(null, connection);
        return engine == null ? null : ((javax.net.ssl.SSLEngine) engine).getSession();
    }
}
