"""EnsLoss (src/losses/ensloss.ts), binary: each minibatch draws a convex, calibrated margin loss
from a Dirichlet mixture of four, and trains through the mixed derivative.
Source: EnsLoss: Stochastic Calibrated Loss Ensembles for Preventing Overfitting in Classification.
"""
import math

import torch
import torch.nn.functional as F

import rng

# EnsLoss: four convex, classification-calibrated margin losses phi(m), m = y f with y in {-1, +1}
# and f = z_1 - z_0, mixed with Dirichlet weights drawn per step from the seed.
LN4 = math.log(4)
ENSLOSS_FAMILIES = ["logistic", "squared hinge", "modified Huber", "clipped exponential"]


def ensloss_weights(concentration, context):
    """The Dirichlet weights of the four families for this seed and training step."""
    return rng.dirichlet(rng.Rng(rng.seed_for(context.seed, f"ensloss:{context.step}")), concentration, 4)


def _mix(parts, weights):
    total = weights[0] * parts[0]
    for w, part in zip(weights[1:], parts[1:]):
        total = total + w * part
    return total


def _ensloss_values(m):
    hinge2 = torch.square(torch.relu(1 - m))
    return [
        F.softplus(-m),
        hinge2,
        torch.where(m >= -1, hinge2, -4 * m),
        torch.where(m >= -LN4, torch.exp(-m), 4 * ((1 - LN4) - m)),
    ]


def _ensloss_derivatives(m):
    return [
        -torch.sigmoid(-m),
        -2 * torch.relu(1 - m),
        -2 * torch.relu(1 - torch.clamp(m, min=-1)),
        -torch.exp(-torch.clamp(m, min=-LN4)),
    ]


class _EnsLossFunction(torch.autograd.Function):
    """Forward: the mixed phi; backward: the mixed phi' (the paper trains through the derivative)."""

    @staticmethod
    def forward(ctx, z, d_margin, weights):
        m = (z * d_margin).sum(1)
        ctx.save_for_backward(_mix(_ensloss_derivatives(m), weights).unsqueeze(1) * d_margin)
        return _mix(_ensloss_values(m), weights)

    @staticmethod
    def backward(ctx, dy):
        (gradient,) = ctx.saved_tensors
        return dy.unsqueeze(1) * gradient, None, None


def ensloss(z, t, params, context):
    """EnsLoss, binary: each minibatch draws a convex, calibrated margin loss phi_t with
    phi_t' = sum_j w_tj phi_j', w_t ~ Dirichlet(alpha 1) over the logistic, squared-hinge,
    modified-Huber and clipped-exponential losses, applied with a custom gradient.
    Dirichlet concentration (1). The generator is Losscape's reading of the paper, not its exact method.
    Source: EnsLoss: Stochastic Calibrated Loss Ensembles..."""
    weights = ensloss_weights(params["concentration"], context)
    sign = 2 * t[:, 1:2] - 1
    d_margin = sign * torch.tensor([[-1.0, 1.0]], device=z.device)
    return _EnsLossFunction.apply(z, d_margin, weights)
