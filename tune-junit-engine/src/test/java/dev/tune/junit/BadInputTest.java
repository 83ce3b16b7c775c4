package dev.tune.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.tune.junit.examples.Invalid;
import dev.tune.trainable.InvalidTrainableException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad-input case shows up in the tree and fails with the message that names what to fix. */
class BadInputTest extends EngineTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            MinNotBelowMax           | field 'lr' (@Uniform): lower (5.0) must be below upper (1.0)
            LogWithZeroBound         | field 'lr' (@LogUniform): a log domain needs positive bounds
            EmptyChoice              | field 'optimizer' (@Choice): a choice needs at least one value
            ChoiceThatDoesNotConvert | field 'batch' (@Choice): value "big" does not convert to int
            StaticField              | field 'lr' (@Uniform): the field is static
            FinalField               | field 'lr' (@Uniform): the field is final
            TwoDomains               | field 'lr' (@Uniform): it carries 2 hyperparameter annotations
            NoStep                   | (@Trainable): the class is @Trainable but has no @Step method
            UnsuppliableParameter    | parameter 'dataset' of method step(String) (@Step): tune cannot supply a String
            """)
    void anInvalidTrainableFailsItsContainerWithTheMessage(String name, String expected) throws Exception {
        Class<?> type = Class.forName(Invalid.class.getName() + "$" + name);
        kit(selectClass(type)).execute().containerEvents().assertThatEvents().haveExactly(1,
                event(container(type.getSimpleName()), finishedWithFailure(instanceOf(InvalidTrainableException.class),
                        message(m -> m.startsWith("Invalid trainable " + type.getName()) && m.contains(expected)))));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            ThrowingConstructor | constructor ThrowingConstructor() (@Trainable): the constructor threw java.lang.IllegalStateException: no GPU found
            """)
    void aConstructorThatThrowsFailsItsTrial(String name, String expected) throws Exception {
        Class<?> type = Class.forName(Invalid.class.getName() + "$" + name);
        kit(selectClass(type)).execute().testEvents().assertThatEvents().haveExactly(1,
                event(test(), finishedWithFailure(instanceOf(InvalidTrainableException.class),
                        message(m -> m.contains(expected)))));
    }
}
