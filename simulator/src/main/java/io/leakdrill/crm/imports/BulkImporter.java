package io.leakdrill.crm.imports;

import io.leakdrill.crm.data.Deal;
import java.util.Map;

/** Applies a file of deal changes that sales ops pasted from a spreadsheet. */
public interface BulkImporter {

    /** Reads the file and writes its changes; runs on the request's worker thread. */
    ImportResult importCsv(String user, String csv);

    /** Replays an import from weeks ago through the same steps, without writing it again. */
    ImportResult replay(String user, String csv, Map<Long, Deal> recorded);

    /** The implementation's name as the deploy log shows it. */
    String implementation();
}
