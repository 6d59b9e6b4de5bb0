"""The input features (src/engine/inputFeatures.ts), as in TensorFlow Playground: the network sees
chosen functions of the raw inputs x1, x2 instead of the raw inputs alone.

Each feature is computed in float64 from the float32 inputs and rounded once to float32, as the
app fills its Float32Array, so the model's inputs are the app's to the last bit. Data of more than
two columns trains on its raw (standardised) columns: data.json then names no features (null).
"""
import math

import torch

FEATURES = {
    "x1": lambda x1, x2: x1,
    "x2": lambda x1, x2: x2,
    "x1sq": lambda x1, x2: x1 * x1,
    "x2sq": lambda x1, x2: x2 * x2,
    "x1x2": lambda x1, x2: x1 * x2,
    "sinx1": lambda x1, x2: math.sin(x1),
    "sinx2": lambda x1, x2: math.sin(x2),
}


def feature_matrix(x, ids):
    """Rows of features `len(x) x len(ids)` (float32) from raw rows `x` (1 or 2 columns, float32);
    `ids` in the app's catalogue order. None: the raw columns themselves."""
    if ids is None:
        return x
    rows = x.to(torch.float64).tolist()
    functions = [FEATURES[i] for i in ids]
    values = [[f(row[0], row[1] if len(row) > 1 else 0.0) for f in functions] for row in rows]
    return torch.tensor(values, dtype=torch.float64).reshape(len(rows), len(ids)).to(torch.float32)
