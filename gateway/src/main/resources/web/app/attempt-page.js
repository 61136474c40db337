import { html } from 'lit';
import { Page } from './page.js';
import { words, date, assignmentTitle, assignmentReason } from './format.js';
import { loadCharts } from './charts-loader.js';
import { api } from './api.js';
import { skillNames } from './labels.js';

/**
 * Taking a test. The attempt lives on the server: every answer is saved as it is given, the countdown runs
 * to the server's deadline, and a reload (the address holds the attempt) comes back to the saved answers.
 */
class AttemptPage extends Page {
  static loadOn = ['attemptId'];

  static properties = {
    attemptId: { attribute: 'attempt-id' }, attempt: { state: true }, saved: { state: true }, remaining: { state: true },
    confirming: { state: true }, result: { state: true }, fieldErrors: { state: true },
  };

  constructor() {
    super();
    this.saved = {};
    this.fieldErrors = {};
  }

  connectedCallback() {
    super.connectedCallback();
    document.title = 'Test · Uptake';
    this.timer = setInterval(() => this.tick(), 1000);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearInterval(this.timer);
  }

  async load() {
    await this.guard(async () => {
      const [attempt, names] = await Promise.all([api.get(`/api/training/attempts/${this.attemptId}`), skillNames().catch(() => new Map())]);
      this.attempt = attempt;
      this.names = names;
      this.result = this.attempt.result;
      this.attempt.questions.forEach((question) => {
        if (question.answer !== null && question.answer !== undefined) {
          this.saved = { ...this.saved, [question.id]: 'saved' };
        }
      });
      this.tick();
    });
  }

  skillName(code) {
    return this.names?.get(code) || code;
  }

  tick() {
    if (!this.attempt || this.result) {
      return;
    }
    const left = Math.max(0, Math.round((new Date(this.attempt.deadline).getTime() - Date.now()) / 1000));
    this.remaining = left;
    if (left === 0 && !this.submitting) {
      this.submit(); // time is up: the server scores what was saved
    }
  }

  async answer(question, value) {
    question.answer = value;
    this.saved = { ...this.saved, [question.id]: 'saving' };
    try {
      await api.put(`/api/training/attempts/${this.attemptId}/answers/${question.id}`, { answer: value });
      this.saved = { ...this.saved, [question.id]: 'saved' };
      this.fieldErrors = { ...this.fieldErrors, [question.id]: null };
    } catch (failure) {
      this.saved = { ...this.saved, [question.id]: 'failed' };
      this.fieldErrors = { ...this.fieldErrors, [question.id]: failure.fieldError('answer') || failure.message };
    }
  }

  async submit() {
    this.submitting = true;
    this.confirming = false;
    await this.guard(async () => {
      this.result = await api.post(`/api/training/attempts/${this.attemptId}/submit`);
    });
    this.submitting = false;
  }

  move(question, from, to) {
    const order = [...(question.answer || question.options.map((option) => option.id))];
    if (to < 0 || to >= order.length) {
      return;
    }
    const [moved] = order.splice(from, 1);
    order.splice(to, 0, moved);
    this.answer(question, order);
    this.requestUpdate();
  }

  renderQuestion(question, index) {
    const name = `q-${question.id}`;
    const state = this.saved[question.id];
    const input = {
      SINGLE: () => html`<div role="radiogroup" aria-labelledby=${`${name}-prompt`}>${question.options.map((option) => html`
        <label class="choice"><input type="radio" name=${name} .checked=${question.answer === option.id}
          @change=${() => this.answer(question, option.id)}> ${option.text}</label>`)}</div>`,
      MULTIPLE: () => html`<div role="group" aria-labelledby=${`${name}-prompt`}>${question.options.map((option) => html`
        <label class="choice"><input type="checkbox" .checked=${(question.answer || []).includes(option.id)}
          @change=${(event) => {
            const chosen = new Set(question.answer || []);
            event.target.checked ? chosen.add(option.id) : chosen.delete(option.id);
            this.answer(question, question.options.map((candidate) => candidate.id).filter((id) => chosen.has(id)));
          }}> ${option.text}</label>`)}</div>`,
      ORDER: () => {
        const byId = Object.fromEntries(question.options.map((option) => [option.id, option]));
        const order = question.answer || question.options.map((option) => option.id);
        return html`<ol class="order" aria-labelledby=${`${name}-prompt`}>${order.map((id, position) => html`
          <li draggable="true" data-option=${id}
            @dragstart=${(event) => event.dataTransfer.setData('text/plain', String(position))}
            @dragover=${(event) => event.preventDefault()}
            @drop=${(event) => { event.preventDefault(); this.move(question, Number(event.dataTransfer.getData('text/plain')), position); }}>
            <span>${byId[id].text}</span>
            <button type="button" aria-label=${`Move “${byId[id].text}” up`} ?disabled=${position === 0}
              @click=${() => this.move(question, position, position - 1)}>↑</button>
            <button type="button" aria-label=${`Move “${byId[id].text}” down`} ?disabled=${position === order.length - 1}
              @click=${() => this.move(question, position, position + 1)}>↓</button>
          </li>`)}</ol>`;
      },
      NUMBER: () => html`<label>Your answer <input type="number" step="any" .value=${question.answer ?? ''}
        @change=${(event) => event.target.value !== '' && this.answer(question, Number(event.target.value))}></label>`,
    }[question.type];
    return html`
      <fieldset class="question" data-question=${question.id}>
        <legend id=${`${name}-prompt`}>${index + 1}. ${question.prompt}</legend>
        ${input ? input() : html`<p>Unknown question type ${question.type}</p>`}
        <p class="save-state" aria-live="polite" data-state=${state || 'unanswered'}>
          ${state === 'saved' ? '✓ Saved' : state === 'saving' ? 'Saving…' : state === 'failed' ? 'Not saved' : ''}</p>
        ${this.fieldErrors[question.id] ? html`<p class="field-error" role="alert">${this.fieldErrors[question.id]}</p>` : ''}
      </fieldset>`;
  }

  renderResult() {
    const scores = this.result.skillScores || [];
    return html`
      <h1>Your result: ${this.result.passed ? 'passed' : 'not passed yet'}</h1>
      <figure>
        <div id="skill-chart" class="chart" role="img" aria-label="Score per skill against its pass mark"></div>
        <figcaption>
          <table>
            <caption>Score per skill</caption>
            <thead><tr><th scope="col">Skill</th><th scope="col">Score</th><th scope="col">Pass mark</th><th scope="col">Passed</th></tr></thead>
            <tbody>${scores.map((skill) => html`<tr><td>${this.skillName(skill.skill)}</td><td>${skill.score}</td><td>${skill.passMark}</td>
              <td>${skill.passed ? 'Yes' : 'No'}</td></tr>`)}</tbody>
          </table>
        </figcaption>
      </figure>
      <h2>Retraining assigned</h2>
      ${(this.result.assignments || []).length === 0 ? html`<p>None: every skill reached its pass mark.</p>` : html`<ul class="list">
        ${this.result.assignments.map((assignment) => html`<li data-testid="assignment"><strong>${assignmentTitle(assignment)}</strong>
          (${words(assignment.mode)}), due ${date(assignment.dueOn)}. Why: ${assignmentReason(assignment)}</li>`)}</ul>`}
      <p><a href="/web/">Back home</a></p>`;
  }

  updated(changed) {
    if (changed.has('result') && this.result) {
      this.chart(this.result.skillScores || []);
    }
  }

  async chart(scores) {
    const element = this.querySelector('#skill-chart');
    if (!element || scores.length === 0) {
      return;
    }
    const { drawBars } = await loadCharts();
    drawBars(element, scores.map((skill) => this.skillName(skill.skill)), [
      { name: 'Score', data: scores.map((skill) => skill.score) },
      { name: 'Pass mark', data: scores.map((skill) => skill.passMark), type: 'line' },
    ]);
  }

  render() {
    if (this.result) {
      return this.renderResult();
    }
    if (!this.attempt) {
      return html`${this.errorBanner()}<p>Loading the test…</p>`;
    }
    const minutes = Math.floor((this.remaining ?? 0) / 60);
    const seconds = String((this.remaining ?? 0) % 60).padStart(2, '0');
    const answered = this.attempt.questions.filter((question) => this.saved[question.id] === 'saved').length;
    return html`
      <h1>Test</h1>
      ${this.errorBanner()}
      <p class="countdown" role="timer" aria-live="off">Time left: <strong data-testid="countdown">${minutes}:${seconds}</strong></p>
      <form @submit=${(event) => { event.preventDefault(); this.confirming = true; }}>
        ${this.attempt.questions.map((question, index) => this.renderQuestion(question, index))}
        <p>${answered} of ${this.attempt.questions.length} answered.</p>
        ${this.confirming ? html`
          <div role="alertdialog" aria-labelledby="confirm-title" class="confirm">
            <p id="confirm-title">Submit your answers? You cannot change them afterwards.</p>
            <button type="button" @click=${() => this.submit()}>Yes, submit</button>
            <button type="button" @click=${() => { this.confirming = false; }}>Keep answering</button>
          </div>` : html`<button type="submit">Submit</button>`}
      </form>`;
  }
}
customElements.define('attempt-page', AttemptPage);
