"""The notebook a QA lead would write instead of AnnoQA (issue 9), timed: pandas + statsmodels.

Reads one of the bench's long-format CSV exports (bench/generate.ts) and computes what a QA
notebook computes per question (batch, strategy, question): percent agreement, Fleiss' kappa
(statsmodels), Krippendorff's alpha (nominal, and ordinal for graded questions) with a
1,000-resample percentile bootstrap over items, accuracy against gold with Wilson and
Clopper-Pearson intervals (statsmodels), majority-vote accuracy; then per annotator, strategy and
batch: judgements, units, active days, median and p90 duration, cost and accuracy against gold.
It prints one JSON object: the timings of each phase and the figures, which
bench/notebook-case.ts compares with AnnoQA's report of the same file (an independent
computation of the shared figures).

Krippendorff's alpha is computed as the `krippendorff` package does (value counts per unit ->
coincidence matrix -> 1 - D_o / D_e; Krippendorff 2011, "Computing Krippendorff's
alpha-reliability"), vectorised with numpy: the package itself is on PyPI, which this machine
cannot reach; Debian has pandas and statsmodels (apt-get install python3-pandas python3-statsmodels).

    python3 bench/notebook/notebook.py bench/data/judgements-1M.csv [--resamples 1000]
"""

import json
import resource
import sys
import time

import numpy as np
import pandas as pd
import statsmodels
from statsmodels.stats.inter_rater import fleiss_kappa
from statsmodels.stats.proportion import proportion_confint

QUESTION = ["batch_id", "strategy", "question"]
UNIT = ["batch_id", "item_id", "question"]
SEED = 20110101


def count_matrix(group, level):
    """Units x values: how many annotators gave each answer to each item (items with >= 2 ratings)."""
    table = pd.crosstab(group["item_id"], group["answer"])
    if level == "ordinal":
        table = table[sorted(table.columns, key=float)]
    counts = table.to_numpy(dtype=float)
    return counts[counts.sum(axis=1) >= 2]


def alpha(counts, level, weights=None):
    """Krippendorff's alpha from a units x values count matrix (values in ascending order).

    Coincidences o_ck = sum_u n_uc (n_uk - [c = k]) / (m_u - 1); alpha = 1 - (n - 1) *
    sum o_ck d_ck / sum n_c n_k d_ck, d the squared distance of the level (Krippendorff 2011).
    `weights` (how often each unit is drawn) gives a bootstrap resample without copying rows.
    """
    pairable = counts / (counts.sum(axis=1, keepdims=True) - 1)
    if weights is not None:
        pairable = pairable * weights[:, None]
    coincidences = pairable.T @ counts - np.diag(pairable.sum(axis=0))
    n_c = coincidences.sum(axis=1)
    if level == "ordinal":
        # d_ck = (n_c + ... + n_k - (n_c + n_k) / 2)^2, the sum over the values from c to k
        index = np.arange(len(n_c))
        low, high = np.minimum.outer(index, index), np.maximum.outer(index, index)
        cumulative = np.cumsum(n_c)
        distance = (cumulative[high] - cumulative[low] + n_c[low] - (n_c[:, None] + n_c[None, :]) / 2) ** 2
    else:
        distance = 1.0 - np.eye(len(n_c))
    expected = (np.outer(n_c, n_c) * distance).sum()
    if expected == 0:
        return None
    return float(1 - (n_c.sum() - 1) * (coincidences * distance).sum() / expected)


def agreement(counts, level):
    """Percent agreement (mean share of agreeing pairs per item), Fleiss' kappa, alpha (nominal and the question's level)."""
    m = counts.sum(axis=1)
    return {
        "items": int(len(counts)),
        "percent": float(((counts * (counts - 1)).sum(axis=1) / (m * (m - 1))).mean()),
        "fleiss_kappa": float(fleiss_kappa(counts, method="fleiss")),
        "alpha_nominal": alpha(counts, "nominal"),
        "alpha": alpha(counts, level),
    }


def bootstrap_ci(counts, level, resamples, rng):
    """95 % percentile interval of alpha over `resamples` resamples of the items."""
    draws = []
    for _ in range(resamples):
        weights = np.bincount(rng.integers(0, len(counts), len(counts)), minlength=len(counts))
        value = alpha(counts, level, weights)
        if value is not None:
            draws.append(value)
    return [float(np.percentile(draws, 2.5)), float(np.percentile(draws, 97.5))] if draws else None


def accuracy(group):
    """Accuracy against gold of the judgements of gold items, with Wilson and Clopper-Pearson 95 % intervals."""
    scored = group[group["gold"].notna()]
    n = len(scored)
    if n == 0:
        return None
    correct = int((scored["answer"] == scored["gold"]).sum())
    return {
        "n": n,
        "correct": correct,
        "accuracy": correct / n,
        "wilson95": [float(x) for x in proportion_confint(correct, n, alpha=0.05, method="wilson")],
        "clopper_pearson95": [float(x) for x in proportion_confint(correct, n, alpha=0.05, method="beta")],
    }


def majority_vote_accuracy(group):
    """Majority vote per gold item, a tie of t answers scored 1/t when gold is among them."""
    scored = group[group["gold"].notna()]
    if scored.empty:
        return None
    votes = scored.groupby(["item_id", "answer"]).size().rename("votes").reset_index()
    votes["top"] = votes["votes"] == votes.groupby("item_id")["votes"].transform("max")
    top = votes[votes["top"]]
    gold = scored.groupby("item_id")["gold"].first()
    tied = top.groupby("item_id")["answer"].size()
    hit = top.assign(gold=top["item_id"].map(gold)).query("answer == gold").groupby("item_id").size()
    return float((hit.reindex(tied.index, fill_value=0) / tied).mean())


def per_group(frame, key):
    """Per group (annotator, strategy or batch): judgements, units (distinct batch, item, question),
    active UTC days, median and 90th percentile of duration (linear interpolation: R type 7, as
    DuckDB's quantile_cont), cost, and the gold-scored judgements with the correct ones."""
    grouped = frame.groupby(key)
    scored = frame[frame["gold"].notna()]
    out = pd.DataFrame(
        {
            "judgements": grouped.size(),
            "units": frame.drop_duplicates([key, *UNIT]).groupby(key).size(),
            "active_days": frame["submitted_at"].dt.floor("D").groupby(frame[key]).nunique(),
            "median_duration_s": grouped["duration_s"].median(),
            "p90_duration_s": grouped["duration_s"].quantile(0.9),
            "cost_usd": grouped["cost_usd"].sum(),
            "accuracy_n": scored.groupby(key).size(),
            "accuracy_correct": (scored["answer"] == scored["gold"]).groupby(scored[key]).sum(),
        }
    )
    # a group without gold has no scored judgements (0); a figure it cannot have (no duration) is null, as AnnoQA's
    out[["accuracy_n", "accuracy_correct"]] = out[["accuracy_n", "accuracy_correct"]].fillna(0)
    return out.astype(object).where(out.notna(), None).reset_index().to_dict(orient="records")


def main():
    path = sys.argv[1]
    resamples = int(sys.argv[sys.argv.index("--resamples") + 1]) if "--resamples" in sys.argv else 1000
    timings = {}
    clock = {"wall": time.perf_counter(), "cpu": time.process_time()}

    def lap(name):
        now = {"wall": time.perf_counter(), "cpu": time.process_time()}
        timings[f"{name}_ms"] = round((now["wall"] - clock["wall"]) * 1000)
        timings[f"{name}_cpu_ms"] = round((now["cpu"] - clock["cpu"]) * 1000)
        clock.update(now)

    frame = pd.read_csv(path, dtype={"answer": str, "gold": str, "item_id": str, "annotator_id": str})
    # after the read: read_csv's own parse_dates is ~15x slower on these ISO 8601 times
    for column in ["started_at", "submitted_at"]:
        frame[column] = pd.to_datetime(frame[column], utc=True)
    lap("read")

    questions = []
    by_question = list(frame.groupby(QUESTION, sort=True))  # split once, read by agreement and accuracy
    for key, group in by_question:
        level = "ordinal" if (group["value_kind"] == "number").all() else "nominal"
        counts = count_matrix(group, level)
        questions.append({**dict(zip(QUESTION, key)), "level": level, "counts": counts, "agreement": agreement(counts, level)})
    lap("agreement")
    rng = np.random.default_rng(SEED)
    for question in questions:
        question["agreement"]["alpha_ci95"] = bootstrap_ci(question.pop("counts"), question["level"], resamples, rng)
    lap("bootstrap")
    for question, (_, group) in zip(questions, by_question):
        question["accuracy"] = accuracy(group)
        question["majority_vote_accuracy"] = majority_vote_accuracy(group)
    lap("accuracy")
    groups = {key: per_group(frame, key) for key in ["annotator_id", "strategy", "batch_id"]}
    lap("throughput")

    total = sum(v for k, v in timings.items() if k.endswith("_ms") and not k.endswith("cpu_ms"))
    print(
        json.dumps(
            {
                "pandas": pd.__version__,
                "statsmodels": statsmodels.__version__,
                "numpy": np.__version__,
                "rows": len(frame),
                "resamples": resamples,
                **timings,
                "metrics_ms": total - timings["read_ms"],
                "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "questions": questions,
                "groups": groups,
            },
            default=str,
        )
    )


if __name__ == "__main__":
    main()
