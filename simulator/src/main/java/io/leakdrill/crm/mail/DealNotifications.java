package io.leakdrill.crm.mail;

import io.leakdrill.crm.data.CrmRepository;
import io.leakdrill.crm.data.PipelineLine;
import io.leakdrill.crm.session.DealSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Tells a deal's account team (its owner, the requesting rep, the sales managers, the deal desk and revenue
 * operations) about the deal: renders one personal e-mail per member during the request and leaves their delivery to
 * the outbox.
 */
public final class DealNotifications {

    /** What became of one notification: a message per recipient, and how many of them the outbox took. */
    public record Notice(List<MailMessage> messages, int queued) {
    }

    private final CrmRepository repository;
    private final MailOutboxSlot outbox;
    private final LongSupplier clock;
    private final AtomicLong sequence = new AtomicLong();

    public DealNotifications(CrmRepository repository, MailOutboxSlot outbox, LongSupplier clock) {
        this.repository = repository;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Notifies the team of a deal; empty if there is no such deal. */
    public Optional<Notice> notifyTeam(long dealId, String requester, List<DealSummary> requesterPipeline) {
        return repository.dealLine(dealId).map(deal -> send(deal, requester, requesterPipeline));
    }

    /** A notification from a deal read earlier, through the same rendering and outbox: how history is replayed. */
    public Notice replay(PipelineLine deal, String requester, List<DealSummary> requesterPipeline) {
        return send(deal, requester, requesterPipeline);
    }

    private Notice send(PipelineLine deal, String requester, List<DealSummary> pipeline) {
        long now = clock.getAsLong();
        List<DealSummary> context = DealMailRenderer.context(pipeline);
        List<MailMessage> messages = new ArrayList<>(5);
        int queued = 0;
        for (String recipient : team(deal.deal().ownerId(), requester)) {
            String id = now + "." + sequence.incrementAndGet() + ".D" + deal.deal().id() + "@crm."
                    + DealMailRenderer.DOMAIN;
            MailMessage message = DealMailRenderer.render(id, deal, requester, recipient, context, now);
            messages.add(message);
            if (outbox.submit(message)) {
                queued++;
            }
        }
        return new Notice(messages, queued);
    }

    private static List<String> team(String owner, String requester) {
        List<String> team = new ArrayList<>(5);
        team.add(owner + "@" + DealMailRenderer.DOMAIN);
        if (!owner.equals(requester)) {
            team.add(requester + "@" + DealMailRenderer.DOMAIN);
        }
        team.add("sales-managers@" + DealMailRenderer.DOMAIN);
        team.add("deal-desk@" + DealMailRenderer.DOMAIN);
        team.add("revenue-ops@" + DealMailRenderer.DOMAIN);
        return team;
    }
}
