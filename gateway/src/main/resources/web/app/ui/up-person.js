import { html } from 'lit';
import { LightElement } from './light-element.js';
import { canReadPeople } from '../session.js';

/**
 * A person by name: `<up-person user-id="demo-008" name="Dana Diaz">`, a link to their page for those who may
 * read it. Without a name (not on the roster) the user id is all there is.
 */
class UpPerson extends LightElement {
  static properties = { userId: { attribute: 'user-id' }, name: {}, plain: { type: Boolean } };

  render() {
    const shown = this.name || this.userId || 'Someone';
    if (this.plain || !this.userId || !canReadPeople()) {
      return html`<span class="person">${shown}</span>`;
    }
    return html`<a class="person" href=${`/web/people/${encodeURIComponent(this.userId)}`}>${shown}</a>`;
  }
}
customElements.define('up-person', UpPerson);
