"""A mixture of experts on the plane (src/engine/moe/*): a linear router and N_E small MLP experts.

The router's softmax gives every point a gate probability p_i(x) per expert; the point goes to its
top-k experts and its logits are the gate-weighted sum of theirs,
    z(x) = sum_{i in topk(x)} p_i(x) * expert_i(x),
with the gates left unnormalised as in the Switch Transformer (Fedus et al. 2021), so the task
loss reaches the router through p_i even with top-1 routing. Every expert runs on every point and
the unrouted ones are masked out, as in the app.

Auxiliary losses, added to the task loss:
- load balancing (Qiu et al. 2025, "Demons in the Detail: On Implementing Load Balancing Loss for
  Training Specialized Mixture-of-Expert Models"): LBL = N_E * sum_i f_i p_i, f_i the share of the
  batch's routing slots (k per point) taken by expert i (no gradient), p_i its mean gate
  probability; per micro-batch and averaged ("micro"), or over the whole global batch ("global");
- the router z-loss (Zoph et al. 2022, ST-MoE): the mean of (logsumexp of the router logits)^2.

Batches: the plane is cut into D angular sectors (domains); each micro-batch is drawn from one
domain, the domains taken in turn from seeded shuffles, the points of a domain in a seeded
per-domain epoch order.
"""
import json
import math
import os

import torch
from torch import nn

from model import MLP, forward_with, initial_weights
from rng import Rng, permutation, seed_for


class MoE(nn.Module):
    def __init__(self, inputs, outputs, experts, top_k, hidden, activation):
        super().__init__()
        self.top_k = min(top_k, experts)
        self.activation = activation
        self.router = nn.Linear(inputs, experts)
        self.experts = nn.ModuleList(MLP([inputs] + list(hidden) + [outputs], activation) for _ in range(experts))
        self.expert_sizes = [inputs] + list(hidden) + [outputs]

    @property
    def layers(self):
        """Every dense layer in the app's parameter order: the router, then each expert's layers
        (model.flat_parameters and the optimizers' slots follow it)."""
        return [self.router] + [layer for expert in self.experts for layer in expert.layers]

    def route(self, x):
        """The logits and the routing: router logits, gate probabilities and the top-k mask."""
        return route_with(app_params(self), x, self.top_k, len(self.experts), self.activation)

    def forward(self, x):
        return self.route(x)["logits"]

    def load_app_weights(self, layers):
        with torch.no_grad():
            for layer, given in zip(self.layers, layers):
                w = torch.tensor(given["w"], dtype=torch.float32).reshape(layer.in_features, layer.out_features)
                layer.weight.copy_(w.t())
                layer.bias.copy_(torch.tensor(given["b"], dtype=torch.float32))


def app_params(model):
    """[W_router, b_router, expert 0's W0, b0, ...] with W as `inputs x outputs` (differentiable)."""
    out = []
    for layer in model.layers:
        out += [layer.weight.t(), layer.bias]
    return out


def top_k_mask(probs, top_k):
    """1 at each point's top-k gates, from argmax and one-hot (no gradient flows through the choice)."""
    experts = probs.shape[1]
    first = torch.nn.functional.one_hot(probs.argmax(1), experts).to(probs.dtype)
    if top_k < 2:
        return first
    # Probabilities lie in [0, 1]: subtracting 2 from the chosen one puts it last.
    second = torch.nn.functional.one_hot((probs - 2 * first).argmax(1), experts).to(probs.dtype)
    return first + second


def route_with(params, x, top_k, experts, activation):
    """The mixture's forward pass at parameters in the app's layout (for landscapes and Hessian-vector products)."""
    router_logits = torch.matmul(x, params[0]) + params[1]
    probs = torch.softmax(router_logits, 1)
    mask = top_k_mask(probs.detach(), top_k)
    gates = probs * mask
    per = (len(params) - 2) // experts
    logits = None
    for e in range(experts):
        out = forward_with(params[2 + e * per:2 + (e + 1) * per], x, activation)
        term = out * gates[:, e:e + 1]
        logits = term if logits is None else logits + term
    return {"logits": logits, "router_logits": router_logits, "probs": probs, "mask": mask}


def load_balancing_loss(probs, mask, top_k, micro_batches, scope):
    """N_E * sum_i f_i p_i, averaged over micro-batches ("micro") or over the global batch ("global")."""
    n, experts = probs.shape
    m = 1 if scope == "global" else max(1, micro_batches)
    f = mask.reshape(m, n // m, experts).mean(1) / top_k
    p = probs.reshape(m, n // m, experts).mean(1)
    return experts * (f * p).sum(1).mean()


def router_z_loss(router_logits):
    return torch.logsumexp(router_logits, 1).square().mean()


def auxiliary_loss(routed, top_k, settings, micro_batches):
    """alpha * LBL + z * z-loss (None when both are off), as the app adds them."""
    terms = []
    if settings["alpha"] > 0:
        terms.append(settings["alpha"] * load_balancing_loss(routed["probs"], routed["mask"], top_k, micro_batches, settings["balance"]))
    if settings["z_loss"] > 0:
        terms.append(settings["z_loss"] * router_z_loss(routed["router_logits"]))
    if not terms:
        return None
    return terms[0] if len(terms) == 1 else terms[0] + terms[1]


def full_batch_balance_loss(probs, mask, top_k, scope, domains):
    """LBL over the whole training set, as the app's landscape and sharpness take it
    (src/engine/moe/moeFullBatch.ts): training draws each micro-batch from one domain, so on the
    whole set each domain is one micro-batch. "micro": each present domain's N_E * sum_i f_i p_i,
    averaged over the domains (each counts once whatever its size); "global": f_i and p_i over all
    points. `domains`: each point's domain (domains_of)."""
    experts = probs.shape[1]
    if scope == "global":
        return experts * ((mask.mean(0) / top_k) * probs.mean(0)).sum()
    terms = []
    for d in sorted(set(domains)):
        rows = torch.tensor([i for i, v in enumerate(domains) if v == d], dtype=torch.int64)
        terms.append(experts * ((mask[rows].mean(0) / top_k) * probs[rows].mean(0)).sum())
    return torch.stack(terms).mean()


def full_batch_auxiliary_loss(routed, top_k, settings, domains):
    """alpha * LBL + z * z-loss over the whole training set, each domain one micro-batch (None when both are off)."""
    terms = []
    if settings["alpha"] > 0:
        terms.append(settings["alpha"] * full_batch_balance_loss(routed["probs"], routed["mask"], top_k, settings["balance"], domains))
    if settings["z_loss"] > 0:
        terms.append(settings["z_loss"] * router_z_loss(routed["router_logits"]))
    if not terms:
        return None
    return terms[0] if len(terms) == 1 else terms[0] + terms[1]


def domains_of(raw_x, domains):
    """Each point's domain (its angular sector) from the raw plane coordinates `raw_x` (n x F)."""
    return [domain_of(row[0], row[1] if len(row) > 1 else 0.0, domains) for row in raw_x.tolist()]


def initial_moe_weights(inputs, outputs, experts, hidden, activation, seed):
    """The router (std 0.1, from the seed's "router" stream), then each expert drawn by the MLP's
    rule from its own stream ("expert 0", "expert 1", ...), so experts start different."""
    random = Rng(seed_for(seed, "router"))
    router = {"w": [0.1 * random.normal() for _ in range(inputs * experts)], "b": [0.0] * experts}
    sizes = [inputs] + list(hidden) + [outputs]
    layers = [router]
    for e in range(experts):
        layers += initial_weights(sizes, activation, seed_for(seed, f"expert {e}"))
    return layers


def domain_of(x1, x2, domains):
    """The angular sector of (x1, x2) among `domains`, sector 0 from the positive x1 axis, counter-clockwise."""
    angle = math.atan2(x2, x1)
    turn = (angle + 2 * math.pi if angle < 0 else angle) / (2 * math.pi)
    return min(domains - 1, math.floor(turn * domains))


class DomainBatches:
    """Global batches of `micro_batches` one-domain micro-batches of `size` points (indices into the training split)."""

    def __init__(self, raw_x, domains, seed):
        self.random = Rng(seed_for(seed, "moe-batches"))
        self.members = [[] for _ in range(domains)]
        for i, d in enumerate(domains_of(raw_x, domains)):
            self.members[d].append(i)
        self.orders = [[] for _ in range(domains)]
        self.cursors = [0] * domains
        self.domain_order = []

    def next(self, micro_batches, size):
        indices = []
        for _ in range(micro_batches):
            d = self._next_domain()
            indices += [self._next_member(d) for _ in range(size)]
        return torch.tensor(indices, dtype=torch.int64)

    def _next_domain(self):
        if not self.domain_order:
            present = [d for d, m in enumerate(self.members) if m]
            self.domain_order = [present[k] for k in permutation(self.random, len(present))]
        return self.domain_order.pop(0)

    def _next_member(self, d):
        if self.cursors[d] >= len(self.orders[d]):
            self.orders[d] = permutation(self.random, len(self.members[d]))
            self.cursors[d] = 0
        member = self.members[d][self.orders[d][self.cursors[d]]]
        self.cursors[d] += 1
        return member


def build_moe(model_settings, inputs, outputs, seed, weights_file=None):
    """The mixture at the app's initial weights: from `weights_file` (the exported numbers) when it
    holds a mixture of these sizes, otherwise drawn from the seed by the same rule."""
    hidden = [model_settings["width"]] * model_settings["layers"]
    experts = model_settings["experts"]
    model = MoE(inputs, outputs, experts, model_settings["top_k"], hidden, model_settings["activation"])
    layers = None
    if weights_file and os.path.exists(weights_file):
        with open(weights_file) as f:
            saved = json.load(f)
        if saved.get("kind") == "moe" and saved["sizes"] == model.expert_sizes and saved["experts"] == experts:
            layers = saved["layers"]
    model.load_app_weights(layers if layers is not None else initial_moe_weights(inputs, outputs, experts, hidden, model_settings["activation"], seed))
    return model
