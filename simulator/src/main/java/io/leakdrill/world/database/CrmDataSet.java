package io.leakdrill.world.database;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The CRM's records, generated deterministically from the drill's seed: 40 sales reps, their customers with
 * contacts, about 250 deals per rep, and the calls, e-mails and meetings logged against those deals.
 */
final class CrmDataSet {

    private static final int REPS = 40;
    private static final int CUSTOMERS = 5000;
    private static final String[] STAGES = {"prospect", "qualified", "proposal", "negotiation", "won", "lost"};

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
    private static final String[] ACTIVITY = {"call", "email", "meeting", "demo", "note"};
    private static final String[] NOTES = {"Discussed renewal pricing", "Sent revised quote", "Asked for a reference",
        "Procurement wants net-60 terms", "Champion moved to another team", "Demo of the reporting module",
        "Legal review of the MSA", "Budget confirmed for next quarter", "Left a voicemail", "Competitor in the deal"};
    private static final LocalDate BASE = LocalDate.of(2021, 8, 12);

    /** A sales rep: the CRM's user. */
    public record Rep(String id, String name, String email, String region) {
    }

    /** A customer account, owned by one rep. */
    public record Customer(long id, String name, String industry, String city, String ownerId) {
    }

    /** A person at a customer. */
    public record Contact(long id, long customerId, String name, String email, String phone) {
    }

    /** A sales opportunity. */
    public record Deal(long id, long customerId, String ownerId, String title, String stage, long amountCents,
            LocalDate closeDate) {
    }

    /** Something a rep did on a deal. */
    public record Activity(long id, long dealId, String ownerId, String kind, LocalDateTime occurredAt, int minutes,
            String notes) {
    }

    private final List<Rep> reps = new ArrayList<>();
    private final List<Customer> customers = new ArrayList<>();
    private final List<Contact> contacts = new ArrayList<>();
    private final List<Deal> deals = new ArrayList<>();
    private final long seed;
    private List<Activity> activities;

    private CrmDataSet(long seed) {
        this.seed = seed;
    }

    public static CrmDataSet generate(long seed) {
        CrmDataSet data = new CrmDataSet(seed);
        data.fill(seed);
        return data;
    }

    private void fill(long seed) {
        // Customers, contacts and deals draw from one stream in the order the CRM's first in-heap data set did, so
        // a seed gives the same accounts and pipelines as before the database existed.
        Random random = new Random(seed);
        List<String> repIds = new ArrayList<>();
        for (int i = 1; i <= REPS; i++) {
            repIds.add(i < 10 ? "rep-0" + i : "rep-" + i);
        }
        long contactId = 1;
        long dealId = 1;
        for (long id = 1; id <= CUSTOMERS; id++) {
            String name = pick(random, WORDS) + " " + pick(random, WORDS) + " " + pick(random, SUFFIX);
            String owner = repIds.get(random.nextInt(repIds.size()));
            customers.add(new Customer(id, name, pick(random, INDUSTRY), pick(random, CITY), owner));
            for (int c = 0; c < 3; c++) {
                String person = pick(random, FIRST) + " " + pick(random, LAST);
                String email = person.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.com";
                contacts.add(new Contact(contactId++, id, person, email, phone(random.nextInt(10_000))));
            }
            for (int d = 0; d < 2; d++) {
                deals.add(new Deal(dealId++, id, owner, name + " renewal " + (d + 1), pick(random, STAGES),
                        1_000_00L + random.nextInt(50_000_00), BASE.plusDays(random.nextInt(180))));
            }
        }
        Random people = new Random(seed * 7919 + 1);
        for (String id : repIds) {
            String person = pick(people, FIRST) + " " + pick(people, LAST);
            reps.add(new Rep(id, person, person.toLowerCase(Locale.ROOT).replace(' ', '.') + "@crm.example.com",
                    pick(people, CITY)));
        }
    }

    // The activity history is generated when first asked for: the CRM's pages do not read it, so it is loaded last.
    private List<Activity> history() {
        List<Activity> history = new ArrayList<>();
        Random work = new Random(seed * 104_729 + 2);
        long activityId = 1;
        for (Deal deal : deals) {
            int count = work.nextInt(5);
            for (int a = 0; a < count; a++) {
                LocalDateTime at = deal.closeDate().minusDays(work.nextInt(120)).atTime(8 + work.nextInt(10),
                        work.nextInt(60));
                history.add(new Activity(activityId++, deal.id(), deal.ownerId(), pick(work, ACTIVITY), at,
                        5 + work.nextInt(56), pick(work, NOTES)));
            }
        }
        return history;
    }

    // String.format is slow before the JIT warms up, and seeding runs in a JVM that has just started.
    private static String phone(int number) {
        String digits = Integer.toString(number);
        return "+1-555-" + "0000".substring(digits.length()) + digits;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    public List<Rep> reps() {
        return reps;
    }

    public List<Customer> customers() {
        return customers;
    }

    public List<Contact> contacts() {
        return contacts;
    }

    public List<Deal> deals() {
        return deals;
    }

    public synchronized List<Activity> activities() {
        if (activities == null) {
            activities = history();
        }
        return activities;
    }
}
