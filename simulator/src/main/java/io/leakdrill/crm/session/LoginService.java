package io.leakdrill.crm.session;

import io.leakdrill.crm.data.CrmRepository;
import io.leakdrill.crm.data.Deal;
import io.leakdrill.crm.data.PipelineLine;
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
        return open(userId, repository.pipelineOf(userId));
    }

    /** Logs a user in from a pipeline read earlier, as a historic log-in would have read it. */
    public UserSession replay(String userId, List<PipelineLine> recorded) {
        return open(userId, recorded);
    }

    /** A rep's pipeline as the dashboard (and the session) holds it. */
    public static List<DealSummary> dashboard(List<PipelineLine> lines) {
        return lines.stream().map(LoginService::summarise).collect(Collectors.toList());
    }

    private UserSession open(String userId, List<PipelineLine> lines) {
        List<DealSummary> pipeline = dashboard(lines);
        UserContext context = new UserContext(userId, displayName(userId), REP_PERMISSIONS,
                Map.of("locale", "en-US", "timezone", "America/Chicago", "theme", "light"), pipeline);
        UserSession session = new UserSession(newSessionId(), context, clock.getAsLong());
        sessions.cache().put(session);
        return session;
    }

    private static DealSummary summarise(PipelineLine line) {
        Deal deal = line.deal();
        return new DealSummary(deal.id(), line.customerName(), deal.title(), deal.stage(), deal.amountCents(),
                deal.closeDate());
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
