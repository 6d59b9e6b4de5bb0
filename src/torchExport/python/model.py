"""The model: Losscape's MLP (src/engine/mlp.ts) as a torch.nn.Module.

Dense layers with tanh, ReLU, sigmoid or no activation between them and none after the last.
The app stores a layer's weights as an `inputs x outputs` matrix W and computes h @ W + b;
nn.Linear stores W transposed (`outputs x inputs`). `flat_parameters` lists the parameters in the
app's order (W0 row-major, b0, W1, b1, ...), which the landscape's directions are defined on.
"""
import json
import math
import os

import torch
from torch import nn

from rng import Rng, seed_for

ACTIVATIONS = {"relu": torch.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid, "linear": lambda x: x}


class MLP(nn.Module):
    def __init__(self, sizes, activation):
        super().__init__()
        self.sizes = list(sizes)
        self.activation = activation
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))

    def forward(self, x):
        act = ACTIVATIONS[self.activation]
        h = x
        for i, layer in enumerate(self.layers):
            # h @ W + b with W = weight^T, the app's order of operations.
            h = torch.matmul(h, layer.weight.t()) + layer.bias
            if i + 1 < len(self.layers):
                h = act(h)
        return h

    def load_app_weights(self, layers):
        """Sets the weights from the app's layout: [{"w": inputs x outputs (row-major, flat), "b": [...]}]."""
        with torch.no_grad():
            for layer, given in zip(self.layers, layers):
                w = torch.tensor(given["w"], dtype=torch.float32).reshape(layer.in_features, layer.out_features)
                layer.weight.copy_(w.t())
                layer.bias.copy_(torch.tensor(given["b"], dtype=torch.float32))


def initial_weights(sizes, activation, seed):
    """The app's initial weights (mlpInitWeights): He-normal before a ReLU, Glorot-normal
    otherwise, drawn in storage order from the seed's "weights" stream; biases start at 0."""
    random = Rng(seed_for(seed, "weights"))
    layers = []
    for l in range(len(sizes) - 1):
        inputs, outputs = sizes[l], sizes[l + 1]
        hidden = activation == "relu" and l + 2 < len(sizes)
        scale = math.sqrt(2 / inputs) if hidden else math.sqrt(2 / (inputs + outputs))
        w = [scale * random.normal() for _ in range(inputs * outputs)]
        layers.append({"w": w, "b": [0.0] * outputs})
    return layers


def build_model(sizes, activation, seed, weights_file=None):
    """The MLP at the app's initial weights: from `weights_file` (the exported, exact numbers)
    when it exists and fits these sizes, otherwise drawn from the seed by the same rule."""
    model = MLP(sizes, activation)
    layers = None
    if weights_file and os.path.exists(weights_file):
        with open(weights_file) as f:
            saved = json.load(f)
        if saved["sizes"] == list(sizes):
            layers = saved["layers"]
    model.load_app_weights(layers if layers is not None else initial_weights(sizes, activation, seed))
    return model


def flat_parameters(model):
    """All parameters as one float32 vector in the app's order: W0 (inputs x outputs), b0, W1, b1, ..."""
    parts = []
    for layer in model.layers:
        parts += [layer.weight.detach().t().reshape(-1), layer.bias.detach().reshape(-1)]
    return torch.cat(parts)


def set_flat_parameters(model, flat):
    """The inverse of flat_parameters."""
    offset = 0
    with torch.no_grad():
        for layer in model.layers:
            n_w = layer.in_features * layer.out_features
            layer.weight.copy_(flat[offset:offset + n_w].reshape(layer.in_features, layer.out_features).t())
            offset += n_w
            layer.bias.copy_(flat[offset:offset + layer.out_features])
            offset += layer.out_features


def app_parameters(model):
    """The parameters in the app's layout: [W0 (inputs x outputs), b0, W1, b1, ...], detached."""
    out = []
    for layer in model.layers:
        out += [layer.weight.detach().t().contiguous(), layer.bias.detach().clone()]
    return out


def layer_shapes(layout):
    """(inputs, outputs) of each dense layer: from an MLP's sizes [inputs, hidden..., outputs], or
    as given (a list of pairs, as a mixture's router and experts)."""
    if layout and isinstance(layout[0], (tuple, list)):
        return [tuple(shape) for shape in layout]
    return list(zip(layout[:-1], layout[1:]))


def forward_with(params, x, activation):
    """Logits of the MLP with parameters in the app's layout (for Hessian-vector products and
    landscapes, where the weights are points in parameter space rather than the model's own)."""
    act = ACTIVATIONS[activation]
    h = x
    layers = len(params) // 2
    for l in range(layers):
        h = torch.matmul(h, params[2 * l]) + params[2 * l + 1]
        if l + 1 < layers:
            h = act(h)
    return h
