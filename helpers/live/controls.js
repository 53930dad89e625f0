// An explorer's controls as the page sees them: the value-key protocol (helpers/live/readout.py's
// value_key writes the same keys) and the echo guard. A widget using it has the traits _controls
// (name -> control) and _decimals (name -> decimals).

// Echo guard (the mechanism of ipywidgets #3195/#3216): a value the kernel sent, which the slider
// snapped to its own grid (-0.5 -> -0.49999999999999956), is never sent back to the kernel.
function guardEcho(control) {
  if (control.courseEchoGuard) return;
  control.courseEchoGuard = true;
  let fromKernel = null;
  control.on("change:value", () => { if (control._state_lock) fromKernel = control.get("value"); });
  const save = control.save_changes.bind(control);
  control.save_changes = (...args) => {
    const value = control.get("value"), step = control.get("step") || 0;
    if (typeof value === "number" && fromKernel !== null && Math.abs(value - fromKernel) <= step * 1e-6) return;
    fromKernel = null;
    save(...args);
  };
}

export function watchControls(model, onChange) {
  const controls = {}; // name -> the control's model, once loaded
  const key = (name, v) => {
    const s = typeof v === "number" ? v.toFixed((model.get("_decimals") || {})[name] ?? 6) : String(v);
    return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
  };
  const load = () => {
    for (const [name, ref] of Object.entries(model.get("_controls") || {})) {
      const id = typeof ref === "string" ? ref.replace(/^IPY_MODEL_/, "") : null;
      if (!id || name in controls) continue;
      controls[name] = null;
      model.widget_manager.get_model(id).then((control) => {
        controls[name] = control;
        guardEcho(control);
        control.on("change:value change:index", onChange);
        onChange();
      });
    }
  };
  model.on("change:_controls", load);
  load();
  const loaded = () => Object.values(controls).filter(Boolean);
  return {
    ready: () => Object.keys(controls).length > 0 && loaded().length === Object.keys(controls).length,
    // (a selection widget, e.g. ToggleButtons, syncs its index, not its value: helpers/readout.py keys it so)
    current: () => Object.fromEntries(Object.entries(controls)
      .map(([n, m]) => [n, key(n, m.get("value") !== undefined ? m.get("value") : m.get("index"))])),
    dispose() {
      model.off("change:_controls", load);
      for (const control of loaded()) control.off("change:value change:index", onChange);
    },
  };
}

// Do `values` (keys from the kernel) agree with `now` (the page's) for every control?
export const sameValues = (values, now) => !!values && Object.keys(now).every((n) => values[n] === now[n]);

// The one control whose value differs between `from` and `now`; null if none or several did.
export function movedOne(from, now) {
  const moved = Object.keys(now).filter((n) => now[n] !== from[n]);
  return moved.length === 1 ? moved[0] : null;
}
