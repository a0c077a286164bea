package io.leakdrill.crm.imports;

import java.util.List;

/** What a bulk import did: its batch id, the rows read, the deals changed and why other rows were rejected. */
public record ImportResult(String batch, int rows, int changed, List<String> rejected) {
}
