package io.leakdrill.crm.quote;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The quote templates by id, as the layout team wrote them: the documents a rep can send and the cover e-mail. */
public final class QuoteTemplateLibrary {

    private static final String HEAD = "<html><head><title>Quotation ${quoteNumber}</title></head><body>\n"
            + "<header><img src=\"cid:northwind-logo\" alt=\"Northwind Outfitters\"/>\n"
            + "<h1>Quotation ${quoteNumber}</h1>\n"
            + "<p class=\"meta\">Prepared for ${customer} on ${date|date} by ${rep}</p></header>\n";
    private static final String ITEMS = "<table class=\"items\"><thead><tr><th>#</th><th>Item</th><th>List price</th>"
            + "<th>Your price</th></tr></thead>\n<tbody>\n${lines|lines}</tbody></table>\n"
            + "<p class=\"total\">Total: ${lines|total}</p>\n";
    private static final String TERMS = "<footer><p>This quotation is valid until ${validDays|valid}. Prices exclude"
            + " shipping. Payment terms: net 30 days from invoice.</p>\n"
            + "<p>Northwind Outfitters, 400 Harbor Way, Seattle WA. Reference ${quoteNumber}.</p></footer>"
            + "</body></html>\n";

    /** The e-mail that carries every quote document; the document templates are the others. */
    public static final String COVER_EMAIL = "cover-email";

    private static final Map<String, String> TEMPLATES = Map.of(
            COVER_EMAIL, "Subject: Your quotation ${quoteNumber} from Northwind Outfitters\n\n"
                    + "<p>Hello ${contact},</p>\n<p>Please find attached quotation ${quoteNumber} for ${customer},"
                    + " prepared on ${date|date}. The total comes to ${lines|total}.</p>\n<p>The offer is valid"
                    + " until ${validDays|valid}. Simply reply to this e-mail to accept it, or to ask ${rep} any"
                    + " question.</p>\n<p>Kind regards,<br/>${rep}<br/>Northwind Outfitters sales team</p>\n",
            "standard", HEAD + "<p>Dear ${contact},</p>\n<p>Thank you for your interest in Northwind. As discussed,"
                    + " here is our offer for ${customer}:</p>\n" + ITEMS
                    + "<p>Reply to this e-mail or call ${rep} to confirm your order.</p>\n" + TERMS,
            "renewal", HEAD + "<p>Dear ${contact},</p>\n<p>Your Northwind agreement is coming up for renewal. We are"
                    + " pleased to offer ${customer} the following renewal terms, with a loyalty discount of"
                    + " ${discountPercent}%:</p>\n" + ITEMS + "<p>Renew before the date below to keep your current"
                    + " service levels.</p>\n" + TERMS,
            "enterprise", HEAD + "<p>Dear ${contact},</p>\n<p>Following our review of ${customer|upper}'s"
                    + " requirements, our enterprise proposal is set out below. It includes onboarding, a named"
                    + " account manager and priority support.</p>\n" + ITEMS + "<p>Volume pricing applies from"
                    + " the first order. ${rep} will arrange a call with our solutions team.</p>\n" + TERMS,
            "multi-year", HEAD + "<p>Dear ${contact},</p>\n<p>As requested, a three-year price lock for ${customer},"
                    + " with ${discountPercent}% off list for each year of the term:</p>\n" + ITEMS
                    + "<p>Prices are fixed for 36 months from signature.</p>\n" + TERMS);

    public Optional<String> source(String templateId) {
        return Optional.ofNullable(TEMPLATES.get(templateId));
    }

    /** The quote documents a rep can choose from. */
    public List<String> ids() {
        return List.of("standard", "renewal", "enterprise", "multi-year");
    }
}
