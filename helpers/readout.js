// The browser half of helpers/readout.py: show the kernel's readout, or — before the kernel has
// answered a move — the readout Python computed ahead for the controls' new values.

function render({ model, el }) {
  const text = document.createElement("div");
  text.className = "course-readout-text";
  text.setAttribute("aria-live", "polite"); // screen readers hear the new loss
  el.appendChild(text);

  const decimals = model.get("_decimals");
  const controls = {}; // name -> the control's model, once loaded
  // The same keys as helpers/readout.py's value_key: fixed decimals, no "-0".
  const key = (name, v) => {
    const s = typeof v === "number" ? v.toFixed(decimals[name] ?? 6) : String(v);
    return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
  };
  const current = () => Object.fromEntries(Object.entries(controls).map(([n, m]) => [n, key(n, m.get("value"))]));
  const sameAs = (values, now) => !!values && Object.keys(now).every((n) => values[n] === now[n]);

  let shown = null, shownFor = null; // the text on screen, and the control values it is for
  const show = (html, values) => {
    shownFor = values;
    if (html !== shown) {
      shown = html;
      text.innerHTML = html;
    }
  };
  const answer = () => {
    const now = current();
    const answered = model.get("_values");
    const { turn, table } = model.get("_ahead") || {};
    if (!Object.keys(controls).length || sameAs(answered, now)) return show(model.get("value"), answered);
    if (table && turn === model.get("_turn")) {
      // Exactly one control moved away from the kernel's latest answer: its readout is in this turn's table.
      const moved = Object.keys(now).filter((n) => now[n] !== answered[n]);
      const ahead = moved.length === 1 && table[moved[0]] ? table[moved[0]][now[moved[0]]] : undefined;
      if (ahead !== undefined) return show(ahead, now);
    }
    // The kernel's text is for values the page has already left. Keep a text that is right for
    // the values on screen; otherwise the kernel's latest is the best there is.
    if (!sameAs(shownFor, now)) show(model.get("value"), answered);
  };

  const listeners = [];
  for (const [name, ref] of Object.entries(model.get("_controls") || {})) {
    const id = typeof ref === "string" ? ref.replace(/^IPY_MODEL_/, "") : null;
    if (!id) continue;
    model.widget_manager.get_model(id).then((control) => {
      controls[name] = control;
      control.on("change:value", answer);
      listeners.push(control);
    });
  }
  model.on("change:value change:_values change:_turn change:_ahead", answer);
  answer();
  return () => {
    model.off("change:value change:_values change:_turn change:_ahead", answer);
    for (const control of listeners) control.off("change:value", answer);
  };
}

export default { render };
