package io.leakdrill.crm.mail;

import io.leakdrill.crm.data.PipelineLine;
import io.leakdrill.crm.session.DealSummary;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Renders the account-team e-mail about a deal for one recipient: a multipart message with a plain-text and an HTML
 * part, each with the deal and the requesting rep's largest open deals, so the reader sees the deal in context.
 * Mail clients ignore style sheets, hence the inline style on every cell (and most of the bytes).
 */
final class DealMailRenderer {

    static final String SENDER = "crm-notifications@sales.example.com";
    static final String DOMAIN = "sales.example.com";
    private static final int CONTEXT_DEALS = 40;
    private static final String BOUNDARY = "=_crm_deal_part";
    private static final String CELL = "<td style=\"padding:4px 8px;border-bottom:1px solid #e5e7eb;"
            + "font-family:Helvetica,Arial,sans-serif;font-size:13px;color:#111827\">";
    private static final String AMOUNT_CELL = "<td style=\"padding:4px 8px;border-bottom:1px solid #e5e7eb;"
            + "font-family:Helvetica,Arial,sans-serif;font-size:13px;color:#111827;text-align:right\">";

    private DealMailRenderer() {
    }

    /** The requester's largest open deals, shown in every copy of one notification. */
    static List<DealSummary> context(List<DealSummary> pipeline) {
        return pipeline.stream().filter(d -> open(d.stage()))
                .sorted(Comparator.comparingLong(DealSummary::amountCents).reversed()).limit(CONTEXT_DEALS).toList();
    }

    static MailMessage render(String messageId, PipelineLine deal, String requester, String recipient,
            List<DealSummary> context, long nowMillis) {
        String subject = "[Deal desk] D-" + deal.deal().id() + " " + deal.customerName() + ": "
                + deal.deal().title() + " is in " + deal.deal().stage();
        StringBuilder text = new StringBuilder(16 * 1024);
        text.append("Message-ID: <").append(messageId).append(">\r\n")
                .append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        ZonedDateTime.ofInstant(Instant.ofEpochMilli(nowMillis), ZoneOffset.UTC))).append("\r\n")
                .append("From: CRM notifications <").append(SENDER).append(">\r\n")
                .append("To: ").append(recipient).append("\r\n")
                .append("Subject: ").append(subject).append("\r\n")
                .append("MIME-Version: 1.0\r\n")
                .append("Content-Type: multipart/alternative; boundary=\"").append(BOUNDARY).append("\"\r\n\r\n");
        text.append("--").append(BOUNDARY).append("\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n");
        plain(text, deal, requester, recipient, context);
        text.append("\r\n--").append(BOUNDARY).append("\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n");
        html(text, deal, requester, recipient, context);
        text.append("\r\n--").append(BOUNDARY).append("--\r\n");
        return new MailMessage(messageId, deal.deal().id(), SENDER, recipient, subject, text.toString(), nowMillis);
    }

    private static void plain(StringBuilder text, PipelineLine deal, String requester, String recipient,
            List<DealSummary> context) {
        text.append("Hello ").append(recipient, 0, recipient.indexOf('@')).append(",\r\n\r\n")
                .append(requester).append(" asks the account team to review deal D-").append(deal.deal().id())
                .append(".\r\n\r\nCustomer: ").append(deal.customerName())
                .append("\r\nDeal: ").append(deal.deal().title())
                .append("\r\nStage: ").append(deal.deal().stage())
                .append("\r\nAmount: ").append(money(deal.deal().amountCents()))
                .append("\r\nClose date: ").append(deal.deal().closeDate())
                .append("\r\n\r\nLargest open deals of ").append(requester).append(":\r\n");
        for (DealSummary line : context) {
            text.append("D-").append(line.dealId()).append("  ").append(line.customerName()).append("  ")
                    .append(line.title()).append("  ").append(line.stage()).append("  ")
                    .append(money(line.amountCents())).append("  ").append(line.closeDate()).append("\r\n");
        }
        text.append("\r\nYou get this because you are on the account team. Manage notifications: https://crm.")
                .append(DOMAIN).append("/settings/notifications?for=").append(recipient).append("\r\n");
    }

    private static void html(StringBuilder text, PipelineLine deal, String requester, String recipient,
            List<DealSummary> context) {
        text.append("<html><body style=\"margin:0;padding:16px;background:#f9fafb\">\r\n")
                .append("<h2 style=\"font-family:Helvetica,Arial,sans-serif;color:#111827\">Deal D-")
                .append(deal.deal().id()).append(": ").append(deal.customerName()).append("</h2>\r\n")
                .append("<p style=\"font-family:Helvetica,Arial,sans-serif;font-size:14px\">").append(requester)
                .append(" moved <b>").append(deal.deal().title()).append("</b> to <b>").append(deal.deal().stage())
                .append("</b> (").append(money(deal.deal().amountCents())).append(", closing ")
                .append(deal.deal().closeDate()).append(") and asks you to review it.</p>\r\n")
                .append("<table style=\"border-collapse:collapse;width:100%;background:#ffffff\">\r\n")
                .append("<tr>").append(CELL).append("Deal</td>").append(CELL).append("Customer</td>").append(CELL)
                .append("Title</td>").append(CELL).append("Stage</td>").append(AMOUNT_CELL).append("Amount</td>")
                .append(CELL).append("Close</td></tr>\r\n");
        for (DealSummary line : context) {
            text.append("<tr>").append(CELL).append("D-").append(line.dealId()).append("</td>").append(CELL)
                    .append(line.customerName()).append("</td>").append(CELL).append(line.title())
                    .append("</td>").append(CELL).append(line.stage()).append("</td>").append(AMOUNT_CELL)
                    .append(money(line.amountCents())).append("</td>").append(CELL).append(line.closeDate())
                    .append("</td></tr>\r\n");
        }
        text.append("</table>\r\n<p style=\"font-family:Helvetica,Arial,sans-serif;font-size:11px;color:#6b7280\">")
                .append("You get this because you are on the account team. <a href=\"https://crm.").append(DOMAIN)
                .append("/settings/notifications?for=").append(recipient).append("\">Manage notifications</a>")
                .append("</p>\r\n</body></html>");
    }

    private static boolean open(String stage) {
        return !stage.equals("won") && !stage.equals("lost");
    }

    private static String money(long cents) {
        return String.format(Locale.ROOT, "$%,.2f", cents / 100.0);
    }
}
