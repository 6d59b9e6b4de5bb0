// The README.md of an exported project: what it is, how to run it, what it reproduces.
import { configRuns, type ExperimentConfig } from '../engine/config';
import { configToSearch } from '../app/urlCodec';

/** Characters a percent-encoded query keeps as they are; anything else leaves the link out. */
const QUERY_TEXT = /^[A-Za-z0-9\-_.!~*'()%&=,:]*$/;

export function projectReadme(config: ExperimentConfig): string {
  const query = configToSearch(config);
  const runs = configRuns(config);
  const link = QUERY_TEXT.test(query) ? `\`\`\`\n?${query}\n\`\`\`\n\nAppend it to the app's address to open the same experiment in the browser.` : 'The link could not be written safely (an unusual file name); see experiment.py.';
  const list = runs.map((run, i) => `${i + 1}. loss \`${run.loss.id}\`, optimizer \`${run.optimizer.id}\`, learning rate ${run.optimizer.learningRate}`).join('\n');
  return `# A Losscape experiment in PyTorch

Exported from Losscape. The experiment's link:

${link}

Runs (a comparison trains each from the same data and initial weights):

${list}

## Run it

Needs Python 3 and PyTorch (1.13 or later; \`pip install torch\`, or Debian's \`python3-torch\`).

\`\`\`sh
python3 train.py --steps 200          # the loss curve, one line per step, then accuracy, ECE (a regression: MSE, MAE), lambda_max
python3 train.py --steps 200 --run 1  # only the second run of a comparison
python3 landscape.py --steps 200 --resolution 11            # the 11x11 surface around the weights after 200 steps
python3 landscape.py --steps 200 --directions pca --every 10  # on the trajectory's PCA plane
\`\`\`

## Scale it

\`\`\`sh
python3 train.py --steps 2000 --width 256 --layers 4           # a larger MLP, initial weights drawn by the app's rule
python3 train.py --steps 2000 --points 100000 --device cuda     # more points from the same generator, on a GPU
torchrun --nproc_per_node=4 train.py --steps 2000               # DistributedDataParallel: NCCL on GPUs, gloo on CPU
torchrun --nproc_per_node=4 landscape.py --resolution 201       # the grid's rows split across processes, gathered on the first
\`\`\`

Under torchrun every process draws the same batch from the seed and trains on its share of the
rows, weighted so that the loss curve is the single-process one (per-example losses; a batch-level
loss, soft Dice or AnyLoss, is then computed per share). With Debian's PyTorch 1.13 on Python 3.11,
add \`--redirects 1 --tee 1\` after \`torchrun\` (its default fails to parse there).
landscape.py writes the surface, its ranges, the path of its checkpoints and the training loss
curve to \`surface.json\`; Losscape shows it in its landscape view (*Export → Import surface (JSON)…*,
or drop the file on the landscape).
\`--points\` works for the app's generated data (generate.py remakes the exported points exactly
from the settings and makes more the same way; generate_preference.py a preference problem's
prompts, pairs and forget set); a real table has only the points of data.json.

## What it reproduces

- **data.json**: the exact points the app trained on (train, validation and test splits, label noise
  and added points included), the training class priors, and the input features the model sees.
- **features.py**: the input features (x₁, x₂, x₁², x₂², x₁x₂, sin x₁, sin x₂) computed from the raw
  points as the app computes them.
- **weights.json** and **model.py**: the MLP at the app's exact initial weights; \`model.initial_weights\`
  draws the same numbers from the seed (He-normal before ReLU, Glorot-normal otherwise).
- **regression_losses.py** and **regression_targets.py**: for a regression (\`TASK = "regression"\`),
  MSE, MAE, Huber, log-cosh, pinball, and HL-Gauss and two-hot with their target histograms over
  bins spanning the training targets' range + 10 %; **generate_regression.py** makes the app's
  regression datasets for \`--points\`; **evaluate.py** reports test MSE and MAE beside predicting the mean.
- **moe.py**: for a mixture of experts (\`MODEL["kind"] = "moe"\`), the linear router over MLP experts
  with top-k routing, one-domain micro-batches, the load-balancing loss per micro-batch or over the
  global batch and the router z-loss (train.py trains it in one process; under torchrun landscape.py
  trains it whole in every process and splits only the grid).
- **preference.py** and **preference_losses.py**: for preference and unlearning (\`TASK = "preference"\`),
  the softmax policy over the responses, the frozen reference, the warm-up when a run unlearns,
  minibatches of pairs or of the forget and retain sets, and DPO, IPO, SimPO, RPO, gradient ascent,
  NPO and NPO + retain; train.py prints the curve and then log pi(y_w), log pi(y_l), the margin, the
  win-rate and the forget and retain probabilities.
- **losses.py**: every loss and add-on of the app, and mixup, written in PyTorch with its formula and
  source in a docstring (EnsLoss in ensloss.py, the batch-level soft Dice and AnyLoss in
  batch_losses.py, mixup's draws in mixup.py).
- **regularization.py**: the L1/L2 penalty on the kernels, added to the objective (the printed curve
  is the data loss, as in the app; the landscape and lambda_max are of the whole objective).
- **optim.py**: every optimizer and schedule with the app's conventions (decoupled weight decay times
  the learning rate, momentum on raw gradients, RMSProp's rho, Adam's folded bias corrections, SAM, Lion...).
- **metrics.py**: ECE and MCE with the app's binning, temperature scaling by golden-section search,
  lambda_max by the same power iteration on finite-difference Hessian-vector products.
- **landscape.py**: filter-normalised random directions from the same seed, or the trajectory's PCA
  plane, and on the grid the run's total objective over the whole training set as the app's landscape
  draws it (landscape_objective.py): the loss with its add-ons and penalty; for a mixture also
  alpha * LBL with each domain one micro-batch (or the global batch) and the router z-loss; for a
  preference run the loss with pi_ref's log-probabilities. surface.json holds the centre's weights.
- **generate.py**: the app's data generators, split and label noise, for \`--points\`.
- **rng.py**: the app's seeded generator, so minibatch order, mixup draws and EnsLoss's per-step draws
  are the same.

Training is float32 on the CPU, as the app's engine is. Over the first 200 steps at the app's
defaults the loss curve agrees with the app's (tfjs, CPU backend) within 1e-4 relative, mostly
within 1e-5; the app's own backends (WebGPU, WASM, WebGL) differ from each other by rounding too.
Where training does not settle (Adam or RMSProp bouncing at the edge of stability with MAE, MSE,
soft Dice or RMSProp itself, AnyLoss's steep sigmoid, the scale-free spherical Z-loss) the
iterates are chaotic: a last-bit difference grows until the curves part, after 25 to 180 steps.
The same happens between two runs of PyTorch whose initial weights differ in the last bit.
`;
}
