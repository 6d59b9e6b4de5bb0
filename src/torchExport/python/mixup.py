"""mixup (src/losses/mixup.ts): each example is mixed with a seeded partner, with a Beta(alpha, alpha)
weight per example; the loss is the same mixture of the loss against the two targets (losses.py).
Source: On the Limitations of Temperature Scaling for Distributions with Overlaps.
"""
import torch

import rng


def mixup_draw(random, alpha, n):
    """lambda_i ~ Beta(alpha, alpha) per example (float32), then the partners: a permutation.
    Source: On the Limitations of Temperature Scaling for Distributions with Overlaps."""
    lambdas = torch.tensor([rng.beta(random, alpha, alpha) for _ in range(n)], dtype=torch.float32)
    return lambdas, rng.permutation(random, n)


def mixup_batch(x, lambdas, partners):
    """x~_i = lambda_i x_i + (1 - lambda_i) x_partner(i)."""
    lam = lambdas.unsqueeze(1)
    return lam * x + (1 - lam) * x[partners]
