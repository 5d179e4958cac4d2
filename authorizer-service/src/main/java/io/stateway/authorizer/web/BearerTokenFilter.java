package io.stateway.authorizer.web;

import io.stateway.authorizer.AuthorizerProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admits {@code /admin/**} only with the admin token and {@code /internal/**} only with the
 * internal token (the gateway's), as {@code Authorization: Bearer <token>}, compared in constant
 * time; anything else answers 401 {@code UnauthorizedException} before a controller runs. Without a
 * configured internal token, {@code /internal/**} admits nobody.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BearerTokenFilter extends OncePerRequestFilter {

    private final byte[] adminToken;
    private final byte[] internalToken;

    BearerTokenFilter(AuthorizerProperties properties) {
        this.adminToken = AdminToken.resolve(properties.admin()).getBytes(StandardCharsets.UTF_8);
        this.internalToken = properties.internal().token().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        byte[] required =
                path.startsWith("/admin/") ? adminToken : path.startsWith("/internal/") ? internalToken : null;
        if (required != null
                && (required.length == 0 || !carries(request.getHeader(HttpHeaders.AUTHORIZATION), required))) {
            response.setStatus(401);
            response.setHeader("x-amzn-ErrorType", "UnauthorizedException");
            response.setContentType("application/json");
            response.getWriter().write("{\"message\":\"Unauthorized\"}");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean carries(String authorization, byte[] token) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return MessageDigest.isEqual(authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8), token);
    }
}
