package io.csms.ocpi.console;

import jakarta.el.ELContext;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets the pages read records' components ({@code #{entry.action}} calls {@code action()}): the
 * expression language of Faces 4.0 knows only bean getters. Read-only, as records are.
 */
public class RecordProperties extends ELResolver {

    private static final Map<Class<?>, Map<String, RecordComponent>> COMPONENTS = new ConcurrentHashMap<>();

    private static RecordComponent component(Object base, Object property) {
        if (base == null || property == null || !base.getClass().isRecord()) {
            return null;
        }
        return COMPONENTS
                .computeIfAbsent(base.getClass(), type -> {
                    Map<String, RecordComponent> byName = new ConcurrentHashMap<>();
                    for (RecordComponent c : type.getRecordComponents()) {
                        byName.put(c.getName(), c);
                    }
                    return byName;
                })
                .get(property.toString());
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        RecordComponent component = component(base, property);
        if (component == null) {
            return null;
        }
        try {
            Object value = component.getAccessor().invoke(base);
            context.setPropertyResolved(base, property);
            return value;
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new jakarta.el.ELException(
                    "Cannot read " + property + " of " + base.getClass().getSimpleName(), e);
        }
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        RecordComponent component = component(base, property);
        if (component != null) {
            context.setPropertyResolved(base, property);
        }
        return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (component(base, property) != null) {
            throw new PropertyNotWritableException(property + " of a record cannot be set");
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (component(base, property) != null) {
            context.setPropertyResolved(base, property);
            return true;
        }
        return false;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base != null && base.getClass().isRecord() ? String.class : null;
    }
}
