// An explorer's controls as the page sees them: the value-key protocol (helpers/live/readout.py's
// value_key writes the same keys). A widget using it has the traits _controls
// (name -> control) and _decimals (name -> decimals).

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
