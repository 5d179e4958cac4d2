package io.stateway.gateway.routing;

import io.stateway.gateway.catalog.CatalogSnapshot;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** API keys by their HMAC: which stages each may call. Keys themselves are never held. */
public final class ApiKeyGrants {

    private final Map<ByteBuffer, CatalogSnapshot.KeyGrant> byHash = new HashMap<>();

    ApiKeyGrants(List<CatalogSnapshot.KeyGrant> grants) {
        grants.forEach(grant -> byHash.put(ByteBuffer.wrap(grant.hash()), grant));
    }

    /** The grant of the key with this HMAC, if any. */
    public Optional<CatalogSnapshot.KeyGrant> find(byte[] hash) {
        CatalogSnapshot.KeyGrant grant = byHash.get(ByteBuffer.wrap(hash));
        // The map finds the candidate; the comparison that admits it is constant-time.
        return grant != null && MessageDigest.isEqual(grant.hash(), hash) ? Optional.of(grant) : Optional.empty();
    }
}
