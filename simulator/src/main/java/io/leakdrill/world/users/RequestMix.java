package io.leakdrill.world.users;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/** The weighted mix of actions the virtual users perform, from the scenario's traffic section. */
public final class RequestMix {

    /** The actions a CRM user takes. */
    public enum Action {
        SEARCH("search"), OPEN_CUSTOMER("open-customer"), UPDATE_DEAL("update-deal"), CREATE_DEAL("create-deal"),
        EXPORT_REPORT("export-report");

        private final String id;

        Action(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Action byId(String id) {
            for (Action a : values()) {
                if (a.id.equals(id)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown action " + id);
        }
    }

    private final Action[] actions;
    private final int[] cumulative;
    private final int total;

    public RequestMix(Map<String, Integer> weights) {
        Map<Action, Integer> byAction = new LinkedHashMap<>();
        weights.forEach((id, w) -> byAction.put(Action.byId(id), w));
        actions = byAction.keySet().toArray(new Action[0]);
        cumulative = new int[actions.length];
        int sum = 0;
        for (int i = 0; i < actions.length; i++) {
            sum += byAction.get(actions[i]);
            cumulative[i] = sum;
        }
        total = sum;
    }

    public Action pick(Random random) {
        int r = random.nextInt(total);
        for (int i = 0; i < cumulative.length; i++) {
            if (r < cumulative[i]) {
                return actions[i];
            }
        }
        return actions[actions.length - 1];
    }
}
