// The browser half of helpers/numberbox.py: a number input that sets a slider's value in the page.
// It has no value of its own, so a move costs no second message to the kernel.

function render({ model, el }) {
  const input = document.createElement("input");
  input.type = "number";
  input.className = "course-number-input";
  input.setAttribute("aria-label", model.get("label"));
  input.title = model.get("label") + model.get("hint");
  el.appendChild(input);
  const decimals = model.get("decimals");
  let slider = null;

  const fromSlider = () => {
    if (slider && document.activeElement !== input) input.value = Number(slider.get("value")).toFixed(decimals);
  };
  const commit = () => {
    if (!slider) return;
    const typed = Number(input.value);
    if (input.value.trim() === "" || !Number.isFinite(typed)) return fromSlider();
    const lo = slider.get("min"), hi = slider.get("max"), step = slider.get("step");
    const snapped = Number((lo + Math.round((typed - lo) / step) * step).toFixed(decimals));
    const value = Math.min(hi, Math.max(lo, snapped));
    input.value = value.toFixed(decimals);
    if (value !== slider.get("value")) {
      slider.set("value", value);
      slider.save_changes();
    }
  };
  input.addEventListener("change", commit); // Enter, leaving the box, the spinner arrows
  input.addEventListener("keydown", (e) => {
    if (e.key === "Enter") commit();
    e.stopPropagation(); // typing here is not a notebook shortcut
  });

  const ref = model.get("_slider");
  if (typeof ref === "string") {
    model.widget_manager.get_model(ref.replace(/^IPY_MODEL_/, "")).then((m) => {
      slider = m;
      input.min = m.get("min");
      input.max = m.get("max");
      input.step = m.get("step");
      fromSlider();
      m.on("change:value", fromSlider);
    });
  }
  return () => slider && slider.off("change:value", fromSlider);
}

export default { render };
