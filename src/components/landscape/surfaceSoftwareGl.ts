// Whether WebGL runs on a CPU renderer: the 3-D surface then draws without multisampling.

/**
 * Whether `gl` runs on a CPU renderer (SwiftShader, llvmpipe). There, 4× multisampling makes
 * every draw the page waits for several times slower; its edges are smoothed on a GPU only.
 * Asked of the surface's own context: a throw-away context to ask would cost the main thread a
 * second context's creation (15–90 ms on a 2-core machine).
 */
export function softwareGl(gl: WebGLRenderingContext | WebGL2RenderingContext): boolean {
  try {
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    return /swiftshader|llvmpipe|softpipe|software/i.test(name);
  } catch {
    return false; // no answer: draw as on a GPU
  }
}
