package io.leakdrill.crm.quote;

import io.leakdrill.crm.data.Contact;
import io.leakdrill.crm.data.CrmRepository;
import io.leakdrill.crm.data.Customer;
import io.leakdrill.crm.data.Deal;
import io.leakdrill.crm.data.PipelineLine;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Quotes for customers: numbers each quote, gathers the customer's contact and open deals, and renders the quote
 * document and its cover e-mail through the quote templates component.
 */
public final class QuoteService {

    /** A rendered quote: the cover e-mail and the quote document it carries, in UTF-8 as the mailer sends them. */
    public record Quote(String number, long customerId, String templateId, byte[] email, byte[] document) {
    }

    private static final List<String> CLOSED = List.of("won", "lost");

    private final CrmRepository repository;
    private final QuoteTemplateSlot templates;
    private final QuoteTemplateLibrary library;
    private final AtomicLong numbers;

    public QuoteService(CrmRepository repository, QuoteTemplateSlot templates, QuoteTemplateLibrary library,
            long firstNumber) {
        this.repository = repository;
        this.templates = templates;
        this.library = library;
        this.numbers = new AtomicLong(firstNumber);
    }

    public boolean knowsTemplate(String templateId) {
        return library.ids().contains(templateId);
    }

    public List<String> templateIds() {
        return library.ids();
    }

    /** A new quote for a customer's open deals, or empty if there is no such customer. */
    public Optional<Quote> create(String rep, long customerId, String templateId, int discountPercent) {
        Optional<Customer> customer = repository.customer(customerId);
        if (customer.isEmpty()) {
            return Optional.empty();
        }
        List<Contact> contacts = repository.contactsOf(customerId);
        String contact = contacts.isEmpty() ? "" : contacts.get(0).name();
        List<Deal> open = repository.dealsOf(customerId).stream().filter(d -> !CLOSED.contains(d.stage())).toList();
        return Optional.of(render(rep, customer.get().id(), customer.get().name(), contact, open, templateId,
                discountPercent, LocalDate.now()));
    }

    /**
     * A quote sent on an earlier day for a deal read earlier, through the same templates: how the drill replays
     * weeks of past quotes without querying the database for each.
     */
    public void replay(String rep, PipelineLine line, String templateId, LocalDate sentOn) {
        render(rep, line.deal().customerId(), line.customerName(), "", List.of(line.deal()), templateId, 0, sentOn);
    }

    private Quote render(String rep, long customerId, String customerName, String contact, List<Deal> deals,
            String templateId, int discountPercent, LocalDate date) {
        String number = String.format("Q-%d-%06d", date.getYear(), numbers.incrementAndGet());
        StringBuilder lines = new StringBuilder();
        for (Deal deal : deals) {
            lines.append(deal.title()).append('\t').append(deal.amountCents()).append('\n');
        }
        Map<String, String> values = new HashMap<>();
        values.put("quoteNumber", number);
        values.put("customer", customerName);
        values.put("contact", contact);
        values.put("rep", rep);
        values.put("date", date.toString());
        values.put("lines", lines.toString());
        values.put("discountPercent", Integer.toString(discountPercent));
        values.put("validDays", "30");
        QuoteTemplates compiled = templates.templates();
        return new Quote(number, customerId, templateId, compiled.render(QuoteTemplateLibrary.COVER_EMAIL, values),
                compiled.render(templateId, values));
    }
}
