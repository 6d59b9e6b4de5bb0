"""The app's seeded regression datasets (src/engine/regressionData.ts) and their split, to make
the same kind of data at another size: `python3 train.py --points 100000`.

With the exported settings it makes the very points of data.json. Inputs lie in [-1, 1]; each
target is the noise-free curve or surface at the float64 input plus seeded Gaussian noise, stored
as float32. An uploaded CSV file cannot grow: for it only data.json exists.
"""
import math
import struct

from compat import js_round
from rng import Rng, permutation, seed_for

# Input columns of each kind: the Playground's planes have two, the curves one.
FEATURES = {"plane": 2, "multi-gauss": 2, "sine": 1, "hetero-sine": 1, "two-branch": 1, "outliers": 1}

NOISE_SD = 0.5  # the target noise's SD at noise = 1
BUMPS = [(-2 / 3, 0.4, 1), (0, 0.4, -1), (2 / 3, 0.4, 1), (-2 / 3, -0.4, -1), (0, -0.4, 1), (2 / 3, -0.4, -1)]
BUMP_SD = 0.2
BRANCH_OFFSET = 0.5
OUTLIER_SHARE = 0.1
OUTLIER_OFFSET = (1.5, 3)


def _f32(v):
    return struct.unpack("f", struct.pack("f", v))[0]


def target_mean(kind, x1, x2=0.0):
    """The noise-free target E[y | x]; for two-branch it lies between the branches."""
    if kind == "plane":
        return (x1 + x2) / 2
    if kind == "multi-gauss":
        total = 0
        for cx, cy, sign in BUMPS:
            total += sign * math.exp(-((x1 - cx) ** 2 + (x2 - cy) ** 2) / (2 * BUMP_SD ** 2))
        return total
    if kind == "two-branch":
        return 0.3 * math.sin(math.pi * x1)
    return math.sin(math.pi * x1)


def noise_sd(kind, noise, x1):
    """The target noise's SD at one input: growing along x for hetero-sine, constant otherwise."""
    level = min(1, max(0, noise))
    return level * ((x1 + 1) / 2) if kind == "hetero-sine" else NOISE_SD * level


def dataset(kind, points, noise, seed):
    """(inputs as float32 rows, float32 targets)."""
    features = FEATURES[kind]
    random = Rng(seed_for(seed, f"regression:{kind}"))
    xs, ys = [], []
    for _ in range(points):
        x1 = 2 * random.next() - 1
        x2 = 2 * random.next() - 1 if features == 2 else 0.0
        xs.append([_f32(x1), _f32(x2)] if features == 2 else [_f32(x1)])
        if kind == "two-branch":
            centre = target_mean(kind, x1) + (BRANCH_OFFSET if random.next() < 0.5 else -BRANCH_OFFSET)
        else:
            centre = target_mean(kind, x1, x2)
        y = _f32(centre + noise_sd(kind, noise, x1) * random.normal())
        # Drawn for every point, so an outlier's place does not depend on the noise level.
        if kind == "outliers":
            u, size, sign = random.next(), random.next(), random.next()
            if u < OUTLIER_SHARE:
                y = _f32(y + (-1 if sign < 0.5 else 1) * (OUTLIER_OFFSET[0] + size * (OUTLIER_OFFSET[1] - OUTLIER_OFFSET[0])))
        ys.append(y)
    return xs, ys


def make(source, points=None):
    """data.json's content for the settings in `source`, at `points` points (default: the exported number)."""
    kind = source["kind"]
    points = source["points"] if points is None else points
    xs, ys = dataset(kind, points, source["noise"], source["seed"])
    order = permutation(Rng(seed_for(source["seed"], "split")), points)
    fractions = source["split"]
    validation, test = js_round(points * fractions["validation"]), js_round(points * fractions["test"])
    train = max(1, points - validation - test)
    split = {"train": order[:train], "validation": order[train:train + validation], "test": order[train + validation:]}
    out = {"task": "regression", "features": FEATURES[kind], "classes": 1, "source": dict(source, points=points)}
    for name, rows in split.items():
        out[name] = {"x": [xs[i] for i in rows], "y": [ys[i] for i in rows]}
    return out
