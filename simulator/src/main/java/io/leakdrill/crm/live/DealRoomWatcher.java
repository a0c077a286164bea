package io.leakdrill.crm.live;

import io.leakdrill.crm.audit.DealChanged;
import io.leakdrill.crm.audit.DealChangeListener;
import io.leakdrill.crm.data.PipelineLine;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One opened live deal room: a rep's open deals as cards, kept current from the audit trail for as long as it is
 * subscribed to it, so the page can pick up moves without reloading.
 */
public final class DealRoomWatcher implements DealChangeListener {

    private static final Set<String> OPEN_STAGES = Set.of("prospect", "qualified", "proposal", "negotiation");

    private final String id;
    private final String ownerId;
    private final DealCard[] cards;
    private volatile long lastSeenMillis;
    private int moves;

    private DealRoomWatcher(String id, String ownerId, DealCard[] cards, long nowMillis) {
        this.id = id;
        this.ownerId = ownerId;
        this.cards = cards;
        this.lastSeenMillis = nowMillis;
    }

    /** A room on the rep's pipeline as just read: one card per deal still open. */
    static DealRoomWatcher open(String ownerId, List<PipelineLine> pipeline, long nowMillis) {
        DealCard[] cards = pipeline.stream().filter(line -> OPEN_STAGES.contains(line.deal().stage()))
                .map(DealCard::of).toArray(DealCard[]::new);
        return new DealRoomWatcher(Long.toHexString(ThreadLocalRandom.current().nextLong()), ownerId, cards,
                nowMillis);
    }

    // Called for every change anywhere in the CRM, on the request thread that made it, so every subscribed room adds
    // to the cost of every deal update: another rep's deal costs the owner check, one of ours a look along the cards.
    @Override
    public void dealChanged(DealChanged change) {
        if (!ownerId.equals(change.ownerId())) {
            return;
        }
        synchronized (this) {
            for (int i = 0; i < cards.length; i++) {
                if (cards[i].dealId() == change.dealId()) {
                    cards[i] = cards[i].movedTo(change.stage(), change.amountCents());
                    moves++;
                    return;
                }
            }
        }
    }

    public String id() {
        return id;
    }

    public String ownerId() {
        return ownerId;
    }

    long lastSeenMillis() {
        return lastSeenMillis;
    }

    /** The page asked for its room again: it is still open. */
    void seen(long nowMillis) {
        lastSeenMillis = nowMillis;
    }

    public synchronized List<DealCard> cards() {
        return List.of(cards);
    }

    /** How many deal changes reached this room's cards since it opened. */
    public synchronized int moves() {
        return moves;
    }
}
