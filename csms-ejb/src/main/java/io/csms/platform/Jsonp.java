package io.csms.platform;

import jakarta.json.spi.JsonProvider;

/**
 * The JSON-P provider, looked up once. {@code Jsonp.JSON.createReader}, {@code Jsonp.JSON.createObjectBuilder}
 * and the other static methods of {@code jakarta.json.Json} look the provider up again on every call
 * (a {@code ServiceLoader} scan of the application's class path), which the roaming benchmark found
 * costing more CPU than the rest of a push; everything here uses this instance instead.
 */
public final class Jsonp {

    public static final JsonProvider JSON = JsonProvider.provider();

    private Jsonp() {}
}
