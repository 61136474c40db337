import { html } from 'lit';
import { LightElement } from './light-element.js';

/** Data on its way: `<up-loading label="Loading the roster…">`. */
class UpLoading extends LightElement {
  static properties = { label: {} };

  render() {
    return html`<p class="loading" role="status"><span class="spinner" aria-hidden="true"></span>${this.label || 'Loading…'}</p>`;
  }
}
customElements.define('up-loading', UpLoading);
