package io.leakdrill.crm.imports;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.ParsePosition;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an import file as sales ops export it from their spreadsheet: a header line, then
 * {@code deal,stage,amount,close,note} per line. Lines it cannot read are rejected into the running batch.
 */
final class ImportCsv {

    static final String HEADER = "deal,stage,amount,close,note";

    // DecimalFormat is not thread-safe and costs to build: one per worker thread, reused by every import on it.
    private static final ThreadLocal<DecimalFormat> AMOUNTS = ThreadLocal.withInitial(() -> {
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setParseBigDecimal(true);
        return format;
    });

    private ImportCsv() {
    }

    static List<ImportRow> parse(String csv) {
        List<ImportRow> rows = new ArrayList<>();
        String[] lines = csv.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || (i == 0 && line.strip().equalsIgnoreCase(HEADER))) {
                continue;
            }
            ImportRow row = row(i + 1, line);
            if (row != null) {
                rows.add(row);
            }
        }
        return rows;
    }

    private static ImportRow row(int number, String line) {
        String[] cells = line.split(",", 5);
        if (cells.length < 4) {
            return reject(number, "expected " + HEADER);
        }
        long dealId;
        try {
            dealId = Long.parseLong(cells[0].strip());
        } catch (NumberFormatException e) {
            return reject(number, "deal id '" + cells[0] + "' is not a number");
        }
        String stage = DealStages.of(cells[1]);
        if (stage == null) {
            return reject(number, "unknown stage '" + cells[1] + "'");
        }
        ParsePosition at = new ParsePosition(0);
        BigDecimal amount = (BigDecimal) AMOUNTS.get().parse(cells[2].strip(), at);
        if (amount == null || at.getIndex() != cells[2].strip().length() || amount.signum() < 0) {
            return reject(number, "amount '" + cells[2] + "' is not an amount like 45000.00");
        }
        LocalDate close;
        try {
            close = LocalDate.parse(cells[3].strip());
        } catch (DateTimeParseException e) {
            return reject(number, "close date '" + cells[3] + "' is not a date like 2021-09-30");
        }
        return new ImportRow(number, line, dealId, stage, amount.movePointRight(2).longValue(), close,
                cells.length > 4 ? cells[4].strip() : "");
    }

    private static ImportRow reject(int line, String reason) {
        ImportContext.current().batch().reject("line " + line + ": " + reason);
        return null;
    }
}
