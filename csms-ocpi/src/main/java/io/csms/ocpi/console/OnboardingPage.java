package io.csms.ocpi.console;

import io.csms.platform.Refusal;
import io.csms.roaming.Onboarding;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** A partner's onboarding checklist ({@link Onboarding}), with a test call of each of its modules. */
@Named
@ViewScoped
public class OnboardingPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Onboarding onboarding;

    @Inject
    ConsoleActions actions;

    private long id;
    private boolean found;
    private List<Onboarding.Step> steps = List.of();
    private List<Onboarding.Probe> probes = List.of();

    public void load() {
        try {
            steps = onboarding.checklist(id, probes);
            found = true;
        } catch (Refusal e) {
            found = false;
            ConsoleActions.error(e.getMessage());
        }
    }

    /** Calls each of the partner's modules (outside any transaction) and shows what each answered. */
    public void test() {
        try {
            probes = onboarding.testCalls(id, actions.actor(), actions.address());
            long failed = probes.stream().filter(p -> !p.ok()).count();
            if (failed == 0) {
                ConsoleActions.info("Every module answered as it should.");
            } else {
                ConsoleActions.error(failed + " of " + probes.size() + " modules did not answer as they should.");
            }
        } catch (Refusal e) {
            ConsoleActions.error(e.getMessage());
        }
        load();
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public boolean isFound() {
        return found;
    }

    public List<Onboarding.Step> getSteps() {
        return steps;
    }

    public List<Onboarding.Probe> getProbes() {
        return probes;
    }
}
