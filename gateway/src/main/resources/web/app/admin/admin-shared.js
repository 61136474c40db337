import { html } from 'lit';
import { api, ApiError, query } from '../api.js';

// What the CRM team's tabs share: people's names by user id, the roster's units and roles, form problems.

const names = new Map();

/** A person's display name by user id (read from the roster once per visit); the id when they are not on it. */
export function personName(userId) {
  if (!userId) {
    return Promise.resolve('');
  }
  if (!names.has(userId)) {
    // the roster list, searched by the id: someone not on the roster is an empty page, not a failed request
    names.set(userId, api.get(`/api/metrics/people${query({ q: userId, size: 50 })}`)
      .then((page) => page.items.find((person) => person.userId === userId)?.displayName || userId)
      .catch(() => userId));
  }
  return names.get(userId);
}

/** The names of these people, as a Map by user id. */
export async function personNames(userIds) {
  const distinct = [...new Set(userIds.filter(Boolean))];
  const found = await Promise.all(distinct.map((userId) => personName(userId)));
  return new Map(distinct.map((userId, index) => [userId, found[index]]));
}

/** Tells the name cache what a roster answer says (after an edit or an import). */
export function rememberName(userId, displayName) {
  if (userId && displayName) {
    names.set(userId, Promise.resolve(displayName));
  }
}

let groups;

/**
 * The roster's business units and job roles, `{businessUnits, jobRoles}`, read once per visit; `null` when the
 * API does not offer them (the filters become free text then).
 */
export function rosterGroups() {
  if (!groups) {
    groups = api.get('/api/metrics/roster/groups').catch(() => null);
  }
  return groups;
}

/** Forget the units and roles (a person was added or moved). */
export function forgetRosterGroups() {
  groups = undefined;
}

/** A refusal found before asking the server, shaped like the server's (one field named). */
export function invalid(field, message) {
  return new ApiError(400, { title: 'Invalid request', detail: `${field}: ${message}`, errors: [{ field, message }] });
}

/** The server's message for one field of a failed request, or ''. */
export function fieldError(problem, field) {
  return problem?.fieldError?.(field) || '';
}

/**
 * The refusal of a form as a whole: the API's message when no field was named, else a pointer to the fields
 * (each field shows its own message beside it).
 */
export function formProblem(problem, shownFields = []) {
  if (!problem) {
    return '';
  }
  const errors = problem.problem?.errors || [];
  const unshown = errors.filter((error) => !shownFields.some((field) => error.field === field || error.field.endsWith(`.${field}`)));
  if (errors.length && !unshown.length) {
    return html`<p class="error" role="alert">Please correct the fields marked above.</p>`;
  }
  const detail = unshown.length ? unshown.map((error) => `${error.field}: ${error.message}`).join('; ') : problem.message;
  return html`<p class="error" role="alert">${problem.status === 403 ? 'You may not do this: ' : ''}${detail}</p>`;
}

/** A select of the roster's units or roles when known, else a text field: a filter. */
export function groupFilter(label, values, current, onChange) {
  if (values) {
    return html`<label>${label} <select @change=${(event) => onChange(event.target.value)}>
      <option value="" ?selected=${!current}>All</option>
      ${values.map((value) => html`<option value=${value} ?selected=${current === value}>${value}</option>`)}</select></label>`;
  }
  return html`<label>${label} <input type="search" .value=${current || ''} @change=${(event) => onChange(event.target.value.trim())}></label>`;
}

/** yyyy-mm-dd of the first day of the month, some months back. */
export function monthsBack(months) {
  const date = new Date();
  date.setUTCDate(1);
  date.setUTCMonth(date.getUTCMonth() - months);
  return date.toISOString().slice(0, 10);
}

/**
 * Keeps what the person typed in a form's fields in `values` (by field name), so that a field redrawn with the
 * server's message shows their text, not the value it was opened with: `<form @input=${keep(values)}>` and
 * `.value=${values.name}` on each field.
 */
export function keep(values) {
  return (event) => {
    const { name, type, value, checked } = event.target;
    if (name && type !== 'file') {
      values[name] = type === 'checkbox' ? checked : value;
    }
  };
}

/**
 * Copies a value shown once (a webhook's secret, a write key) to the clipboard; the button says whether it did, or
 * asks the person to select the value (`what`: "secret", "key") and copy it themselves.
 */
export async function copyShownOnce(event, value, what) {
  const button = event.target;
  try {
    await navigator.clipboard.writeText(value);
    button.textContent = 'Copied';
  } catch {
    button.textContent = `Select the ${what} and copy it`;
  }
}
