import { LitElement, html } from 'lit';

/**
 * A page or part of one, rendered into the light DOM so that the one style sheet applies and labels,
 * headings and landmarks form one document for assistive technology.
 */
export class Page extends LitElement {
  static properties = { error: { state: true } };

  createRenderRoot() {
    return this;
  }

  /** Runs a load, showing the API's refusal or failure in the page instead of a blank. */
  async guard(load) {
    try {
      this.error = null;
      return await load();
    } catch (failure) {
      this.error = failure;
      return undefined;
    } finally {
      // the data (or the refusal) is on screen: what the browser tests and the page timings wait for
      await this.updateComplete;
      this.setAttribute('data-loaded', '');
    }
  }

  errorBanner() {
    if (!this.error) {
      return '';
    }
    const refused = this.error.status === 403;
    return html`<p class="error" role="alert">${refused ? 'You may not see this: ' : ''}${this.error.message}</p>`;
  }
}

export function navigate(path) {
  window.history.pushState({}, '', path);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function dateTime(value) {
  return value ? new Date(value).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

export function date(value) {
  return value ? new Date(value).toLocaleDateString('en-GB', { dateStyle: 'medium' }) : '';
}

/** A status such as UNDER_REVIEW as words. */
export function words(value) {
  return value ? value.charAt(0) + value.slice(1).toLowerCase().replaceAll('_', ' ') : '';
}

/** What an assignment asks for: its module, or a test. */
export function assignmentTitle(assignment) {
  return assignment.moduleTitle || (assignment.kind === 'TEST' ? 'A skill test' : assignment.skill);
}
