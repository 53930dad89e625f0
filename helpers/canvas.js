// unzlibSync comes from canvas_inflate.js, watchControls, sameValues and movedOne from controls.js;
// helpers/canvas.py puts both in front of this file.

function render({ model, el }) {
  const canvas = document.createElement("canvas");
  canvas.className = "course-figure";
  canvas.setAttribute("role", "img");
  const ctx = canvas.getContext("2d");
  el.appendChild(canvas);
  // The kernel's latest frame lives off screen; the visible canvas shows it, or a picture drawn
  // ahead for the values the controls have now (see helpers/widgets.py, Explorer(predict=...)).
  const real = document.createElement("canvas");
  const realCtx = real.getContext("2d");
  let shown = -1, realValues = null; // the latest frame's number, and the control values it was drawn for
  let showing = null; // on screen: { frame: id } or { entry, values }
  let ahead = { base: -1, values: null, table: {} }; // pictures drawn ahead of frame `base`

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
  const put = (target, pixels, rects) => {
    let offset = 0;
    for (const [x, y, rw, rh] of rects) {
      target.putImageData(new ImageData(pixels.subarray(offset, offset + rw * rh * 4), rw, rh), x, y);
      offset += rw * rh * 4;
    }
  };

  // A picture drawn ahead for `now`: the latest frame's, with exactly one control moved to its value.
  const lookup = (now) => {
    if (ahead.base !== shown) return null;
    const moved = movedOne(ahead.values, now);
    const entry = moved !== null && ahead.table[moved] ? ahead.table[moved][now[moved]] : undefined;
    return entry && entry.shape[0] === real.height && entry.shape[1] === real.width ? entry : null;
  };
  // Bring the visible canvas up to date. `changed`: the pieces the latest frame just painted on `real`.
  const present = (changed) => {
    if (shown < 0) return;
    const now = watch.ready() ? watch.current() : null;
    if (now && !sameValues(realValues, now)) {
      const entry = lookup(now);
      if (entry) {
        if (showing && showing.entry === entry) return;
        ctx.clearRect(0, 0, canvas.width, canvas.height);
        ctx.drawImage(real, 0, 0);
        put(ctx, entry.pixels, entry.rects);
        showing = { entry, values: now };
        canvas.dataset.frame = shown + "+" + entry.control;
        return;
      }
      // Keep a picture that is right for the values on screen; else the latest frame is the best there is.
      if (showing && showing.values && sameValues(showing.values, now)) return;
    }
    if (showing && showing.frame === shown) return;
    if (changed && showing && showing.frame === shown - 1) {
      for (const [x, y, w, h] of changed) { // only the pieces that changed
        ctx.clearRect(x, y, w, h);
        ctx.drawImage(real, x, y, w, h, x, y, w, h);
      }
    } else {
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(real, 0, 0);
    }
    showing = { frame: shown };
    canvas.dataset.frame = String(shown);
  };
  const watch = watchControls(model, () => present(null));

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
    if (!rects.length) asked = false;
    if (!rects.length && (real.width !== w || real.height !== h)) {
      real.width = canvas.width = w;
      real.height = canvas.height = h;
      showing = null;
    }
    fitCss();
    if (!rects.length) realCtx.putImageData(new ImageData(pixels.subarray(0, size), w, h), 0, 0);
    else put(realCtx, pixels, rects);
    shown = id;
    realValues = model.get("_frame_values") || {};
    present(rects.length ? rects : null);
  };

  // A picture drawn ahead: kept (decoded) until a newer frame arrives; shown at once if the
  // controls already have its value.
  const onCustom = (msg, buffers) => {
    if (!msg || msg.event !== "ahead" || !buffers || !buffers.length || msg.base < shown) return;
    if (msg.base !== ahead.base) ahead = { base: msg.base, values: msg.values || {}, table: {} };
    const size = msg.rects.reduce((n, r) => n + r[2] * r[3] * 4, 0);
    const entry = { control: msg.control, rects: msg.rects, shape: msg.shape, pixels: new Uint8ClampedArray(size) };
    try {
      unzlibSync(bytes(buffers[0]), entry.pixels);
    } catch (error) {
      console.warn("course canvas: a picture drawn ahead could not be decoded:", error.message);
      return;
    }
    (ahead.table[msg.control] ||= {})[msg.key] = entry;
    present(null);
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
  model.on("msg:custom", onCustom);
  fitCss();
  label();
  paint();
  return () => {
    model.off("change:_frame_id", paint);
    model.off("change:_css_size", fitCss);
    model.off("change:alt", label);
    model.off("msg:custom", onCustom);
    watch.dispose();
  };
}

export default { render };
