package io.csms.platform;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Makes WildFly's pool drop connections that PostgreSQL broke. WildFly builds the EAR's datasource
 * (ejb-jar.xml) without an exception sorter, and a deployment cannot ask for one: after PostgreSQL
 * restarts, every pooled connection would fail for ever, as no error counts as fatal to its
 * connection. At start-up the pool's connection factory is given an exception sorter that counts
 * what {@link Failures#databaseUnreachable} counts (reached by reflection from the datasource); a
 * broken connection then fails once and is replaced. Payara
 * validates and drops connections itself (ejb-jar.xml), so nothing is done there, nor on a server
 * whose datasource looks otherwise.
 */
@Startup
@Singleton
public class ConnectionPoolHealing {

    private static final Logger LOG = Logger.getLogger(ConnectionPoolHealing.class.getName());

    @Resource(lookup = "java:app/jdbc/csms")
    DataSource dataSource;

    @PostConstruct
    void heal() {
        try {
            Object wrapper = field(dataSource, "delegate"); // WildFlyDataSource → IronJacamar's WrapperDataSource
            Object factory = wrapper == null ? null : field(wrapper, "mcf"); // its managed connection factory
            if (factory == null) {
                return;
            }
            Field sorter = declared(factory.getClass(), "exceptionSorter");
            if (sorter == null) {
                return;
            }
            sorter.setAccessible(true);
            sorter.set(factory, sorter(sorter.getType()));
            LOG.info("Connection pool: a connection whose database went away is now replaced");
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "Connection pool: could not set an exception sorter; after a database restart,"
                            + " redeploy or flush the pool",
                    e);
        }
    }

    /**
     * IronJacamar's ExceptionSorter (an interface with one method, {@code isExceptionFatal(SQLException)})
     * deciding as {@link Failures#databaseUnreachable} does. Its own PostgreSQL sorter counts only
     * SQLState 08006, while pgjdbc reports a connection that PostgreSQL closed with 57P01 or, once
     * closed, 08003.
     */
    static Object sorter(Class<?> type) {
        InvocationHandler decide = (proxy, method, args) -> switch (method.getName()) {
            case "isExceptionFatal" -> args[0] instanceof SQLException e && Failures.databaseUnreachable(e);
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "toString" -> "csms database-unreachable exception sorter";
            default -> throw new UnsupportedOperationException(method.getName());
        };
        return Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, decide);
    }

    /** The value of the instance field {@code name} of {@code target} or a superclass; null when there is none. */
    private static Object field(Object target, String name) throws IllegalAccessException {
        Field field = declared(target.getClass(), name);
        if (field == null) {
            return null;
        }
        field.setAccessible(true);
        return field.get(target);
    }

    private static Field declared(Class<?> start, String name) {
        for (Class<?> type = start; type != null; type = type.getSuperclass()) {
            try {
                return type.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                // look further up
            }
        }
        return null;
    }
}
