package io.leakdrill.grader;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Acknowledge: how quickly the first firing alert was acknowledged. */
final class AcknowledgeRule implements CategoryRule {

    @Override
    public String category() {
        return "acknowledge";
    }

    @Override
    public List<Finding> findings(Drill drill, double weight) {
        Optional<Event> alert = drill.log().firstFiringAlert();
        if (alert.isEmpty()) {
            // The one award without a citation: there was nothing to acknowledge.
            return List.of(new Finding(weight, "no alert fired, so there was nothing to acknowledge", List.of()));
        }
        Event fired = alert.get();
        String id = fired.text("alert").isBlank() ? "the first alert" : fired.text("alert");
        Optional<Event> ack = drill.log().firstAfter(fired, e -> e.is("ack"));
        if (ack.isEmpty()) {
            return List.of(Finding.of(0, id + " fired and was never acknowledged", fired));
        }
        Duration target = drill.rubric().target("acknowledge");
        double elapsed = ack.get().at() - fired.at();
        return List.of(Finding.of(weight * Credit.linear(elapsed, target),
                "acknowledged " + id + " " + Decimals.elapsed(elapsed) + " after it fired (target "
                        + Decimals.target(target) + ")",
                fired, ack.get()));
    }
}
