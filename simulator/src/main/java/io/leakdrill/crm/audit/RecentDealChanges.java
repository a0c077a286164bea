package io.leakdrill.crm.audit;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last few deal changes, newest first, for the deal room's ticker; subscribed once at start-up. */
public final class RecentDealChanges implements DealChangeListener {

    private final int capacity;
    private final Deque<DealChanged> changes = new ArrayDeque<>();

    public RecentDealChanges(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public synchronized void dealChanged(DealChanged change) {
        changes.addFirst(change);
        if (changes.size() > capacity) {
            changes.removeLast();
        }
    }

    /** Up to {@code max} of the latest changes, newest first. */
    public synchronized List<DealChanged> latest(int max) {
        List<DealChanged> latest = new ArrayList<>(Math.min(max, changes.size()));
        for (DealChanged change : changes) {
            if (latest.size() == max) {
                break;
            }
            latest.add(change);
        }
        return latest;
    }
}
