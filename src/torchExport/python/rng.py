"""Losscape's seeded random numbers, bit for bit (src/engine/rng.ts, src/losses/random.ts).

Every draw in Losscape comes from mulberry32, a 32-bit state generator, seeded per named stream
("weights", "batches", "mixup", "ensloss:<step>", "landscape-d1", ...). Porting it here keeps the
minibatch order, mixup's partners and weights, and EnsLoss's per-step draws the same as in the app.
All integer arithmetic is modulo 2**32, as JavaScript's Math.imul and >>> are.
"""
import math

_MASK = 0xFFFFFFFF


def _imul(a, b):
    return (a * b) & _MASK


class Rng:
    """mulberry32 with a Box-Muller normal that keeps its spare value, as the app's rng()."""

    def __init__(self, seed):
        self.state = seed & _MASK
        self.spare = None

    def next(self):
        """Uniform in [0, 1)."""
        self.state = (self.state + 0x6D2B79F5) & _MASK
        t = self.state
        t = _imul(t ^ (t >> 15), t | 1)
        t ^= (t + _imul(t ^ (t >> 7), t | 61)) & _MASK
        return ((t ^ (t >> 14)) & _MASK) / 4294967296

    def normal(self):
        """Standard normal (Box-Muller); every second call returns the spare."""
        if self.spare is not None:
            value, self.spare = self.spare, None
            return value
        radius = math.sqrt(-2 * math.log(1 - self.next()))
        angle = 2 * math.pi * self.next()
        self.spare = radius * math.sin(angle)
        return radius * math.cos(angle)

    def int(self, n):
        """Integer in [0, n)."""
        return math.floor(self.next() * n)


def seed_for(seed, stream):
    """An independent seed for a named stream (FNV-1a over the stream's characters)."""
    h = (2166136261 ^ seed) & _MASK
    for ch in stream:
        h = _imul(h ^ ord(ch), 16777619)
    return h


def permutation(random, n):
    """Fisher-Yates shuffle of 0..n-1."""
    order = list(range(n))
    for i in range(n - 1, 0, -1):
        j = random.int(i + 1)
        order[i], order[j] = order[j], order[i]
    return order


def gamma(random, shape):
    """Gamma(shape, 1) by Marsaglia & Tsang (2000), "A simple method for generating gamma variables"."""
    if not shape > 0:
        raise ValueError(f"invalid gamma shape: {shape}")
    if shape < 1:
        return gamma(random, shape + 1) * (1 - random.next()) ** (1 / shape)
    d = shape - 1 / 3
    c = 1 / math.sqrt(9 * d)
    while True:
        x = random.normal()
        t = 1 + c * x
        if t <= 0:
            continue
        v = t * t * t
        u = 1 - random.next()
        if u < 1 - 0.0331 * x ** 4:
            return d * v
        if math.log(u) < 0.5 * x * x + d * (1 - v + math.log(v)):
            return d * v


def beta(random, a, b):
    """Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b)."""
    x = gamma(random, a)
    y = gamma(random, b)
    return x / (x + y) if x + y > 0 else 0.5


def dirichlet(random, concentration, parts):
    """Dirichlet(concentration * 1) over `parts` components."""
    draws = [gamma(random, concentration) for _ in range(parts)]
    total = sum(draws)
    return [v / total for v in draws] if total > 0 else [1 / parts] * parts
