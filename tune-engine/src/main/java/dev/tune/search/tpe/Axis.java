package dev.tune.search.tpe;

import dev.tune.space.Categorical;
import dev.tune.space.Conditional;
import dev.tune.space.Domain;
import dev.tune.space.FloatDomain;
import dev.tune.space.Grid;
import dev.tune.space.IntDomain;
import dev.tune.space.NormalDomain;
import java.util.List;

/**
 * One hyperparameter as TPE models it, in Optuna's internal representation: a number on the
 * domain's own scale (the logarithm for log domains) between {@code low} and {@code high}, on a
 * grid of {@code step} when it is discrete (0 when continuous), or a choice by index. Converts
 * values both ways; values come back inside the domain, with the domain's type.
 */
final class Axis {

    final String name;
    final boolean categorical;
    final List<Object> choices;
    final double low;
    final double high;
    final double step;
    private final Domain domain;

    private Axis(String name, Domain domain, List<Object> choices, double low, double high, double step) {
        this.name = name;
        this.domain = domain;
        this.categorical = choices != null;
        this.choices = choices;
        this.low = low;
        this.high = high;
        this.step = step;
    }

    /** The axis for {@code domain}, or null when TPE does not model it (constants and computed values). */
    static Axis of(String name, Domain domain) {
        if (domain instanceof Conditional conditional) {
            return of(name, conditional.base());
        }
        if (domain instanceof Categorical c) {
            return new Axis(name, domain, c.values(), 0, c.values().size() - 1, 1);
        }
        if (domain instanceof Grid g) {
            return new Axis(name, domain, g.values(), 0, g.values().size() - 1, 1);
        }
        if (domain instanceof FloatDomain f) {
            if (f.log()) {
                return new Axis(name, domain, null, Math.log(f.lower()), Math.log(f.upper()), 0);
            }
            if (f.q() > 0) {
                double first = Domain.quantize(Math.ceil(f.lower() / f.q() - 1e-9) * f.q(), f.q());
                double last = Domain.quantize(Math.floor(f.upper() / f.q() + 1e-9) * f.q(), f.q());
                return new Axis(name, domain, null, first, last, f.q());
            }
            return new Axis(name, domain, null, f.lower(), f.upper(), 0);
        }
        if (domain instanceof IntDomain i) {
            long first = -Math.floorDiv(-i.lower(), i.q()) * i.q();
            long last = Math.floorDiv(i.upper(), i.q()) * i.q();
            if (i.log()) {
                return new Axis(name, domain, null, Math.log(first - 0.5), Math.log(last + 0.5), 0);
            }
            return new Axis(name, domain, null, first, last, i.q());
        }
        if (domain instanceof NormalDomain n) {
            return new Axis(name, domain, null, n.mean() - 4 * n.sd(), n.mean() + 4 * n.sd(), n.q() > 0 ? n.q() : 0);
        }
        return null;
    }

    /** The internal value of {@code value}, or NaN when this axis cannot represent it. */
    double toInternal(Object value) {
        if (categorical) {
            int index = Categorical.indexOf(choices, value);
            return index < 0 ? Double.NaN : index;
        }
        if (!(value instanceof Number number)) {
            return Double.NaN;
        }
        double v = number.doubleValue();
        boolean log = domain instanceof FloatDomain f && f.log() || domain instanceof IntDomain i && i.log();
        if (log) {
            return v > 0 ? Math.log(v) : Double.NaN;
        }
        return v;
    }

    /** The domain's value for internal value {@code x}: rounded onto the domain's grid and kept in bounds. */
    Object fromInternal(double x) {
        if (categorical) {
            return choices.get((int) Math.max(0, Math.min(choices.size() - 1, Math.round(x))));
        }
        if (domain instanceof IntDomain i) {
            double v = i.log() ? Math.exp(x) : x;
            long first = -Math.floorDiv(-i.lower(), i.q());
            long last = Math.floorDiv(i.upper(), i.q());
            long k = Math.max(first, Math.min(last, Math.round(v / i.q())));
            return k * i.q();
        }
        if (domain instanceof FloatDomain f) {
            double v = f.log() ? Math.exp(x) : x;
            if (f.q() > 0) {
                return Math.max(low(f), Math.min(high(f), Domain.quantize(v, f.q())));
            }
            return Math.max(f.lower(), Math.min(Math.nextDown(f.upper()), v));
        }
        NormalDomain n = (NormalDomain) domain;
        double v = Math.max(low, Math.min(high, x));
        return n.q() > 0 ? Domain.quantize(v, n.q()) : v;
    }

    private double low(FloatDomain f) {
        return f.log() ? Domain.quantize(Math.ceil(f.lower() / f.q() - 1e-9) * f.q(), f.q()) : low;
    }

    private double high(FloatDomain f) {
        return f.log() ? Domain.quantize(Math.floor(f.upper() / f.q() + 1e-9) * f.q(), f.q()) : high;
    }
}
