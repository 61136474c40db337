import { html } from 'lit';
import { LightElement } from './light-element.js';

/** Nothing to show, said plainly: `<up-empty message="No open training." hint="…">`. */
class UpEmpty extends LightElement {
  static properties = { message: {}, hint: {} };

  render() {
    return html`<div class="empty"><p>${this.message || 'Nothing here yet.'}</p>${this.hint ? html`<p class="muted">${this.hint}</p>` : ''}</div>`;
  }
}
customElements.define('up-empty', UpEmpty);
