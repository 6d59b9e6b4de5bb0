"""Test harness (not part of an exported project): every case of a JSON file through losses.py.
Usage: lossHarness.py PROJECT_DIR CASES_JSON. Prints one JSON list: per case, the objective (the
loss's mean, or its batch value, plus the add-ons' means) and its gradient with respect to the logits."""
import json
import sys

import torch

torch.set_num_threads(1)
sys.path.insert(0, sys.argv[1])
import losses  # noqa: E402

with open(sys.argv[2]) as f:
    cases = json.load(f)
out = []
for case in cases:
    z = torch.tensor(case["logits"], dtype=torch.float32, requires_grad=True)
    t = torch.nn.functional.one_hot(torch.tensor(case["labels"]), z.shape[1]).to(torch.float32)
    context = losses.Context(z.shape[1], case["priors"], case["step"], case["seed"])
    value = losses.objective(case["loss"], case["params"], case["addons"], z, t, context)
    (grad,) = torch.autograd.grad(value, z)
    out.append({"value": float(value), "grad": grad.reshape(-1).tolist()})
print(json.dumps(out))
