package io.leakdrill.crm.data;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One shared instance of each title, name, stage and date the CRM reads for pipelines. Every log-in copies its rep's
 * pipeline into the session; without this, each session would hold its own copy of every string and date read from
 * the database. Bounded by the distinct values in the database.
 */
final class CanonicalValues {

    private final Map<Object, Object> values = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    <T> T of(T value) {
        if (value == null) {
            return null;
        }
        Object known = values.putIfAbsent(value, value);
        return known == null ? value : (T) known;
    }
}
