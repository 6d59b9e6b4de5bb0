"""Test harness (not part of an exported project): optimizers and schedules of optim.py on the
cases of a JSON file. Usage: optimHarness.py PROJECT_DIR CASES_JSON. Prints one JSON object:
the final parameters of each optimizer case and the factor of each schedule case."""
import json
import sys

import torch

torch.set_num_threads(1)
sys.path.insert(0, sys.argv[1])
import optim  # noqa: E402

with open(sys.argv[2]) as f:
    cases = json.load(f)
finals = []
for case in cases["optimizers"]:
    params = [torch.tensor(t, dtype=torch.float32) for t in case["theta"]]
    a = [torch.tensor(t, dtype=torch.float32) for t in case["a"]]
    b = [torch.tensor(t, dtype=torch.float32) for t in case["b"]]
    optimizer = optim.make_optimizer(case["optimizer"], params, case["params"])

    def gradient_at():
        # The gradient of the quadratic sum(a * theta^2 / 2 + b * theta): a * theta + b.
        return [ai * p + bi for p, ai, bi in zip(params, a, b)]

    with torch.no_grad():
        for _ in range(case["steps"]):
            for p, g in zip(params, gradient_at()):
                p.grad = g
            optimizer.step(case["lr"], gradient_at)
    finals.append([p.reshape(-1).tolist() for p in params])
factors = [optim.learning_rate(c["schedule"], c["params"], 1.0, c["step"], c["total"]) for c in cases["schedules"]]
print(json.dumps({"optimizers": finals, "schedules": factors}))
