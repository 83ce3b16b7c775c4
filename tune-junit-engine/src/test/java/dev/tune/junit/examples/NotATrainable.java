package dev.tune.junit.examples;

/** Has nothing for tune: discovery must not pick it up. */
public class NotATrainable {
    public void something() {
    }
}
