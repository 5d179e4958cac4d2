package io.stateway.gateway.catalog;

import io.stateway.gateway.api.openapi.ApiFinding;
import java.util.List;

/**
 * A refused catalog operation, named by its AWS error code ({@code NotFoundException}, ...); the admin API
 * turns the code into the HTTP status, once.
 */
public class CatalogException extends RuntimeException {

    private final Code code;
    private final List<ApiFinding> findings;

    public CatalogException(Code code, String message) {
        this(code, message, List.of());
    }

    public CatalogException(Code code, String message, List<ApiFinding> findings) {
        super(message);
        this.code = code;
        this.findings = List.copyOf(findings);
    }

    public Code code() {
        return code;
    }

    /** The document problems behind a {@link Code#BadRequestException}, each with its location. */
    public List<ApiFinding> findings() {
        return findings;
    }

    static CatalogException notFound(String what, String id) {
        return new CatalogException(Code.NotFoundException, "Invalid " + what + " identifier specified: " + id);
    }

    /** AWS's error codes of the API Gateway control plane, with their HTTP status. */
    public enum Code {
        BadRequestException(400),
        NotFoundException(404),
        ConflictException(409);

        private final int status;

        Code(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
