// Draws a three.js scene onto a canvas without the main thread waiting for the GPU.
//
// Without a GPU (SwiftShader), a WebGL canvas drawn in a frame is read back into memory during
// that frame's commit on the main thread (glReadPixels), which first waits for the software
// renderer to finish the draw: every 3-D picture held one task for 40–80 ms, the first (whose
// shader pipelines are compiled on the way) for 150–450 ms, on a 2-core machine. So the scene is
// drawn into a render target, which the compositor never reads; a WebGL fence, polled between
// tasks (clientWaitSync with a zero timeout does not block), says when the GPU is done; only then
// is the picture copied onto the canvas, a single textured quad whose read-back is quick.
//
// The first use of a shader program also waits, for its link (three.js asks for its uniforms).
// Linked all in the first draw, five programs held one task for ~70 ms; warmUp links them one
// task at a time, the GPU idle in between.
import * as THREE from 'three';

/** How often a pending fence is polled: a few times per frame, each poll a cheap shared-memory read. */
const POLL_MS = 4;

/** Resolves when the GPU has run every command issued so far on `gl` (at once if fences are unsupported or the context is lost). */
export function gpuDone(gl: WebGL2RenderingContext): Promise<void> {
  const sync = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
  gl.flush();
  return new Promise((resolve) => {
    const poll = (): void => {
      if (!sync || gl.isContextLost()) return resolve();
      if (gl.clientWaitSync(sync, 0, 0) === gl.TIMEOUT_EXPIRED) {
        setTimeout(poll, POLL_MS);
        return;
      }
      gl.deleteSync(sync);
      resolve();
    };
    // A fence's status changes only between tasks (WebGL 2 §5.27), so the first poll is in the next one.
    setTimeout(poll, POLL_MS);
  });
}

/** Gives the event loop a turn: input and frames go first, then the next chunk of work. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves in the task after the next frame's: that frame, and its commit, have been drawn. */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * The copy onto the canvas: the target's (linear) colours, sRGB-encoded as three.js encodes a
 * canvas's (its sRGBTransferOETF). A raw shader because three.js links its own materials once for
 * a render target and once for the canvas (the output colour space differs), and the canvas's
 * would first link, and have its software pipeline compiled, inside a frame that waits for it;
 * a raw shader's one program is warmed up off screen with the rest.
 */
function copyMaterialCreate(picture: THREE.Texture): THREE.RawShaderMaterial {
  return new THREE.RawShaderMaterial({
    glslVersion: THREE.GLSL3,
    uniforms: { picture: { value: picture } },
    vertexShader: `
      in vec3 position;
      in vec2 uv;
      out vec2 vUv;
      void main() {
        vUv = uv;
        gl_Position = vec4(position.xy, 0.0, 1.0);
      }`,
    fragmentShader: `
      precision highp float;
      uniform sampler2D picture;
      in vec2 vUv;
      out vec4 colour;
      void main() {
        vec4 c = texture(picture, vUv);
        colour = vec4(mix(pow(c.rgb, vec3(0.41666)) * 1.055 - vec3(0.055), c.rgb * 12.92, vec3(lessThanEqual(c.rgb, vec3(0.0031308)))), c.a);
      }`,
    depthTest: false,
    depthWrite: false,
  });
}

export interface FencedDraw {
  /**
   * Draws the scene; the canvas shows it once the GPU is done. Settles after the frame that
   * showed it (its read-back done): the caller starts no other GPU work before (surfaceDrawQueue.ts).
   */
  draw(): Promise<void>;
  /**
   * The canvas's new size (CSS pixels) and pixel ratio, for the next draw. The canvas itself is
   * resized only when that draw is shown: resizing clears it, and a cleared canvas is read back
   * at the next commit, which would then wait for a draw under way.
   */
  setSize(width: number, height: number, ratio: number): void;
  /**
   * Steps that link every shader program the scene's objects use and the copy's, one each,
   * hidden objects included (a path or contours that appear later would otherwise link inside
   * a frame); each settles once the GPU is done. The canvas is not touched.
   */
  warmUpSteps(): Array<() => Promise<void>>;
  dispose(): void;
}

export function fencedDrawCreate(renderer: THREE.WebGLRenderer, scene: THREE.Scene, camera: THREE.Camera, { samples }: { samples: number }): FencedDraw {
  const gl = renderer.getContext() as WebGL2RenderingContext;
  const css = renderer.getSize(new THREE.Vector2());
  const wanted = { width: css.x, height: css.y, ratio: renderer.getPixelRatio() };
  const size = renderer.getDrawingBufferSize(new THREE.Vector2());
  // sRGB storage (decoded on sampling) keeps the 8-bit target's darks as smooth as the canvas's
  // own buffer; `samples` stands in for the canvas's antialias, which now only shows the copy.
  const target = new THREE.WebGLRenderTarget(size.x, size.y, { colorSpace: THREE.SRGBColorSpace, samples });
  const copyMaterial = copyMaterialCreate(target.texture);
  const copy = new THREE.Mesh(new THREE.PlaneGeometry(2, 2), copyMaterial);
  copy.frustumCulled = false;
  const copyScene = new THREE.Scene();
  copyScene.add(copy);
  const copyCamera = new THREE.OrthographicCamera(-1, 1, 1, -1, 0, 1);
  let disposed = false;

  const drawToTarget = (): void => {
    // As three.js sizes a canvas's drawing buffer.
    size.set(Math.floor(wanted.width * wanted.ratio), Math.floor(wanted.height * wanted.ratio));
    if (size.x !== target.width || size.y !== target.height) target.setSize(size.x, size.y);
    renderer.setRenderTarget(target);
    renderer.render(scene, camera);
    renderer.setRenderTarget(null);
  };

  const draw = async (): Promise<void> => {
    if (disposed) return;
    drawToTarget();
    await gpuDone(gl);
    if (disposed) return;
    renderer.getSize(css);
    if (renderer.getPixelRatio() !== wanted.ratio) renderer.setPixelRatio(wanted.ratio);
    if (css.x !== wanted.width || css.y !== wanted.height) renderer.setSize(wanted.width, wanted.height, false);
    renderer.render(copyScene, copyCamera);
    await afterNextFrame();
  };

  const warmUpSteps = (): Array<() => Promise<void>> => {
    const parts: THREE.Object3D[] = [];
    scene.traverse((o) => {
      if ((o as THREE.Mesh).material) parts.push(o);
    });
    // One program per step: only one part is drawn into the target (an empty geometry links its
    // program and draws nothing), and the GPU is done before the next.
    const steps = parts.map((only) => async (): Promise<void> => {
      if (disposed) return;
      const was = parts.map((o) => ({ visible: o.visible, culled: o.frustumCulled }));
      parts.forEach((o) => (o.visible = o === only));
      only.frustumCulled = false;
      drawToTarget();
      parts.forEach((o, k) => {
        o.visible = was[k]!.visible;
        o.frustumCulled = was[k]!.culled;
      });
      await gpuDone(gl);
    });
    // Last the copy's program, drawn into a scratch target as it will be onto the canvas.
    steps.push(async () => {
      if (disposed) return;
      const scratch = new THREE.WebGLRenderTarget(size.x, size.y);
      renderer.setRenderTarget(scratch);
      renderer.render(copyScene, copyCamera);
      renderer.setRenderTarget(null);
      await gpuDone(gl);
      scratch.dispose();
    });
    return steps;
  };

  return {
    draw,
    setSize: (width, height, ratio) => {
      wanted.width = width;
      wanted.height = height;
      wanted.ratio = ratio;
    },
    warmUpSteps,
    dispose: () => {
      disposed = true;
      target.dispose();
      copy.geometry.dispose();
      copyMaterial.dispose();
    },
  };
}
