"""The app's seeded preference problem (src/engine/preference/problem.ts), to make the same kind of
prompts at another size: `python3 landscape.py --points 400` on a preference experiment.

With the exported settings it makes the very problem of data.json (the comparison test checks
that): prompts uniform on [-1, 1]^2, K response centres on a jittered ring, the hidden reward
r*(x, y) = -|x - c_y|^2, one pair per prompt with label noise, and the forget set as the prompts
nearest a seeded point. Values are rounded to float32 where the app stores them in Float32Arrays.
"""
import math
import struct

from compat import js_round
from rng import Rng, seed_for


def _f32(v):
    return struct.unpack("f", struct.pack("f", v))[0]


def make(source, points=None):
    """data.json's content for a preference problem's settings (its "source" entry), at `points`
    prompts (default: the exported number)."""
    n = source["prompts"] if points is None else points
    k, noise, seed = source["responses"], source["labelNoise"], source["seed"]
    random = Rng(seed_for(seed, "preference"))
    turn = random.next() * 2 * math.pi
    centres = []
    for y in range(k):
        angle = turn + (2 * math.pi * y) / k
        radius = 0.55 + 0.25 * random.next()
        centres.append([_f32(radius * math.cos(angle)), _f32(radius * math.sin(angle))])
    flat = [_f32(2 * random.next() - 1) for _ in range(2 * n)]
    x = [flat[2 * i:2 * i + 2] for i in range(n)]
    reward = [[_f32(-((p[0] - c[0]) ** 2 + (p[1] - c[1]) ** 2)) for c in centres] for p in x]
    best = []
    for row in reward:
        b = 0
        for y in range(k):
            if row[y] > row[b]:
                b = y
        best.append(b)
    chosen, rejected, flipped = [], [], []
    for i in range(n):
        a = random.int(k)
        b = (a + 1 + random.int(k - 1)) % k
        a_wins = reward[i][a] >= reward[i][b]
        flip = random.next() < noise
        flipped.append(1 if flip else 0)
        chosen.append(a if a_wins != flip else b)
        rejected.append(b if a_wins != flip else a)
    # The forget set: the prompts nearest a seeded point (a topic), ties by index.
    topic = Rng(seed_for(seed, "forget"))
    t0 = 1.2 * topic.next() - 0.6
    t1 = 1.2 * topic.next() - 0.6
    order = sorted(range(n), key=lambda i: ((x[i][0] - t0) ** 2 + (x[i][1] - t1) ** 2, i))
    count = max(1, min(n - 1, js_round(source["forgetFraction"] * n)))
    return {
        "task": "preference",
        "features": 2,
        "responses": k,
        "classes": k,
        "source": dict(source, prompts=n),
        "x": x,
        "centres": centres,
        "reward": reward,
        "best": best,
        "chosen": chosen,
        "rejected": rejected,
        "flipped": flipped,
        "forget": sorted(order[:count]),
        "retain": sorted(order[count:]),
    }
