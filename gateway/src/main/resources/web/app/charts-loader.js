// ECharts lives in its own entry point (web/charts), so that pages without a chart never download it; the
// gateway writes that entry's address into the page.
export function loadCharts() {
  return import(document.querySelector('meta[name="uptake-charts"]').content);
}
