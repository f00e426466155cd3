package io.csms.web.api;

/** The roles a token's {@code groups} claim may carry. */
public final class Roles {

    public static final String USER = "user";
    public static final String ADMIN = "admin";
    public static final String ROOT = "root";

    private Roles() {}
}
