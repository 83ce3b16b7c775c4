package dev.tune.bench;

import java.lang.invoke.MethodHandle;
import java.lang.reflect.Method;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * How should tune call a user's annotated method? Each variant calls {@code double step(double lr,
 * int batch)} on a {@link StepModel} (and the static {@code stepStatic}) with the arguments boxed in
 * an {@code Object[]}, as the engine holds them after reading a trial's config:
 * <ul>
 *   <li>{@code direct*}: a plain Java call that unboxes the same array: the floor (its result
 *       stays a primitive; the others box it, as a generic invoker must);
 *   <li>{@code reflect*}: {@link Method#invoke};
 *   <li>{@code handle*}: a {@link MethodHandle} adapted to {@code (Object, Object[])Object} and
 *       called with {@code invokeExact} from an instance (not constant) field, as the engine does;
 *   <li>{@code byteBuddy*}: a generated {@link Invoker} that casts, unboxes and calls directly.
 * </ul>
 * Run with {@code ./bench JMH}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Thread)
public class InvokerBenchmark {

    private StepModel target;
    private Object[] args;
    private Method instanceMethod;
    private Method staticMethod;
    private MethodHandle instanceHandle;
    private MethodHandle staticHandle;
    private Invoker instanceInvoker;
    private Invoker staticInvoker;

    @Setup
    public void setUp() throws ReflectiveOperationException {
        target = new StepModel(0.5);
        args = new Object[] {0.01, 32};
        instanceMethod = StepModel.class.getMethod("step", double.class, int.class);
        staticMethod = StepModel.class.getMethod("stepStatic", double.class, int.class);
        instanceHandle = Invokers.spreadHandle(instanceMethod);
        staticHandle = Invokers.spreadHandle(staticMethod);
        instanceInvoker = Invokers.generated(instanceMethod);
        staticInvoker = Invokers.generated(staticMethod);
    }

    @Benchmark
    public void directInstance(Blackhole bh) {
        bh.consume(target.step((Double) args[0], (Integer) args[1]));
    }

    @Benchmark
    public void directStatic(Blackhole bh) {
        bh.consume(StepModel.stepStatic((Double) args[0], (Integer) args[1]));
    }

    @Benchmark
    public void reflectInstance(Blackhole bh) throws ReflectiveOperationException {
        bh.consume(instanceMethod.invoke(target, args));
    }

    @Benchmark
    public void reflectStatic(Blackhole bh) throws ReflectiveOperationException {
        bh.consume(staticMethod.invoke(null, args));
    }

    @Benchmark
    public void handleInstance(Blackhole bh) throws Throwable {
        bh.consume((Object) instanceHandle.invokeExact((Object) target, args));
    }

    @Benchmark
    public void handleStatic(Blackhole bh) throws Throwable {
        bh.consume((Object) staticHandle.invokeExact((Object) null, args));
    }

    @Benchmark
    public void byteBuddyInstance(Blackhole bh) {
        bh.consume(instanceInvoker.invoke(target, args));
    }

    @Benchmark
    public void byteBuddyStatic(Blackhole bh) {
        bh.consume(staticInvoker.invoke(null, args));
    }
}
