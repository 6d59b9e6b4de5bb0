// Whether WebGL runs on a CPU renderer, asked once per page: the 3-D surface then draws without multisampling.

let software: boolean | null = null;
/**
 * Whether WebGL runs on a CPU renderer (SwiftShader, llvmpipe), asked once of a throw-away
 * context. There, 4× multisampling makes every draw the page waits for several times slower;
 * its edges are smoothed on a GPU only.
 */
export function softwareGl(): boolean {
  if (software !== null) return software;
  software = false;
  try {
    const gl = document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl');
    if (gl) {
      const info = gl.getExtension('WEBGL_debug_renderer_info');
      const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      software = /swiftshader|llvmpipe|softpipe|software/i.test(name);
      gl.getExtension('WEBGL_lose_context')?.loseContext();
    }
  } catch {
    // No answer: draw as on a GPU.
  }
  return software;
}
