// The one place the engine gets tfjs from. Importing tfjs-core on its own leaves out the
// gradient definitions and the chained-op methods (`t.add(...)`); the two side-effect imports
// register them, or training fails with "gradient function not found". Their order matters:
// tfjs-core first, so its flags exist before registering a gradient reads one (the dev server's
// pre-bundled modules otherwise fail with "Cannot evaluate flag 'DEBUG'").
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';

export { tf };
export type { Tensor, Tensor1D, Tensor2D, Scalar, Variable } from '@tensorflow/tfjs-core';
