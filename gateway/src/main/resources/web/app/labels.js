import { api } from './api.js';
import { words } from './format.js';

// The organisation's own words for feedback statuses and areas, read once per visit (they change rarely).
let loading;

/** `{ status(code) → label, area(code) → name, statuses: [...], areas: [...] }`. */
export function feedbackLabels() {
  if (!loading) {
    loading = Promise.all([api.get('/api/feedback/statuses'), api.get('/api/feedback/areas?inactive=true&size=500')])
      .then(([statuses, areas]) => {
        const statusLabels = new Map(statuses.map((status) => [status.code, status.label]));
        const areaNames = new Map(areas.items.map((area) => [area.code, area.name]));
        return {
          statuses,
          areas: areas.items,
          // a status the organisation has not named shows its code: as words, then
          status: (code) => (statusLabels.get(code) && statusLabels.get(code) !== code ? statusLabels.get(code) : words(code)),
          area: (code) => areaNames.get(code) || code,
        };
      })
      .catch((failure) => {
        loading = undefined;
        throw failure;
      });
  }
  return loading;
}

/** Forget the labels after the CRM team renamed something. */
export function forgetFeedbackLabels() {
  loading = undefined;
}

let actions;

/** The action catalogue's names by code ("record.created" → "Record created"), read once per visit. */
export function actionNames() {
  if (!actions) {
    actions = api.get('/api/metrics/actions?size=500')
      .then((page) => new Map(page.items.map((action) => [action.code, action.name])))
      .catch((failure) => {
        actions = undefined;
        throw failure;
      });
  }
  return actions;
}

/** An objective's metric ("action:record.created", "activeDays") in words, with the catalogue's names. */
export function metricName(metric, names) {
  if (metric.startsWith('action:')) {
    const code = metric.slice('action:'.length);
    return names?.get(code) || code;
  }
  return metric === 'active-days' ? 'Active days' : words(metric);
}

/** Forget the catalogue's names after the CRM team added or renamed an action. */
export function forgetActionNames() {
  actions = undefined;
}

let skills;

/** The skill catalogue's names by code, read once per visit. */
export function skillNames() {
  if (!skills) {
    skills = api.get('/api/training/skills?size=500')
      .then((page) => new Map(page.items.map((skill) => [skill.code, skill.name])))
      .catch((failure) => {
        skills = undefined;
        throw failure;
      });
  }
  return skills;
}
