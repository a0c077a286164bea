package io.leakdrill.drill;

import io.leakdrill.world.monitor.Sample;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;

/** A monitor sample as transcript fields (see docs/transcript.md). */
final class SampleJson {

    private SampleJson() {
    }

    static JsonObjectBuilder of(Sample s) {
        return Json.createObjectBuilder()
                .add("crmUp", s.crmUp())
                .add("heapUsed", s.heapUsed())
                .add("heapMax", s.heapMax())
                .add("oldUsed", s.oldUsed())
                .add("oldMax", s.oldMax())
                .add("oldAfterGc", s.oldAfterGc())
                .add("oldAfterGcRatio", round(s.oldAfterGcRatio(), 4))
                .add("gcCount", s.gcCount())
                .add("gcTimeMs", s.gcTimeMs())
                .add("gcTimeShare", round(s.gcTimeShare(), 4))
                .add("crmRequests", s.crmRequests())
                .add("crmErrors", s.crmErrors())
                .add("crmP95Ms", round(s.crmP95Ms(), 1))
                .add("crmDbP95Ms", round(s.crmDbP95Ms(), 1))
                .add("dbPoolWaiting", s.dbPoolWaiting())
                .add("userRequests", s.userRequests())
                .add("requestsPerSecond", round(s.requestsPerSecond(), 1))
                .add("userP50Ms", round(s.userP50Ms(), 1))
                .add("userP95Ms", round(s.userP95Ms(), 1))
                .add("userErrors", s.userErrors())
                .add("userTimeouts", s.userTimeouts())
                .add("errorRatio", round(s.errorRatio(), 4))
                .add("usersAffected", round(s.usersAffected(), 4))
                .add("edenUsed", s.jvm().edenUsed())
                .add("edenCommitted", s.jvm().edenCommitted())
                .add("metaspaceUsed", s.jvm().metaspaceUsed())
                .add("metaspaceMax", s.jvm().metaspaceMax())
                .add("directUsed", s.jvm().directUsed())
                .add("directMax", s.jvm().directMax())
                .add("directCount", s.jvm().directCount())
                .add("rssBytes", s.jvm().rssBytes())
                .add("youngGcCount", s.jvm().youngCount())
                .add("youngGcTimeMs", s.jvm().youngTimeMs())
                .add("fullGcCount", s.jvm().fullCount())
                .add("fullGcTimeMs", s.jvm().fullTimeMs())
                .add("oldAfterFullGc", s.jvm().oldAfterFullGc());
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
