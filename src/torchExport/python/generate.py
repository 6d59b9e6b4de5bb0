"""The app's seeded 2-D data generators (src/engine/datasets.ts, dataShaping.ts, trainingData.ts),
to make the same kind of data at another size: `python3 train.py --points 100000`.

With the exported settings it makes the very points of data.json (the comparison test checks
that); with more points, the same generator, noise, classes, imbalance, split and label noise.
Real tables (Iris, penguins, an uploaded file) cannot grow: for those only data.json exists.
"""
import math
import struct

import generate_preference
import generate_regression
from compat import js_round
from rng import Rng, permutation, seed_for

CLASS_RANGE = {
    "circle": (2, 4), "xor": (2, 2), "gauss": (2, 2), "spiral": (2, 6),
    "moons": (2, 2), "checkerboard": (2, 2), "blobs": (2, 6),
}


def _f32(v):
    return struct.unpack("f", struct.pack("f", v))[0]


def _circle(i, k, n, r):
    # Class c lives on a ring of radius (c + 0.5) / k; class 0 is the inner disc.
    label = i % k
    radius = math.sqrt(r.next()) * (0.5 / k) * 1.6 if label == 0 else ((label + 0.5) / k) * (0.8 + 0.2 * r.next())
    angle = 2 * math.pi * r.next()
    return radius * math.cos(angle), radius * math.sin(angle), label


def _xor(i, k, n, r):
    x = 2 * r.next() - 1
    y = 2 * r.next() - 1

    def pad(v):
        return v + (0.05 if v > 0 else -0.05)

    return pad(x) * 0.9, pad(y) * 0.9, 0 if x * y >= 0 else 1


def _gauss(i, k, n, r):
    label = i % 2
    centre = 0.45 if label == 0 else -0.45
    return centre + 0.25 * r.normal(), centre + 0.25 * r.normal(), label


def _spiral(i, k, n, r):
    label = i % k
    t = math.floor(i / k) / max(1, math.ceil(n / k))
    angle = 1.75 * t * 2 * math.pi + (2 * math.pi * label) / k
    radius = 0.05 + 0.9 * t
    return radius * math.sin(angle) + 0.02 * r.normal(), radius * math.cos(angle) + 0.02 * r.normal(), label


def _moons(i, k, n, r):
    label = i % 2
    angle = math.pi * r.next()
    if label == 0:
        return math.cos(angle) * 0.65 - 0.32, math.sin(angle) * 0.65 - 0.15, 0
    return (1 - math.cos(angle)) * 0.65 - 0.33, -math.sin(angle) * 0.65 + 0.2, 1


def _checkerboard(i, k, n, r):
    x = 2 * r.next() - 1
    y = 2 * r.next() - 1
    cell = math.floor((x + 1) * 2) + math.floor((y + 1) * 2)
    return x, y, cell % 2


def _blobs(i, k, n, r):
    label = i % k
    angle = (2 * math.pi * label) / k + 0.3
    return 0.6 * math.cos(angle) + 0.18 * r.normal(), 0.6 * math.sin(angle) + 0.18 * r.normal(), label


GENERATORS = {"circle": _circle, "xor": _xor, "gauss": _gauss, "spiral": _spiral, "moons": _moons, "checkerboard": _checkerboard, "blobs": _blobs}


def _classes(kind, requested):
    low, high = CLASS_RANGE[kind]
    return min(high, max(low, js_round(requested)))


def _balanced(kind, points, noise, classes, seed):
    k = _classes(kind, classes)
    n = max(1, js_round(points))
    random = Rng(seed_for(seed, f"data:{kind}"))
    jitter = 0.25 * max(0, noise)
    xs, ys = [], []
    for i in range(n):
        px, py, label = GENERATORS[kind](i, k, n, random)
        xs.append([_f32(px + jitter * random.normal()), _f32(py + jitter * random.normal())])
        ys.append(label)
    return xs, ys, k


def _class_counts(points, classes, fraction):
    ratio = fraction / (1 - fraction)
    majority = points / (1 + (classes - 1) * ratio)
    counts = [max(1, js_round(majority if k == 0 else majority * ratio)) for k in range(classes)]
    counts[0] += points - sum(counts)
    return counts


def _take_counts(xs, ys, classes, counts, seed):
    random = Rng(seed_for(seed, "imbalance"))
    keep = [False] * len(ys)
    for k in range(classes):
        members = [i for i, label in enumerate(ys) if label == k]
        order = permutation(random, len(members))
        for j in range(min(counts[k], len(members))):
            keep[members[order[j]]] = True
    rows = [i for i, kept in enumerate(keep) if kept]
    return [xs[i] for i in rows], [ys[i] for i in rows]


def makes(kind):
    """Whether a generator (of classification, regression or preference data) makes this kind."""
    return kind in GENERATORS or kind in generate_regression.FEATURES or kind == "prompts"


def make(source, points=None):
    """data.json's content for the generator settings in `source` (its "source" entry), at
    `points` points (default: the exported number)."""
    kind = source["kind"]
    if kind in generate_regression.FEATURES:
        return generate_regression.make(source, points)
    if kind == "prompts":
        return generate_preference.make(source, points)
    if kind not in GENERATORS:
        raise ValueError(f"{kind} is a table, not a generator: it has only the points of data.json")
    points = source["points"] if points is None else points
    seed, fraction = source["seed"], source["minorityFraction"]
    if fraction >= 0.5:
        xs, ys, k = _balanced(kind, points, source["noise"], source["classes"], seed)
    else:
        k = _classes(kind, source["classes"])
        counts = _class_counts(max(k, js_round(points)), k, fraction)
        xs, ys, _ = _balanced(kind, max(counts) * k, source["noise"], source["classes"], seed)
        xs, ys = _take_counts(xs, ys, k, counts, seed)
    n = len(ys)
    # The split (60 / 20 / 20 by default; validation and test share what training leaves).
    order = permutation(Rng(seed_for(seed, "split")), n)
    fractions = source.get("split", {"validation": 0.2, "test": 0.2})
    validation, test = js_round(n * fractions["validation"]), js_round(n * fractions["test"])
    train = max(1, n - validation - test)
    split = {"train": order[:train], "validation": order[train:train + validation], "test": order[train + validation:]}
    # Label noise on the training labels only.
    noise_kind = source["labelNoiseKind"]
    random = Rng(seed_for(seed, f"label-noise:{noise_kind}"))
    indices = split["train"]
    count = js_round(min(1, max(0, source["labelNoise"])) * len(indices))
    flips = permutation(random, len(indices))
    for j in range(count):
        i = indices[flips[j]]
        ys[i] = (ys[i] + 1) % k if noise_kind == "pair" else (ys[i] + 1 + random.int(k - 1)) % k
    # Points added by clicking join the training split.
    added = source.get("added", [])
    for j in range(len(added) // 3):
        xs.append([_f32(added[3 * j]), _f32(added[3 * j + 1])])
        ys.append(min(k - 1, max(0, added[3 * j + 2])))
        split["train"] = split["train"] + [len(ys) - 1]
    out = {"features": 2, "classes": k, "source": dict(source, points=points)}
    for name, rows in split.items():
        out[name] = {"x": [xs[i] for i in rows], "y": [ys[i] for i in rows]}
    priors = [0.0] * k
    for label in out["train"]["y"]:
        priors[label] = _f32(priors[label] + 1 / len(out["train"]["y"]))
    out["class_priors"] = priors
    return out
