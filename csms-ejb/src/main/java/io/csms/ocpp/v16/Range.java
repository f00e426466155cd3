package io.csms.ocpp.v16;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An integer the OCPP 1.6 text bounds where the schema says only "integer" (a connector id is 0 for
 * the charger as a whole, above 0 for a connector); outside → PropertyConstraintViolation.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface Range {

    /**
     * The highest connector id a charger may report: connectors are rows, so a charger cannot make
     * the CSMS store a connector for every number it sends.
     */
    int MAX_CONNECTOR_ID = 100;

    long min() default Long.MIN_VALUE;

    long max() default Long.MAX_VALUE;
}
