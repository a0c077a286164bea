package io.leakdrill.crm.data;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/** An in-memory CRM data set generated deterministically from a seed. */
public final class GeneratedCrmRepository implements CrmRepository {

    private static final String[] FIRST = {"Ada", "Ben", "Chloe", "Dev", "Elena", "Farid", "Grace", "Hugo", "Ines",
        "Jon", "Kira", "Luis", "Mona", "Nils", "Olga", "Priya", "Quinn", "Rosa", "Sam", "Tariq"};
    private static final String[] LAST = {"Adler", "Brooks", "Chen", "Diaz", "Evans", "Fischer", "Gupta", "Hale",
        "Ito", "Jensen", "Khan", "Lopez", "Moreau", "Novak", "Okafor", "Park", "Quist", "Rossi", "Silva", "Tanaka"};
    private static final String[] WORDS = {"Acme", "Blue", "Cedar", "Delta", "Ember", "Falcon", "Granite", "Harbor",
        "Iron", "Juniper", "Kestrel", "Lumen", "Maple", "Nova", "Orbit", "Pine", "Quartz", "River", "Summit", "Tidal"};
    private static final String[] SUFFIX = {"Logistics", "Foods", "Health", "Systems", "Retail", "Energy", "Labs",
        "Partners", "Media", "Freight"};
    private static final String[] INDUSTRY = {"logistics", "food", "healthcare", "software", "retail", "energy"};
    private static final String[] CITY = {"Chicago", "Dallas", "Denver", "Houston", "Austin", "Omaha", "Tulsa"};
    static final String[] STAGES = {"prospect", "qualified", "proposal", "negotiation", "won", "lost"};

    private final Map<Long, Customer> customers = new ConcurrentHashMap<>();
    private final Map<Long, List<Contact>> contacts = new ConcurrentHashMap<>();
    private final Map<Long, Deal> deals = new ConcurrentHashMap<>();
    private final List<String> reps;
    private final AtomicLong nextDealId;
    private final Map<String, List<Long>> dealsByOwner = new ConcurrentHashMap<>();
    private volatile Map<Long, List<Long>> dealsByCustomer;

    public GeneratedCrmRepository(long seed, int customerCount) {
        Random random = new Random(seed);
        reps = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            reps.add(String.format(Locale.ROOT, "rep-%02d", i));
        }
        long contactId = 1;
        long dealId = 1;
        LocalDate base = LocalDate.of(2021, 8, 12);
        for (long id = 1; id <= customerCount; id++) {
            String name = pick(random, WORDS) + " " + pick(random, WORDS) + " " + pick(random, SUFFIX);
            String owner = reps.get(random.nextInt(reps.size()));
            customers.put(id, new Customer(id, name, pick(random, INDUSTRY), pick(random, CITY), owner));
            List<Contact> people = new ArrayList<>();
            for (int c = 0; c < 3; c++) {
                String person = pick(random, FIRST) + " " + pick(random, LAST);
                String email = person.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.com";
                people.add(new Contact(contactId++, id, person, email, String.format(Locale.ROOT, "+1-555-%04d",
                        random.nextInt(10_000))));
            }
            contacts.put(id, List.copyOf(people));
            for (int d = 0; d < 2; d++) {
                deals.put(dealId, new Deal(dealId, id, owner, name + " renewal " + (d + 1), pick(random, STAGES),
                        1_000_00L + random.nextInt(50_000_00), base.plusDays(random.nextInt(180))));
                dealId++;
            }
        }
        nextDealId = new AtomicLong(dealId);
        deals.values().stream().sorted((a, b) -> Long.compare(a.id(), b.id())).forEach(this::indexByOwner);
    }

    private void indexByOwner(Deal deal) {
        dealsByOwner.computeIfAbsent(deal.ownerId(), k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add(deal.id());
    }

    /** The {@code deals-index} change: look up a customer's deals by index instead of scanning every deal. */
    public synchronized void indexDealsByCustomer() {
        if (dealsByCustomer == null) {
            Map<Long, List<Long>> index = new ConcurrentHashMap<>();
            deals.values().forEach(d -> index.computeIfAbsent(d.customerId(),
                    k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(d.id()));
            dealsByCustomer = index;
        }
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    @Override
    public List<Customer> searchCustomers(String text, int limit) {
        String needle = text.toLowerCase(Locale.ROOT);
        return customers.values().stream()
                .filter(c -> c.name().toLowerCase(Locale.ROOT).contains(needle))
                .sorted((a, b) -> Long.compare(a.id(), b.id()))
                .limit(limit)
                .collect(Collectors.toList());
    }

    @Override
    public Optional<Customer> customer(long id) {
        return Optional.ofNullable(customers.get(id));
    }

    @Override
    public List<Contact> contactsOf(long customerId) {
        return contacts.getOrDefault(customerId, List.of());
    }

    @Override
    public List<Deal> dealsOf(long customerId) {
        Map<Long, List<Long>> index = dealsByCustomer;
        if (index != null) {
            return index.getOrDefault(customerId, List.of()).stream().map(deals::get).collect(Collectors.toList());
        }
        return deals.values().stream().filter(d -> d.customerId() == customerId).collect(Collectors.toList());
    }

    @Override
    public List<Deal> dealsOwnedBy(String ownerId) {
        return dealsByOwner.getOrDefault(ownerId, List.of()).stream().map(deals::get).collect(Collectors.toList());
    }

    @Override
    public Optional<Deal> deal(long id) {
        return Optional.ofNullable(deals.get(id));
    }

    @Override
    public Deal createDeal(long customerId, String ownerId, String title, long amountCents) {
        long id = nextDealId.getAndIncrement();
        Deal deal = new Deal(id, customerId, ownerId, title, "prospect", amountCents, LocalDate.of(2021, 12, 31));
        deals.put(id, deal);
        indexByOwner(deal);
        Map<Long, List<Long>> index = dealsByCustomer;
        if (index != null) {
            index.computeIfAbsent(customerId, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(id);
        }
        return deal;
    }

    @Override
    public Optional<Deal> updateDeal(long id, String stage, long amountCents) {
        return Optional.ofNullable(deals.computeIfPresent(id, (key, deal) -> deal.withStage(stage, amountCents)));
    }

    @Override
    public List<Deal> allDeals() {
        return new ArrayList<>(deals.values());
    }

    @Override
    public int customerCount() {
        return customers.size();
    }

    @Override
    public List<String> salesReps() {
        return List.copyOf(reps);
    }
}
