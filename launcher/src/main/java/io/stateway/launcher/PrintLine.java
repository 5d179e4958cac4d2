package io.stateway.launcher;

/** Where the launcher tells the user what it does (the terminal; a buffer in tests). */
@FunctionalInterface
interface PrintLine {
    void println(String line);
}
