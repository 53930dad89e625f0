// The browser half of helpers/live/canvas.py: paint the kernel's frames (whole or in pieces) and send
// the pointer back. Bundled by helpers/live/bundle.py.
import { unzlibSync } from "./canvas_inflate.js";

function render({ model, el }) {
  const canvas = document.createElement("canvas");
  canvas.className = "course-figure";
  canvas.setAttribute("role", "img");
  const ctx = canvas.getContext("2d");
  el.appendChild(canvas);
  let shown = -1; // the number of the frame on screen

  // The figure's own size, but never wider than the notebook (a projector at 1024x768 with the side bar
  // open leaves ~590 px): the browser scales it down, keeping its shape; the pointer is scaled back below.
  const fitCss = () => {
    const [w, h] = model.get("_css_size");
    canvas.style.width = w + "px";
    canvas.style.maxWidth = "100%";
    canvas.style.height = "auto";
    canvas.style.aspectRatio = w && h ? `${w} / ${h}` : "";
  };
  const label = () => canvas.setAttribute("aria-label", model.get("alt"));
  const bytes = (b) => (b instanceof ArrayBuffer ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength));

  // Synchronous on purpose: measured here, an async decode (DecompressionStream, an <img>)
  // waits behind the page's own frames and paints 15-25 ms later.
  let pixels = null, asked = false;
  const paint = () => {
    const id = model.get("_frame_id"), view = model.get("_frame"), [h, w] = model.get("_frame_shape");
    const rects = model.get("_frame_rects") || [];
    if (id <= shown || !view || !view.byteLength || !w || !h) return;
    if (rects.length && model.get("_frame_base") !== shown) {
      if (!asked) model.send({ event: "keyframe" }); // pieces of a frame this view has not got: ask for a whole one
      asked = true;
      return;
    }
    const size = rects.length ? rects.reduce((n, r) => n + r[2] * r[3] * 4, 0) : w * h * 4;
    if (!pixels || pixels.length < size) pixels = new Uint8ClampedArray(Math.max(size, w * h * 4));
    try {
      unzlibSync(bytes(view), pixels.subarray(0, size));
    } catch (error) {
      console.warn("course canvas: frame", id, "could not be decoded:", error.message);
      return;
    }
    if (!rects.length) {
      asked = false;
      if (canvas.width !== w || canvas.height !== h) [canvas.width, canvas.height] = [w, h];
      ctx.putImageData(new ImageData(pixels.subarray(0, size), w, h), 0, 0);
    }
    let offset = 0;
    for (const [x, y, rw, rh] of rects) {
      ctx.putImageData(new ImageData(pixels.subarray(offset, offset + rw * rh * 4), rw, rh), x, y);
      offset += rw * rh * 4;
    }
    fitCss();
    shown = id;
    canvas.dataset.frame = String(id);
  };

  // The pointer, in CSS pixels from the top left; motion only while a button is down,
  // at most one message per animation frame.
  let motion = null, scheduled = false;
  const at = (e) => {
    const r = canvas.getBoundingClientRect(), [w, h] = model.get("_css_size");
    const sx = r.width ? w / r.width : 1, sy = r.height ? h / r.height : 1; // shown smaller than drawn
    return { x: (e.clientX - r.left) * sx, y: (e.clientY - r.top) * sy, button: e.button };
  };
  const send = (kind, e) => model.send({ event: "pointer", kind, ...at(e) });
  canvas.addEventListener("pointerdown", (e) => {
    canvas.setPointerCapture(e.pointerId);
    send("press", e);
  });
  canvas.addEventListener("pointermove", (e) => {
    if (!e.buttons) return;
    motion = at(e);
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(() => {
        scheduled = false;
        if (motion) model.send({ event: "pointer", kind: "motion", ...motion });
        motion = null;
      });
    }
  });
  const release = (e) => { motion = null; send("release", e); };
  canvas.addEventListener("pointerup", release);
  canvas.addEventListener("pointercancel", release);

  const ratio = window.devicePixelRatio || 1;
  if (model.get("_ratio") !== ratio) {
    model.set("_ratio", ratio);
    model.save_changes();
  }
  model.on("change:_frame_id", paint);
  model.on("change:_css_size", fitCss);
  model.on("change:alt", label);
  fitCss();
  label();
  paint();
  return () => {
    model.off("change:_frame_id", paint);
    model.off("change:_css_size", fitCss);
    model.off("change:alt", label);
  };
}

export default { render };
