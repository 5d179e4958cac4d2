package io.stateway.authorizer.token;

import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /admin/v1/token-clients}: clients of the token endpoint (when it is enabled). */
@RestController
@RequestMapping("/admin/v1/token-clients")
@ConditionalOnBooleanProperty("stateway.authorizer.token-endpoint.enabled")
class TokenClientController {

    private final TokenClients clients;

    TokenClientController(TokenClients clients) {
        this.clients = clients;
    }

    /**
     * @param clientId the new client's id
     * @param scopes the scopes it may ask for
     * @param audiences the {@code aud} of its tokens; empty: its id
     */
    record CreateClient(String clientId, List<String> scopes, List<String> audiences) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    TokenClients.Created create(@RequestBody CreateClient input) {
        return clients.create(input.clientId(), input.scopes(), input.audiences());
    }

    @GetMapping
    Map<String, List<TokenClients.Created>> list() {
        return Map.of("items", clients.list());
    }

    @DeleteMapping("/{clientId}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void delete(@PathVariable String clientId) {
        clients.delete(clientId);
    }
}
