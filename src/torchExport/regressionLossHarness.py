"""Test harness (not part of an exported project): every case of a JSON file through
regression_targets.py and regression_losses.py. Usage: regressionLossHarness.py PROJECT_DIR CASES_JSON.
Prints one JSON list: per case, the encoded targets, the mean loss and its gradient with respect to
the outputs, and the predictions."""
import json
import sys

import torch

torch.set_num_threads(1)
sys.path.insert(0, sys.argv[1])
import losses  # noqa: E402
import regression_targets  # noqa: E402

with open(sys.argv[2]) as f:
    cases = json.load(f)
out = []
for case in cases:
    span = (case["support"]["vMin"], case["support"]["vMax"])
    z = torch.tensor(case["outputs"], dtype=torch.float32, requires_grad=True)
    t = regression_targets.encode(case["loss"], case["params"], case["targets"], span)
    context = losses.Context(1, [1.0])
    value = losses.objective(case["loss"], case["params"], {}, z, t, context, task="regression")
    (grad,) = torch.autograd.grad(value, z)
    predictions = regression_targets.predict(case["loss"], case["params"], z.detach(), span)
    out.append({"encoded": t.reshape(-1).tolist(), "value": float(value), "grad": grad.reshape(-1).tolist(), "predictions": predictions.tolist(), "support": regression_targets.support(case["targets"])})
print(json.dumps(out))
