// A lost WebGPU device (driver reset, GPU removed, the browser reclaiming it) ends every tensor
// on it: the trainer says so, and its client restarts it on the next backend (TrainerClient).
// The device is reached through the webgpu backend object, whose `device` field is public in
// tfjs-backend-webgpu; only the two members used here are typed, so no WebGPU typings are needed.
import { tf } from '../engine/tf';

interface LosableDevice {
  lost: Promise<{ reason?: string; message?: string }>;
  destroy(): void;
}

function webgpuDevice(): LosableDevice | null {
  if (tf.getBackend() !== 'webgpu') return null;
  const device = (tf.backend() as unknown as { device?: LosableDevice }).device;
  return device && typeof device.destroy === 'function' ? device : null;
}

/** Devices already watched: the backend may be announced again (a new workload) on the same device. */
const watched = new WeakSet<LosableDevice>();

/** Calls `onLost` once, with the reason in words, if the running backend's WebGPU device is lost. */
export function deviceLostWatch(onLost: (message: string) => void): void {
  const device = webgpuDevice();
  if (!device || watched.has(device)) return;
  watched.add(device);
  void device.lost.then((info) => onLost([info.reason, info.message].filter((s) => s).join(': ') || 'no reason given'));
}

/** Destroys the WebGPU device, as a lost device would end it (for the e2e test); false without one. */
export function deviceDestroyForTest(): boolean {
  const device = webgpuDevice();
  device?.destroy();
  return device !== null;
}
