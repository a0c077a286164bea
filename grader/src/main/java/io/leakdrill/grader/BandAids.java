package io.leakdrill.grader;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Band-aids, the acts that buy time without touching the leak (a bigger heap, a band-aid patch, a restart watchdog),
 * and whether the trainee told anyone they were only temporary.
 */
final class BandAids {

    private static final Pattern TEMPORARY = Pattern.compile(
            "\\b(temporar\\w*|stop-?gap|workaround|band-?aid|buys? (us )?(some )?time|until the (real )?fix)\\b",
            Pattern.CASE_INSENSITIVE);

    private BandAids() {
    }

    static boolean isBandAid(Event event, AnswerKey key) {
        return event.is("deploy") && key.isBandAid(event.text("patch"))
                || event.is("config") && event.flag("bandAid", false)
                || event.is("autorestart") && "on".equals(event.text("state"))
                || event.is("restart") && event.flag("bandAid", false);
    }

    /** The first update or note that calls what was done a temporary measure. */
    static Optional<Event> declaredTemporary(EventLog log) {
        return log.first(e -> (e.is("update") || e.is("note")) && TEMPORARY.matcher(e.text("text")).find());
    }
}
