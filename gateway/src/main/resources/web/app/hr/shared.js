import { html } from 'lit';
import { api } from '../api.js';

// What the HR tabs share: the roster's business units, the skill catalogue's names and the modes in words.

let units;

/** The roster's business units, read once per visit; null when the list is not available (then a text field serves). */
export function businessUnits() {
  if (!units) {
    units = api.get('/api/metrics/roster/groups')
      .then((groups) => groups.businessUnits || [])
      // not available (an older metrics-service, or no right to it): a text field for the rest of the visit
      .catch(() => null);
  }
  return units;
}

let skills;

/** The skill catalogue (`[{code, name}]`), read once per visit. */
export function skillCatalogue() {
  if (!skills) {
    skills = api.get('/api/training/skills?size=500').then((page) => page.items).catch((failure) => {
      skills = undefined;
      throw failure;
    });
  }
  return skills;
}

/** Forget the catalogue after HR added a skill. */
export function forgetSkills() {
  skills = undefined;
}

export const MODES = [['ELEARNING', 'eLearning'], ['INSTRUCTOR_LED', 'Instructor-led']];

export function modeName(mode) {
  return MODES.find(([value]) => value === mode)?.[1] || '–';
}

/** A skill's name from the catalogue, else its code. */
export function skillName(catalogue, code) {
  return catalogue?.find((skill) => skill.code === code)?.name || code;
}

/**
 * The business unit filter: a select of the roster's units when that list is there, else a text field.
 * `change` receives the chosen unit.
 */
export function unitFilter(list, value, change, { label = 'Business unit', any = 'Every unit' } = {}) {
  if (list) {
    // a unit just typed elsewhere (a new one) stays choosable
    const choices = value && !list.includes(value) ? [value, ...list] : list;
    return html`<label>${label} <select name="unit" @change=${(event) => change(event.target.value)}>
      <option value="" ?selected=${!value}>${any}</option>
      ${choices.map((unit) => html`<option value=${unit} ?selected=${unit === value}>${unit}</option>`)}</select></label>`;
  }
  return html`<label>${label} <input name="unit" .value=${value || ''} @change=${(event) => change(event.target.value.trim())}></label>`;
}
