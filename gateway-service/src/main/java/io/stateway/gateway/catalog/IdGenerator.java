package io.stateway.gateway.catalog;

/** Where new ids come from; randomness is an input, so tests can fix it. */
public interface IdGenerator {

    /** A new id of the given length, lower-case letters and digits (API Gateway's style). */
    String id(int length);
}
