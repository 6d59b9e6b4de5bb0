// The fixed Python modules of an exported project, as text. They are real files beside this one
// (readable and runnable on their own); Vite inlines them with `?raw`.
import batchLosses from './python/batch_losses.py?raw';
import compat from './python/compat.py?raw';
import data from './python/data.py?raw';
import features from './python/features.py?raw';
import ensloss from './python/ensloss.py?raw';
import evaluate from './python/evaluate.py?raw';
import generate from './python/generate.py?raw';
import generatePreference from './python/generate_preference.py?raw';
import generateRegression from './python/generate_regression.py?raw';
import landscape from './python/landscape.py?raw';
import landscapeObjective from './python/landscape_objective.py?raw';
import losses from './python/losses.py?raw';
import metrics from './python/metrics.py?raw';
import mixup from './python/mixup.py?raw';
import model from './python/model.py?raw';
import moe from './python/moe.py?raw';
import optim from './python/optim.py?raw';
import preference from './python/preference.py?raw';
import preferenceLosses from './python/preference_losses.py?raw';
import regressionLosses from './python/regression_losses.py?raw';
import regressionTargets from './python/regression_targets.py?raw';
import rng from './python/rng.py?raw';
import regularization from './python/regularization.py?raw';
import train from './python/train.py?raw';

export const PYTHON_SOURCES: Readonly<Record<string, string>> = {
  'batch_losses.py': batchLosses,
  'compat.py': compat,
  'data.py': data,
  'features.py': features,
  'ensloss.py': ensloss,
  'evaluate.py': evaluate,
  'generate.py': generate,
  'generate_preference.py': generatePreference,
  'generate_regression.py': generateRegression,
  'landscape.py': landscape,
  'landscape_objective.py': landscapeObjective,
  'losses.py': losses,
  'metrics.py': metrics,
  'mixup.py': mixup,
  'model.py': model,
  'moe.py': moe,
  'optim.py': optim,
  'preference.py': preference,
  'preference_losses.py': preferenceLosses,
  'rng.py': rng,
  'regression_losses.py': regressionLosses,
  'regression_targets.py': regressionTargets,
  'regularization.py': regularization,
  'train.py': train,
};
