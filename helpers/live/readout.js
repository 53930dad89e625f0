// The browser half of helpers/live/readout.py: show the kernel's readout, or — before the kernel has
// answered a move — the readout Python computed ahead for the controls' new values. Also names the
// explorer's slider handles for screen readers (noUiSlider's role="slider" handle has no name).
import { movedOne, sameValues, watchControls } from "./controls.js";

// Give each slider handle of the explorer around `el` its label as accessible name, once they are on the page.
function nameHandles(el, tries = 0) {
  const explorer = el.closest(".course-explorer");
  const sliders = explorer ? [...explorer.querySelectorAll(".course-slider")] : [];
  let named = 0;
  for (const slider of sliders) {
    const handle = slider.querySelector(".noUi-handle"), label = slider.querySelector(".widget-label");
    if (handle && label && label.textContent.trim()) {
      handle.setAttribute("aria-label", label.textContent.trim());
      named += 1;
    }
  }
  if ((!explorer || named < sliders.length) && tries < 100) setTimeout(() => nameHandles(el, tries + 1), 100);
}

function render({ model, el }) {
  const text = document.createElement("div");
  text.className = "course-readout-text";
  text.setAttribute("aria-live", "polite"); // screen readers hear the new loss
  el.appendChild(text);
  const room = () => { text.style.minHeight = (model.get("lines") || 1) * 1.6 + "em"; }; // no jump when a line is added
  room();
  model.on("change:lines", room);

  let shown = null, shownFor = null; // the text on screen, and the control values it is for
  const show = (html, values) => {
    shownFor = values;
    if (html !== shown) {
      shown = html;
      text.innerHTML = html;
    }
  };
  let turnSeen = null, waiting = new Set(); // controls the kernel set this turn, until their new value shows
  const answer = () => {
    const answered = model.get("_values");
    if (model.get("_turn") !== turnSeen) {
      turnSeen = model.get("_turn");
      waiting = new Set(model.get("_held") || []);
    }
    if (!watch.ready()) return show(model.get("value"), answered);
    const now = watch.current();
    for (const name of waiting) if (now[name] === answered[name]) waiting.delete(name);
    if (sameValues(answered, now)) return show(model.get("value"), answered);
    const { turn, table } = model.get("_ahead") || {};
    if (table && turn === model.get("_turn")) {
      // Exactly one control moved away from the kernel's latest answer: its readout is in this turn's table
      // (unless that control only still shows the value the kernel is replacing).
      let moved = movedOne(answered, now);
      if (waiting.has(moved)) moved = null;
      const ahead = moved !== null && table[moved] ? table[moved][now[moved]] : undefined;
      if (ahead !== undefined) return show(ahead, now);
    }
    // The kernel's text is for values the page has already left. Keep a text that is right for
    // the values on screen; otherwise the kernel's latest is the best there is.
    if (!sameValues(shownFor, now)) show(model.get("value"), answered);
  };

  const watch = watchControls(model, answer);
  nameHandles(el);
  model.on("change:value change:_values change:_turn change:_ahead", answer);
  answer();
  return () => {
    model.off("change:value change:_values change:_turn change:_ahead", answer);
    watch.dispose();
  };
}

export default { render };
