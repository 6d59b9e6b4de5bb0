"""Losscape's metrics (src/engine/metrics): calibration with the app's binning, temperature
scaling, and sharpness (lambda_max of the Hessian) by the same power iteration.

Calibration and temperature scaling work in float64 on logits read back as float32, as the app does.
"""
import math

import torch

from rng import Rng

NLL_FLOOR = 1e-12


def bin_index(c, bins):
    """Equal-width bin ((m-1)/B, m/B] holding confidence c (0 goes to the first bin), comparing
    with the edges themselves as Guo et al.'s reference code does."""
    m = min(bins - 1, max(0, math.ceil(c * bins) - 1))
    while m > 0 and c <= m / bins:
        m -= 1
    while m < bins - 1 and c > (m + 1) / bins:
        m += 1
    return m


def _equal_mass(confidence, bins):
    """Nixon et al. 2019: sorted by confidence, bin b takes ranks floor(b n / B) .. floor((b+1) n / B) - 1."""
    n = len(confidence)
    order = sorted(range(n), key=lambda i: (confidence[i], i))
    index = [0] * n
    for b in range(bins):
        for r in range(math.floor(b * n / bins), math.floor((b + 1) * n / bins)):
            index[order[r]] = b
    return index


def calibration(probabilities, labels, bins=15, binning="equal-width"):
    """Accuracy, NLL, Brier, ECE = sum_b (|B_b| / n) |acc_b - conf_b| on the top-label
    confidence, and MCE = max_b |acc_b - conf_b| (Guo et al. 2017, On Calibration of Modern
    Neural Networks). `probabilities`: n x K float32 tensor; `labels`: n class indices."""
    probs = probabilities.to(torch.float32).tolist()
    labels = [int(y) for y in labels]
    n = len(labels)
    confidence, correct = [], []
    nll = brier = 0.0
    for row, y in zip(probs, labels):
        best = 0
        for k in range(1, len(row)):
            if row[k] > row[best]:
                best = k
        confidence.append(row[best])
        correct.append(1 if best == y else 0)
        nll -= math.log(max(row[y], NLL_FLOOR))
        brier += sum((p - (1 if k == y else 0)) ** 2 for k, p in enumerate(row))
    index = [bin_index(c, bins) for c in confidence] if binning == "equal-width" else _equal_mass(confidence, bins)
    counts, hits, sums = [0] * bins, [0] * bins, [0.0] * bins
    for i in range(n):
        counts[index[i]] += 1
        hits[index[i]] += correct[i]
        sums[index[i]] += confidence[i]
    ece = mce = 0.0
    for b in range(bins):
        if counts[b]:
            gap = abs(hits[b] / counts[b] - sums[b] / counts[b])
            ece += counts[b] / n * gap
            mce = max(mce, gap)
    return {"accuracy": sum(correct) / n, "nll": nll / n, "brier": brier / n, "ece": ece, "mce": mce}


def temperature_nll(logits, labels, temperature):
    """Mean -log softmax(z / T)_y, in float64."""
    z = logits.to(torch.float64) / temperature
    return float((torch.logsumexp(z, 1) - z[torch.arange(len(labels)), labels]).mean())


def temperature_fit(logits, labels, low=0.05, high=20.0, tolerance=1e-6):
    """T* = argmin_T NLL(z / T) on held-out data by golden-section search on ln T (Guo et al. 2017).
    NLL is convex in 1/T, hence unimodal in ln T."""
    inverse_phi = (math.sqrt(5) - 1) / 2
    a, b = math.log(low), math.log(high)
    lowest, highest = a, b

    def f(u):
        return temperature_nll(logits, labels, math.exp(u))

    c, d = b - inverse_phi * (b - a), a + inverse_phi * (b - a)
    fc, fd = f(c), f(d)
    while b - a > tolerance:
        if fc <= fd:
            b, d, fd = d, c, fc
            c = b - inverse_phi * (b - a)
            fc = f(c)
        else:
            a, c, fc = c, d, fd
            d = a + inverse_phi * (b - a)
            fd = f(d)
    u = (a + b) / 2
    return {
        "temperature": math.exp(u),
        "nll_before": f(0),
        "nll_after": f(u),
        "at_bound": u - lowest < 2 * tolerance or highest - u < 2 * tolerance,
    }


def _norm(vectors):
    total = None
    for v in vectors:
        s = torch.square(v).sum()
        total = s if total is None else total + s
    return torch.sqrt(total)


def preconditioned(gradient_at, at, scale):
    """The gradient of phi -> L(at + S (phi - at)) times S, S = P^(-1/2): its Hessian at phi = at is
    S H S, whose top eigenvalue is lambda_max(P^-1 H). Power iteration runs on it unchanged."""

    def scaled(params):
        moved = [a + s * (p - a) for p, a, s in zip(params, at, scale)]
        return [s * g for s, g in zip(scale, gradient_at(moved))]

    return scaled


def sharpness(gradient_at, params, iterations=20, epsilon=1e-3, seed=1, warm_start=None):
    """lambda_max of the training-loss Hessian by power iteration on Hessian-vector products taken
    as central differences, Hv = (grad L(theta + eps v) - grad L(theta - eps v)) / 2 eps, with the
    Rayleigh quotient v'Hv. Cold starts draw v from rng(seed) (20 iterations in the app, 8 when
    warm-started). Drawn against 2 / lr: Cohen et al. 2021, Gradient Descent on Neural Networks
    Typically Occurs at the Edge of Stability. `gradient_at(list of tensors) -> list of tensors`."""
    if warm_start is None:
        random = Rng(seed)
        warm_start = [torch.tensor([random.normal() for _ in range(p.numel())], dtype=torch.float32).reshape(p.shape) for p in params]
    norm = torch.clamp(_norm(warm_start), min=1e-12)
    v = [t / norm for t in warm_start]
    eigenvalue = None
    for _ in range(max(1, iterations)):
        plus = gradient_at([p + epsilon * vi for p, vi in zip(params, v)])
        minus = gradient_at([p - epsilon * vi for p, vi in zip(params, v)])
        hv = [(gp - gm) / (2 * epsilon) for gp, gm in zip(plus, minus)]
        rayleigh = None
        for h, vi in zip(hv, v):
            s = (h * vi).sum()
            rayleigh = s if rayleigh is None else rayleigh + s
        eigenvalue = rayleigh
        norm = torch.clamp(_norm(hv), min=1e-12)
        v = [h / norm for h in hv]
    return float(eigenvalue), v
