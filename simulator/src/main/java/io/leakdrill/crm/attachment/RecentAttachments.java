package io.leakdrill.crm.attachment;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The latest attachments filed, newest first, for the dashboard's activity feed; it keeps a fixed number. */
final class RecentAttachments {

    private final Deque<AttachmentInfo> latest = new ArrayDeque<>();
    private final int capacity;

    RecentAttachments(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(AttachmentInfo info) {
        latest.addFirst(info);
        while (latest.size() > capacity) {
            latest.removeLast();
        }
    }

    synchronized List<AttachmentInfo> newest(int count) {
        return latest.stream().limit(count).toList();
    }
}
