"""Writes optuna-fanova-fixture.json: fixed trial sets and Optuna's fANOVA importances on them.

tune's FanovaTest reads the trials, computes its own importances and compares the rankings.
Run with Optuna 4.9 and scikit-learn on the path, e.g. Debian's python3-sklearn and
python3-sqlalchemy/alembic/colorlog/tqdm with Optuna's v4.9.0 source:

    PYTHONPATH=optuna-4.9-src python3 make_optuna_fixture.py > optuna-fanova-fixture.json
"""
import json
import math

import optuna
import sklearn
from optuna.distributions import CategoricalDistribution, FloatDistribution, IntDistribution
from optuna.importance import FanovaImportanceEvaluator, get_param_importances

optuna.logging.set_verbosity(optuna.logging.ERROR)
SEEDS = range(5)


def mixed(trial):
    x = trial.suggest_float("x", -5, 5)
    lr = trial.suggest_float("lr", 1e-4, 1e-1, log=True)
    layers = trial.suggest_int("layers", 1, 8)
    optimizer = trial.suggest_categorical("optimizer", ["adam", "sgd", "rmsprop"])
    noise = trial.suggest_float("noise", 0, 1)
    penalty = {"adam": 0.0, "sgd": 6.0, "rmsprop": 2.0}[optimizer]
    return x * x + 80 * lr + 0.8 * layers + penalty + 0.1 * noise


def branin_like(trial):
    x1 = trial.suggest_float("x1", -5, 10)
    x2 = trial.suggest_float("x2", 0, 15)
    batch = trial.suggest_categorical("batch", [16, 32, 64, 128])
    b, c, r, s, t = 5.1 / (4 * math.pi ** 2), 5 / math.pi, 6, 10, 1 / (8 * math.pi)
    value = (x2 - b * x1 ** 2 + c * x1 - r) ** 2 + s * (1 - t) * math.cos(x1) + s
    return value + {16: 0.0, 32: 3.0, 64: 9.0, 128: 30.0}[batch]


def steps(trial):
    depth = trial.suggest_int("depth", 2, 12)
    width = trial.suggest_int("width", 16, 512, log=True)
    dropout = trial.suggest_float("dropout", 0.0, 0.5, step=0.05)
    act = trial.suggest_categorical("activation", ["relu", "tanh"])
    return (1.0 if depth < 5 else 0.0) * 4 + (width / 512.0) + 2 * abs(dropout - 0.2) + (1.5 if act == "tanh" else 0)


def describe(dist):
    if isinstance(dist, CategoricalDistribution):
        return {"type": "categorical", "choices": list(dist.choices)}
    kind = "int" if isinstance(dist, IntDistribution) else "float"
    return {"type": kind, "low": dist.low, "high": dist.high, "log": dist.log, "step": dist.step}


def study_fixture(name, objective, n_trials, sampler_seed):
    study = optuna.create_study(sampler=optuna.samplers.RandomSampler(seed=sampler_seed))
    study.optimize(objective, n_trials=n_trials)
    by_seed = []
    for seed in SEEDS:
        importances = get_param_importances(study, evaluator=FanovaImportanceEvaluator(seed=seed))
        by_seed.append({k: float(v) for k, v in importances.items()})
    return {
        "name": name,
        "distributions": {k: describe(v) for k, v in study.trials[0].distributions.items()},
        "trials": [{"params": t.params, "value": t.value} for t in study.trials],
        "importances": by_seed[0],
        "importancesBySeed": by_seed,
    }


print(json.dumps({
    "optuna": optuna.__version__,
    "sklearn": sklearn.__version__,
    "evaluator": "FanovaImportanceEvaluator(n_trees=64, max_depth=64, seed=s) for s in 0..4; importances is seed 0",
    "studies": [
        study_fixture("mixed", mixed, 200, 1),
        study_fixture("branin_like", branin_like, 150, 2),
        study_fixture("steps", steps, 300, 3),
    ],
}, indent=1))
