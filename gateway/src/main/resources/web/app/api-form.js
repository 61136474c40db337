import { html } from 'lit';
import { Page } from './page.js';
import { api } from './api.js';

/**
 * A form that posts JSON to the API and shows the server's problem details beside each field it names.
 * Set `.fields` (name, label, kind: text|number|textarea|select|date|datetime, choices, read: value → JSON),
 * `.path`, `.heading` and `.submitLabel`; it fires `created` with the server's answer.
 */
class ApiForm extends Page {
  static properties = { fields: { attribute: false }, path: {}, heading: {}, submitLabel: { attribute: 'submit-label' },
    problem: { state: true }, done: { state: true } };

  async send(event) {
    event.preventDefault();
    const data = new FormData(event.target);
    const body = {};
    this.fields.forEach((field) => {
      const raw = data.get(field.name);
      const value = raw === null || raw === '' ? null : raw;
      body[field.name] = field.read ? field.read(value) : value;
    });
    try {
      const created = await api.post(this.path, body);
      this.problem = null;
      this.done = `${this.heading}: done.`;
      event.target.reset();
      this.dispatchEvent(new CustomEvent('created', { detail: created, bubbles: true }));
    } catch (failure) {
      this.problem = failure;
      this.done = null;
    }
  }

  control(field, id, invalid) {
    const described = invalid ? `${id}-error` : '';
    switch (field.kind) {
      case 'textarea':
        return html`<textarea id=${id} name=${field.name} rows="4" aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${described}></textarea>`;
      case 'select':
        return html`<select id=${id} name=${field.name} aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${described}>
          <option value="">Choose…</option>${(field.choices || []).map(([value, label]) => html`<option value=${value}>${label}</option>`)}</select>`;
      default:
        return html`<input id=${id} name=${field.name} type=${{ number: 'number', date: 'date', datetime: 'datetime-local' }[field.kind] || 'text'}
          aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${described}>`;
    }
  }

  render() {
    const prefix = this.path.replace(/\W+/g, '-');
    const errors = this.problem?.problem?.errors || [];
    const named = new Set(this.fields.map((field) => field.name));
    const elsewhere = errors.filter((error) => !named.has(error.field) && ![...named].some((name) => error.field.endsWith(`.${name}`)));
    return html`
      <form novalidate @submit=${(event) => this.send(event)}>
        ${this.fields.map((field) => {
          const id = `${prefix}-${field.name}`;
          const message = this.problem?.fieldError(field.name);
          return html`<div class="field"><label for=${id}>${field.label}</label>${this.control(field, id, Boolean(message))}
            ${field.hint ? html`<small>${field.hint}</small>` : ''}
            ${message ? html`<p class="field-error" id=${`${id}-error`}>${message}</p>` : ''}</div>`;
        })}
        <button type="submit">${this.submitLabel}</button>
      </form>
      ${this.problem ? html`<p class="error" role="alert">${errors.length === 0 ? this.problem.message
        : elsewhere.length === 0 ? 'Please correct the fields above.'
        : `Please correct: ${elsewhere.map((error) => `${error.field} ${error.message}`).join('; ')}`}</p>` : ''}
      ${this.done ? html`<p class="ok" role="status">${this.done}</p>` : ''}`;
  }
}
customElements.define('api-form', ApiForm);

const list = (value) => (value ? value.split(',').map((part) => part.trim()).filter(Boolean) : []);
const lines = (value) => (value ? value.split('\n').map((part) => part.trim()).filter(Boolean) : null);
const number = (value) => (value === null ? null : Number(value));

/** The forms of the catalogue: skills, questions, modules and tests. */
export function catalogueForms(skills) {
  const skillChoices = skills.map((skill) => [skill.code, skill.name]);
  return [
    { heading: 'Add a skill', path: '/api/training/skills', submit: 'Add the skill', fields: [
      { name: 'code', label: 'Code', hint: 'lower-case words with dots or dashes, such as pipeline' },
      { name: 'name', label: 'Name' }, { name: 'description', label: 'Description' }] },
    { heading: 'Add a question', path: '/api/training/questions', submit: 'Add the question', fields: [
      { name: 'skill', label: 'Skill', kind: 'select', choices: skillChoices },
      { name: 'type', label: 'Type', kind: 'select', choices: [['SINGLE', 'One right option'], ['MULTIPLE', 'Several right options'],
        ['ORDER', 'Put in order'], ['NUMBER', 'A number']] },
      { name: 'prompt', label: 'Question', kind: 'textarea' },
      { name: 'options', label: 'Options, one per line', kind: 'textarea', read: (value) => lines(value) || [] },
      { name: 'answer', label: 'Answer', hint: 'one: the option number from 0; several or an order: numbers separated by commas; a number: the value',
        read: (value) => (value === null ? null : value.includes(',') ? list(value).map(Number) : Number(value)) },
      { name: 'tolerance', label: 'Tolerance (numbers only)', kind: 'number', read: number },
      { name: 'difficulty', label: 'Difficulty (1–5)', kind: 'number', read: number }] },
    { heading: 'Add a module', path: '/api/training/modules', submit: 'Add the module', fields: [
      { name: 'title', label: 'Title' },
      { name: 'skills', label: 'Skills it covers (codes, separated by commas)', read: list },
      { name: 'mode', label: 'Mode', kind: 'select', choices: [['ELEARNING', 'eLearning'], ['INSTRUCTOR_LED', 'Instructor-led']] },
      { name: 'durationMinutes', label: 'Duration (minutes)', kind: 'number', read: number },
      { name: 'url', label: 'Link (eLearning)' }] },
    { heading: 'Add a test', path: '/api/training/tests', submit: 'Add the test', fields: [
      { name: 'name', label: 'Name' },
      { name: 'blueprint', label: 'Questions per skill, one "skill: count" per line', kind: 'textarea',
        read: (value) => (lines(value) || []).map((line) => ({ skill: line.split(':')[0].trim(), questions: Number(line.split(':')[1]) })) },
      { name: 'timeLimitMinutes', label: 'Time limit (minutes)', kind: 'number', read: number },
      { name: 'passMark', label: 'Pass mark (%)', kind: 'number', read: number },
      { name: 'retakeAfterHours', label: 'Retake after (hours)', kind: 'number', read: number },
      { name: 'audience', label: 'Business units it is open to (commas; empty: everyone)', read: (value) => ({ businessUnits: list(value), jobRoles: [] }) }] },
  ];
}

/** The form that schedules a session of an instructor-led module. */
export function sessionForm(modules) {
  return { heading: 'Add a session', path: '/api/training/sessions', submit: 'Add the session', fields: [
    { name: 'moduleId', label: 'Module', kind: 'select', choices: modules.filter((module) => module.mode === 'INSTRUCTOR_LED')
      .map((module) => [module.id, module.title]) },
    { name: 'startsAt', label: 'Starts', kind: 'datetime', read: (value) => (value ? new Date(value).toISOString() : null) },
    { name: 'location', label: 'Where' },
    { name: 'capacity', label: 'Seats', kind: 'number', read: number }] };
}
