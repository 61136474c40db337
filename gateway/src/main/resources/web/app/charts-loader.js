// ECharts lives in its own entry point (web/charts), so that pages without a chart never download it; the
// gateway writes that entry's address into the page.
let charts;

export function loadCharts() {
  charts ??= import(document.querySelector('meta[name="uptake-charts"]').content).catch((failure) => {
    charts = undefined; // a later draw tries again
    throw failure;
  });
  return charts;
}
