package io.leakdrill.crm.session;

import io.leakdrill.crm.data.CrmRepository;
import io.leakdrill.crm.data.Deal;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/** Logs users in: builds their context from the repository and registers the session in the cache. */
public final class LoginService {

    private static final Set<String> REP_PERMISSIONS = Set.of("customers:read", "deals:read", "deals:write",
            "reports:export");

    private final CrmRepository repository;
    private final SessionCacheSlot sessions;
    private final LongSupplier clock;
    private final SecureRandom random = new SecureRandom();

    public LoginService(CrmRepository repository, SessionCacheSlot sessions, LongSupplier clock) {
        this.repository = repository;
        this.sessions = sessions;
        this.clock = clock;
    }

    public UserSession login(String userId) {
        List<DealSummary> pipeline = repository.dealsOwnedBy(userId).stream()
                .map(this::summarise)
                .collect(Collectors.toList());
        UserContext context = new UserContext(userId, displayName(userId), REP_PERMISSIONS,
                Map.of("locale", "en-US", "timezone", "America/Chicago", "theme", "light"), pipeline);
        UserSession session = new UserSession(newSessionId(), context, clock.getAsLong());
        sessions.cache().put(session);
        return session;
    }

    private DealSummary summarise(Deal deal) {
        String customer = repository.customer(deal.customerId()).map(c -> c.name()).orElse("?");
        return new DealSummary(deal.id(), customer, deal.title(), deal.stage(), deal.amountCents(), deal.closeDate());
    }

    private static String displayName(String userId) {
        return "Sales " + userId;
    }

    private String newSessionId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
