package kit.grader.api;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kotlin.Unit;
import kotlin.jvm.JvmClassMappingKt;
import kotlin.reflect.KFunction;
import kotlin.reflect.full.KClasses;
import org.jetbrains.lincheck.datastructures.DSLThreadScenario;
import org.jetbrains.lincheck.datastructures.ModelCheckingOptions;
import org.jetbrains.lincheck.datastructures.Operation;

/**
 * One hand-written scenario for {@link ModelCheck} (made by {@link ModelCheck#scenario(Class)}): some calls on one
 * thread first, then two threads calling at once, then calls that look at the result. Lincheck runs the scenario
 * under many thread interleavings and compares every outcome with what the same calls, one after another in some
 * order, would have returned.
 */
public final class Scenario {
    /** One call of an {@code @Operation} method of the model class. */
    public record Call(String operation, Object... arguments) {}

    private final Class<?> model;
    private final List<Call> before = new ArrayList<>();
    private final List<List<Call>> threads = new ArrayList<>();
    private final List<Call> after = new ArrayList<>();

    private Scenario(Class<?> model) {
        this.model = model;
    }

    static Scenario of(Class<?> model) {
        return new Scenario(model);
    }

    static Call call(String operation, Object... arguments) {
        return new Call(operation, arguments);
    }

    /**
     * One scenario per unordered pair of an operation that changes the state and any {@code @Operation} of
     * {@code model} (read by reflection), each pair on two threads, with {@code before} and {@code after} calls around
     * it. {@code calls} gives the call (with its arguments) for each operation; an operation it does not name fails
     * the check, so a new operation cannot go unchecked. Run them with {@link #findViolation(List, int)}.
     */
    static List<Scenario> everyPairWithAChange(Class<?> model, Map<String, Call> calls,
            List<String> changes, List<Call> before, List<Call> after) {
        List<String> operations = Arrays.stream(model.getDeclaredMethods())
                .filter(method -> method.isAnnotationPresent(Operation.class)).map(Method::getName).sorted().toList();
        List<Scenario> scenarios = new ArrayList<>();
        Set<List<String>> paired = new HashSet<>();
        for (String change : changes) {
            for (String operation : operations) {
                if (!calls.containsKey(operation) || !calls.containsKey(change)) {
                    throw new IllegalStateException("no call given for the operation " + operation + " or " + change);
                }
                if (paired.add(Stream.of(change, operation).sorted().toList())) {
                    Scenario scenario = of(model).thread(calls.get(operation)).thread(calls.get(change));
                    scenario.before.addAll(before);
                    scenario.after.addAll(after);
                    scenarios.add(scenario);
                }
            }
        }
        return scenarios;
    }

    /** The calls of each thread, e.g. "get(1) | pop(0)". */
    public String parallelPart() {
        return threads.stream().map(calls -> calls.stream().map(call -> call.operation() + "(" + Arrays.stream(
                call.arguments()).map(String::valueOf).collect(Collectors.joining(", ")) + ")")
                .collect(Collectors.joining(", "))).collect(Collectors.joining(" | "));
    }

    public Scenario before(Call... calls) {
        before.addAll(List.of(calls));
        return this;
    }

    public Scenario thread(Call... calls) {
        threads.add(List.of(calls));
        return this;
    }

    public Scenario after(Call... calls) {
        after.addAll(List.of(calls));
        return this;
    }

    /** Lincheck's report (the results and the interleaving that produced them), or empty if every outcome was fine. */
    public Optional<String> findViolation(int interleavings) {
        return findViolation(List.of(this), interleavings);
    }

    /**
     * As {@link #findViolation(int)} for several scenarios of one model class in one Lincheck run, which costs far
     * less than a run per scenario; the report names the first scenario that broke.
     */
    static Optional<String> findViolation(List<Scenario> scenarios, int interleavings) {
        var options = new ModelCheckingOptions()
                .iterations(0)
                .invocationsPerIteration(interleavings)
                .minimizeFailedScenario(false);
        scenarios.forEach(scenario -> scenario.addTo(options));
        try {
            options.check(scenarios.get(0).model);
            return Optional.empty();
        } catch (AssertionError violation) {
            return Optional.of(String.valueOf(violation.getMessage()).strip());
        }
    }

    private void addTo(ModelCheckingOptions options) {
        options.addCustomScenario(scenario -> {
            if (!before.isEmpty()) {
                scenario.initial(thread -> add(thread, before));
            }
            scenario.parallel(parallel -> {
                threads.forEach(calls -> parallel.thread(thread -> add(thread, calls)));
                return Unit.INSTANCE;
            });
            if (!after.isEmpty()) {
                scenario.post(thread -> add(thread, after));
            }
            return Unit.INSTANCE;
        });
    }

    private Unit add(DSLThreadScenario thread, List<Call> calls) {
        for (Call call : calls) {
            thread.actor(operation(call.operation()), call.arguments());
        }
        return Unit.INSTANCE;
    }

    private KFunction<?> operation(String name) {
        for (KFunction<?> function : KClasses.getDeclaredMemberFunctions(JvmClassMappingKt.getKotlinClass(model))) {
            if (function.getName().equals(name)) {
                return function;
            }
        }
        throw new IllegalArgumentException("no operation " + name + " in " + model.getName());
    }
}
