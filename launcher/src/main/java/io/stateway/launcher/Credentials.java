package io.stateway.launcher;

/**
 * A PostgreSQL login.
 *
 * @param user the role
 * @param password its password, empty where the server does not ask (the embedded server trusts
 *     local connections)
 */
record Credentials(String user, String password) {

    Credentials {
        password = password == null ? "" : password;
    }
}
