// Draws a three.js scene for a canvas without the main thread ever waiting for the GPU.
//
// Without a GPU (SwiftShader), a WebGL canvas on the page is read back into memory during the
// main thread's commit (glReadPixels), which first waits for the software renderer to finish
// every draw queued: on a 2-core machine whose workers train, each 3-D picture held a commit for
// 40–80 ms (550 ms under load), and a new context's first, empty picture ~100 ms. So the scene is
// drawn in a WebGL context of an OffscreenCanvas, which the compositor never reads; the picture is
// copied (a textured quad, sRGB-encoded) and read into a pixel buffer on the GPU's side
// (readPixels into a PIXEL_PACK_BUFFER returns at once); a WebGL fence, polled between tasks
// (clientWaitSync with a zero timeout does not block), says when that is done; only then are the
// pixels taken (getBufferSubData, a copy from shared memory) and put on the page's canvas, a 2-D
// one, which the commit shows without asking the GPU anything.
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

/**
 * Gives the event loop a turn: the next chunk of work is a new task, queued behind what is already
 * waiting (timers, messages, input, frames). Not scheduler.yield: its continuations run ahead of
 * other tasks, so a chain of them (the 3-D set-up's steps, 7–22 ms each) held timers for 57 ms in
 * one animation frame. A message, not setTimeout(0), which the browser clamps to 4 ms once nested.
 */
export function yieldToMain(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Resolves in the task after the next frame's: that frame, and its commit, have been drawn. */
export function afterNextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * The copy into the read-back: the target's (linear) colours, sRGB-encoded as three.js encodes a
 * canvas's (its sRGBTransferOETF), and flipped. A raw shader because three.js links its own
 * materials once for a render target and once for the canvas (the output colour space differs);
 * a raw shader's one program is warmed up with the rest.
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
        // Upside down: readPixels returns the bottom row first, ImageData wants the top row first.
        vUv = vec2(uv.x, 1.0 - uv.y);
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
   * Draws the scene; the page's canvas shows it once the GPU is done. Settles after the frame that
   * showed it: draws take turns, one per frame (surfaceDrawQueue.ts).
   */
  draw(): Promise<void>;
  /**
   * The canvas's new size (CSS pixels) and pixel ratio, for the next draw. The page's canvas is
   * resized only when that draw is shown: resizing clears it, and it would stay blank until then.
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

/**
 * `renderer` draws into an OffscreenCanvas; `shown` is the page's canvas, given a 2-D context here
 * (it shows the pictures, and answers toDataURL and drawImage for export and tests).
 */
export function fencedDrawCreate(renderer: THREE.WebGLRenderer, scene: THREE.Scene, camera: THREE.Camera, shown: HTMLCanvasElement, { samples }: { samples: number }): FencedDraw {
  const gl = renderer.getContext() as WebGL2RenderingContext;
  const shownContext = shown.getContext('2d', { alpha: false });
  if (!shownContext) throw new Error('the canvas has no 2-D context');
  // An opaque 2-D canvas starts black: white, the scene's clear colour, until the first picture.
  shownContext.fillStyle = '#ffffff';
  shownContext.fillRect(0, 0, shown.width, shown.height);
  // The pixel buffer the picture is read into, and the ImageData it is taken into; both follow the size.
  const pixels = gl.createBuffer();
  let image: ImageData | null = null;
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
    // Called in an animation frame (surfaceDrawQueue.ts): drawn in a task of its own, not in the
    // frame's task beside every chart's drawing.
    await yieldToMain();
    if (disposed) return;
    drawToTarget();
    // The copy into the context's own buffer, at the target's size, then its read into the pixel
    // buffer: both queued on the GPU, nothing waited for.
    renderer.getSize(css);
    if (renderer.getPixelRatio() !== wanted.ratio) renderer.setPixelRatio(wanted.ratio);
    if (css.x !== wanted.width || css.y !== wanted.height) renderer.setSize(wanted.width, wanted.height, false);
    renderer.render(copyScene, copyCamera);
    const width = size.x;
    const height = size.y;
    if (width < 1 || height < 1) return;
    if (!image || image.width !== width || image.height !== height) {
      image = new ImageData(width, height);
      gl.bindBuffer(gl.PIXEL_PACK_BUFFER, pixels);
      gl.bufferData(gl.PIXEL_PACK_BUFFER, image.data.byteLength, gl.STREAM_READ);
    } else {
      gl.bindBuffer(gl.PIXEL_PACK_BUFFER, pixels);
    }
    gl.readPixels(0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, 0);
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
    const picture = image;
    await gpuDone(gl);
    if (disposed || gl.isContextLost()) return;
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, pixels);
    gl.getBufferSubData(gl.PIXEL_PACK_BUFFER, 0, picture.data);
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
    // Resized and drawn in one task: the canvas is never seen cleared.
    if (shown.width !== width) shown.width = width;
    if (shown.height !== height) shown.height = height;
    shownContext.putImageData(picture, 0, 0);
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
      await yieldToMain();
      if (disposed) return;
      const was = parts.map((o) => ({ visible: o.visible, culled: o.frustumCulled }));
      const showOnly = (): void => {
        parts.forEach((o) => (o.visible = o === only));
        only.frustumCulled = false;
      };
      const restore = (): void =>
        parts.forEach((o, k) => {
          o.visible = was[k]!.visible;
          o.frustumCulled = was[k]!.culled;
        });
      // First the program is made (three.js writes its shaders, 5–20 ms of script) and its
      // compile and link queued; the draw that first uses it (and waits for the link) comes in a
      // later task, once the GPU is done.
      // (compile makes the programs of the part given, lit by the scene's lights; set to the target, as drawn.)
      renderer.setRenderTarget(target);
      renderer.compile(only, camera, scene);
      renderer.setRenderTarget(null);
      await gpuDone(gl);
      if (disposed) return;
      showOnly();
      drawToTarget();
      restore();
      await gpuDone(gl);
    });
    // Last the copy's program, drawn as it will be for the read-back (into the context's own
    // buffer: a scratch render target would be a new framebuffer, whose completeness is asked of
    // the GPU process).
    steps.push(async () => {
      await yieldToMain();
      if (disposed) return;
      renderer.render(copyScene, copyCamera);
      await gpuDone(gl);
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
      gl.deleteBuffer(pixels);
      target.dispose();
      copy.geometry.dispose();
      copyMaterial.dispose();
    },
  };
}
