// The 3-D loss surface in three.js: a lit mesh with vertex colours from viridis, contour lines
// on it, the optimizer's path drawn on the surface and the current point marked; orbit, zoom,
// reset, keyboard orbit, and hover that reports (α, β, loss). Renders on demand, never in a busy loop.
// The camera frames the path (surfaceFrame.ts) until the user moves it; the parts of the path the
// surface hides show through faintly, so the whole path is always seen.
import * as THREE from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { useTrainingStore } from '../../app/trainingStore';
import { drawQueueCancel, drawQueueRequest } from './surfaceDrawQueue';
import { surfaceOrbitByKey } from './surfaceKeys';
import { framePath, gridHeightAt, surfacePoints, viewWindow, type Vec3 } from './surfaceFrame';
import { gridSample, heightFraction } from './surfaceField';
import { surfaceMeshFill } from './surfaceMesh';
import { SURFACE_HEIGHT, surfaceOverlaysCreate } from './surfaceOverlays';
import type { SurfaceHover, SurfaceOptions, SurfaceRenderer, SurfaceScene } from './surfaceScene';
import { softwareGl } from './surfaceSoftwareGl';
import { fencedDrawCreate, yieldToMain } from './surfaceFencedDraw';
import { CAMERA_START, fovFor, FRAME_FOOT_PX, FRAME_MARGIN_PX, PREFER_AZIMUTH, TARGET } from './surfaceCamera';

// The scene types live in surfaceScene.ts; importers of them from here keep working.
export type { SurfaceHover, SurfaceOptions, SurfaceRenderer, SurfaceScene } from './surfaceScene';

const HEIGHT = SURFACE_HEIGHT;
/** The least time between two drawn scenes on one canvas (camera moves are drawn at once). */
const MIN_UPDATE_MS = 100;
/**
 * While training plays, new scenes on one canvas are drawn at most this often times the number
 * of 3-D canvases on the page: a software-rendered page spends most of its frames on WebGL
 * read-backs (surfaceDrawQueue.ts), and a live surface changes little between two of them.
 */
const PLAYING_UPDATE_MS = 300;
/**
 * While training plays, the canvas draws at this fraction of its resolution (a quarter of the
 * pixels to shade and read back); when it stops, the next picture is drawn sharp again.
 */
const PLAYING_PIXEL_SCALE = 0.5;
/** 3-D canvases alive on the page. */
let liveCanvases = 0;

/**
 * `onCamera` hears of every camera move: `own` is true when it came from this canvas (drag,
 * wheel, keys, reset), false when setPose copied another surface's camera.
 *
 * Made in steps, each its own task (the page stays responsive while the 3-D view starts): the
 * scene, the WebGL context, then the shader programs one by one (surfaceFencedDraw.ts's warm-up,
 * taking turns with other canvases' draws). Each step alone takes 5–30 ms on a quiet 2-core
 * machine; together they took 60–160 ms.
 */
export async function surfaceCreate(
  canvas: HTMLCanvasElement,
  width: number,
  height: number,
  onHover: (hover: SurfaceHover | null) => void,
  onCamera: (own: boolean) => void = () => {},
  options: SurfaceOptions = {},
): Promise<SurfaceRenderer> {
  await yieldToMain(); // three.js's module was evaluated in this task
  // The scene first, in a task of its own: three.js's classes are compiled on first use, and
  // together with the renderer's set-up (which waits on the GPU process) they took 40–75 ms.
  const scene = new THREE.Scene();
  const camera = new THREE.PerspectiveCamera(fovFor(width / height), width / height, 0.01, 100);
  camera.position.copy(CAMERA_START);
  const controls = new OrbitControls(camera, canvas);
  controls.target.copy(TARGET);
  controls.minDistance = 0.8;
  controls.maxDistance = 8;
  controls.update();
  controls.saveState();

  scene.add(new THREE.AmbientLight(0xffffff, 1.4));
  const sun = new THREE.DirectionalLight(0xffffff, 2.2);
  sun.position.set(2, 4, 3);
  scene.add(sun);
  const grid = new THREE.GridHelper(2, 10, 0xb8c0cc, 0xdde2e8);
  // Just under the surface's lowest point (height 0), which it would otherwise cut through as a dotted grid.
  grid.position.y = -0.03;
  scene.add(grid);

  const geometry = new THREE.BufferGeometry();
  const material = new THREE.MeshPhongMaterial({ vertexColors: true, side: THREE.DoubleSide, shininess: 18, specular: 0x222222 });
  const mesh = new THREE.Mesh(geometry, material);
  scene.add(mesh);
  const overlays = surfaceOverlaysCreate();
  scene.add(overlays.group);

  await yieldToMain();
  // The WebGL context is an OffscreenCanvas's, never the page's: the compositor would read a page
  // canvas's pictures back at each commit, waiting for the GPU (surfaceFencedDraw.ts). Made in a
  // task of its own (its creation waits on the GPU process), then the first questions three.js
  // and softwareGl ask that need an answer from the GPU process, one task each.
  // (A canvas element never added to the page is never composited either: for browsers without OffscreenCanvas.)
  const offscreen: OffscreenCanvas | HTMLCanvasElement = typeof OffscreenCanvas === 'function' ? new OffscreenCanvas(Math.max(1, width), Math.max(1, height)) : document.createElement('canvas');
  // No antialias on the context: it only holds the copy of a picture drawn (multisampled on a GPU) into a render target.
  const attributes: WebGLContextAttributes = { antialias: false, alpha: true, depth: true, stencil: false, preserveDrawingBuffer: false, powerPreference: 'default' };
  const gl = offscreen instanceof HTMLCanvasElement ? offscreen.getContext('webgl2', attributes) : offscreen.getContext('webgl2', attributes);
  if (!gl) throw new Error('WebGL 2 is not available');
  await yieldToMain();
  gl.getParameter(gl.VERSION);
  await yieldToMain();
  const samples = softwareGl(gl) ? 0 : 4;
  await yieldToMain();
  const renderer = new THREE.WebGLRenderer({ canvas: offscreen, context: gl, antialias: false });
  // three.js reads each program's and shader's logs after linking to report errors: each a wait on
  // the GPU process. The shaders are three's own and one fixed copy shader; checked in development.
  renderer.debug.checkShaderErrors = import.meta.env.DEV;
  const fullRatio = Math.min(2, window.devicePixelRatio || 1);
  const ratioFor = (playing: boolean): number => (playing ? fullRatio * PLAYING_PIXEL_SCALE : fullRatio);
  let ratio = ratioFor(useTrainingStore.getState().playing);
  const cssSize = { width, height };
  renderer.setPixelRatio(ratio);
  liveCanvases++;
  renderer.setSize(width, height, false);
  renderer.setClearColor(0xffffff, 1);
  let current: SurfaceScene | null = null;

  await yieldToMain();
  const fenced = fencedDrawCreate(renderer, scene, camera, canvas, { samples });
  // Its steps take turns with every canvas's draws, as those do with each other.
  for (const step of fenced.warmUpSteps()) await new Promise<void>((resolve) => drawQueueRequest(() => step().then(resolve)));
  const render = (): Promise<void> => fenced.draw();
  const requestRender = (): void => drawQueueRequest(render);
  const unsubscribePlaying = useTrainingStore.subscribe((state, previous) => {
    if (state.playing === previous.playing) return;
    ratio = ratioFor(state.playing);
    fenced.setSize(cssSize.width, cssSize.height, ratio);
    requestRender();
    // A scene held back by the playing cadence is drawn as soon as training stops.
    if (!state.playing && applyTimer) {
      clearTimeout(applyTimer);
      applyPending();
    }
  });
  let following = false;
  // Once the user turns the camera, new surfaces keep their pose; Reset hands it back to framing.
  let userMoved = false;
  controls.addEventListener('change', () => {
    requestRender();
    onCamera(!following);
  });
  controls.addEventListener('start', () => {
    userMoved = true;
  });
  const onKey = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (surfaceOrbitByKey(camera, controls, event.key)) {
      userMoved = true;
      event.preventDefault();
    }
  };
  canvas.addEventListener('keydown', onKey);

  /**
   * Fits the camera to the whole surface, from the side that best shows the drawn path (none yet:
   * the usual side), and makes that pose the one Reset returns to.
   */
  let framedPath: readonly THREE.Vector3[] = [];
  const frameOn = (path: readonly THREE.Vector3[], s: SurfaceScene): void => {
    framedPath = path;
    const R = s.spec.resolution;
    const heights = Float32Array.from(s.field.heights, (v) => heightFraction(s.field, v));
    const points = path.map((p): Vec3 => [p.x, p.y, p.z]);
    const frame = viewWindow(cssSize.width, cssSize.height, FRAME_MARGIN_PX, FRAME_FOOT_PX);
    const pose = framePath(points, gridHeightAt(heights, R, HEIGHT), surfacePoints(heights, R, HEIGHT), { fovDegrees: camera.fov, aspect: camera.aspect, window: frame, preferAzimuth: PREFER_AZIMUTH });
    if (!pose) return;
    following = true;
    camera.position.fromArray(pose.position);
    controls.target.fromArray(pose.target);
    // Zooming out may always go a good way past the fitted view.
    controls.maxDistance = Math.max(8, 2 * camera.position.distanceTo(controls.target));
    controls.update();
    controls.saveState();
    following = false;
  };

  let disposed = false;
  /**
   * Draws a scene; each part is redone only when what it shows changed, and nothing is drawn when
   * nothing did. The mesh, the contours and the path are made in separate tasks: together, on a
   * 2-core machine whose workers train and survey, they held the main thread for 30–90 ms.
   */
  const apply = async (s: SurfaceScene): Promise<void> => {
    const meshChanged = !current || current.spec !== s.spec || current.field !== s.field;
    current = s;
    if (meshChanged) {
      surfaceMeshFill(geometry, s, HEIGHT);
      await yieldToMain();
      if (disposed) return;
    }
    const contoursChanged = overlays.updateContours(s);
    if (contoursChanged) {
      await yieldToMain();
      if (disposed) return;
    }
    const drawn = overlays.updatePath(s);
    // A new surface (its heights set what must fit) or a new path (the side to see it from).
    if ((meshChanged || drawn.pathChanged) && options.framePath && !userMoved) frameOn(drawn.path.length >= 2 ? drawn.path : [], s);
    if (meshChanged || contoursChanged || drawn.changed) requestRender();
  };

  // Live surfaces and paths arrive faster than a software-rendered page can usefully draw them
  // (four runs, each several a second): the first is drawn at once, later ones at most every
  // MIN_UPDATE_MS, always the newest, so the last one is never lost.
  let pending: SurfaceScene | null = null;
  let lastApplied = Number.NEGATIVE_INFINITY;
  let applyTimer = 0;
  // A scene is applied over several tasks; one that arrives meanwhile waits for it to finish.
  let applying = false;
  const applyPending = (): void => {
    applyTimer = 0;
    if (applying) return;
    const next = pending;
    pending = null;
    if (!next) return;
    lastApplied = performance.now();
    applying = true;
    void apply(next).finally(() => {
      applying = false;
      if (pending && !disposed) update(pending);
    });
  };
  const update = (s: SurfaceScene): void => {
    pending = s;
    if (applyTimer || applying) return;
    const interval = useTrainingStore.getState().playing ? PLAYING_UPDATE_MS * liveCanvases : MIN_UPDATE_MS;
    const wait = lastApplied + interval - performance.now();
    if (wait <= 0) applyPending();
    else applyTimer = window.setTimeout(applyPending, wait);
  };

  // Hover: the ray's hit on the mesh, back to (α, β), and the grid's loss there.
  const raycaster = new THREE.Raycaster();
  const pointer = new THREE.Vector2();
  let hoverFrame = 0;
  let lastEvent: PointerEvent | null = null;
  const hover = (): void => {
    hoverFrame = 0;
    if (!lastEvent || !current) return;
    const rect = canvas.getBoundingClientRect();
    pointer.set(((lastEvent.clientX - rect.left) / rect.width) * 2 - 1, -((lastEvent.clientY - rect.top) / rect.height) * 2 + 1);
    raycaster.setFromCamera(pointer, camera);
    const hit = raycaster.intersectObject(mesh, false)[0];
    if (!hit) return onHover(null);
    const { spec, values } = current;
    const R = spec.resolution;
    const alpha = spec.alpha[0] + ((hit.point.x + 1) / 2) * (spec.alpha[1] - spec.alpha[0]);
    const beta = spec.beta[0] + ((1 - hit.point.z) / 2) * (spec.beta[1] - spec.beta[0]);
    onHover(R > 1 ? { alpha, beta, loss: gridSample(spec, values, alpha, beta) } : null);
  };
  const onMove = (event: PointerEvent): void => {
    lastEvent = event;
    hoverFrame ||= requestAnimationFrame(hover);
  };
  const onLeave = (): void => onHover(null);
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerleave', onLeave);

  return {
    update,
    resize: (w, h) => {
      cssSize.width = w;
      cssSize.height = h;
      fenced.setSize(w, h, ratio);
      camera.aspect = w / h;
      camera.fov = fovFor(w / h);
      camera.updateProjectionMatrix();
      // A canvas of a new shape fits the surface anew, unless the user has placed the camera.
      if (current && options.framePath && !userMoved) frameOn(framedPath, current);
      requestRender();
    },
    resetCamera: () => {
      controls.reset();
      userMoved = false;
      requestRender();
    },
    azimuth: () => controls.getAzimuthalAngle(),
    pose: () => ({ position: camera.position.toArray(), target: controls.target.toArray() }),
    setPose: (pose) => {
      following = true;
      camera.position.fromArray(pose.position);
      controls.target.fromArray(pose.target);
      controls.update();
      following = false;
    },
    dispose: () => {
      disposed = true;
      canvas.removeEventListener('keydown', onKey);
      drawQueueCancel(render);
      unsubscribePlaying();
      liveCanvases--;
      cancelAnimationFrame(hoverFrame);
      clearTimeout(applyTimer);
      canvas.removeEventListener('pointermove', onMove);
      canvas.removeEventListener('pointerleave', onLeave);
      controls.dispose();
      fenced.dispose();
      overlays.dispose();
      geometry.dispose();
      material.dispose();
      grid.geometry.dispose();
      (grid.material as THREE.Material).dispose();
      renderer.dispose();
    },
  };
}
