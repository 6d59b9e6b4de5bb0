"""What landscape.py draws at each point of parameter space: the run's total objective over the
whole training set, as the app's landscape computes it (src/engine/landscape/*).

- an MLP (classification or regression): the loss with its add-ons, plus the L1/L2 penalty;
- a mixture of experts (moeEvaluate.ts): the task loss with its add-ons, plus alpha * LBL with each
  domain of the training set one micro-batch ("micro") or all points one ("global"), plus the
  router z-loss and the penalty (moe.full_batch_auxiliary_loss);
- a preference run (preferenceLandscape.ts): the run's loss on every pair, or on the forget (and
  retain) set, with pi_ref's log-probabilities (the policy where training started) and the loss's
  beta, gamma, eta or lambda (preference.objective).

Each objective takes the point's weights in float64 (the app's flat order), rounds them once to
float32 for the forward pass, and adds the penalty in float64, as the app does.
"""
import torch

import losses
import moe
import preference
import regularization
from model import forward_with, layer_shapes


def moe_shapes(inputs, experts, expert_sizes):
    """A mixture's layers in the app's order: the router, then each expert's layers."""
    return [(inputs, experts)] + layer_shapes(expert_sizes) * experts


def unflatten(flat, layout):
    """A flat vector (app order) as [W0 (inputs x outputs), b0, ...]."""
    out, offset = [], 0
    for i, o in layer_shapes(layout):
        out.append(flat[offset:offset + i * o].reshape(i, o))
        offset += i * o
        out.append(flat[offset:offset + o])
        offset += o
    return out


def _penalty(run, exact, shapes):
    return regularization.penalty_at(run.get("regularization", "none"), run.get("regularization_rate", 0), exact, shapes)


def mlp_objective(layout, activation, x, run, targets, context, task):
    """An MLP's loss with its add-ons over (x, targets), plus the run's penalty."""
    def at(exact):
        z = forward_with(unflatten(exact.to(torch.float32), layout), x, activation)
        return float(losses.objective(run["loss"], run["loss_params"], run.get("addons", {}), z, targets, context, task=task)) + _penalty(run, exact, layout)

    return at


def moe_objective(model, run, split, domains, targets, context, task):
    """A mixture's total objective over the training split (`domains`: the experiment's count)."""
    shapes = moe_shapes(split.x.shape[1], len(model.experts), model.expert_sizes)
    point_domains = moe.domains_of(split.raw, domains)

    def at(exact):
        routed = moe.route_with(unflatten(exact.to(torch.float32), shapes), split.x, model.top_k, len(model.experts), model.activation)
        value = losses.objective(run["loss"], run["loss_params"], run.get("addons", {}), routed["logits"], targets, context, task=task)
        auxiliary = moe.full_batch_auxiliary_loss(routed, model.top_k, run["moe"], point_domains)
        return float(value if auxiliary is None else value + auxiliary) + _penalty(run, exact, shapes)

    return at, shapes


def preference_objective(layout, activation, run, problem, ref):
    """A preference run's objective over every row its loss reads, with pi_ref's log-probabilities `ref`."""
    rows = preference.rows_all(problem, ref)

    def at(exact):
        params = unflatten(exact.to(torch.float32), layout)
        return float(preference.objective(run["loss"], run["loss_params"], lambda x: forward_with(params, x, activation), rows))

    return at
