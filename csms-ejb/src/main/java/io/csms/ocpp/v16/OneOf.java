package io.csms.ocpp.v16;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An OCPP 1.6 enumeration (values such as {@code Energy.Active.Import.Register} are no Java names); else PropertyConstraintViolation. */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface OneOf {
    String[] value();
}
