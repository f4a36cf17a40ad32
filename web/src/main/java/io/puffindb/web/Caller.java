package io.puffindb.web;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;

/** Who sent a request: a user of the token file or environment, or, without authentication, the local user (who sees everything). */
record Caller(String name, boolean admin) {
    static final Caller LOCAL = new Caller("local", true);
    private static final String ATTRIBUTE = "puffindb.caller";

    Caller {
        requireNonNull(name, "name is null");
    }

    /** Whether this caller may see or cancel a query started by {@code owner}. */
    boolean mayAct(String owner) {
        return admin || name.equals(owner);
    }

    void attachTo(Context ctx) {
        ctx.attribute(ATTRIBUTE, this);
    }

    /** The caller the authentication filter attached to this request. */
    static Caller of(Context ctx) {
        Caller caller = ctx.attribute(ATTRIBUTE);
        return requireNonNull(caller, "no caller: the route was not declared through HttpServer's route table");
    }
}
