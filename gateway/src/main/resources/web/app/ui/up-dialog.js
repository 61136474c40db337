import { html } from 'lit';
import { LightElement } from './light-element.js';

let dialogs = 0;

/**
 * A modal dialog (the browser's own `<dialog>`: focus kept inside, Escape closes): `<up-dialog heading="…"
 * ?open=${…} .body=${template} @close=${…}>`. Fires `close` when the person closes it.
 */
class UpDialog extends LightElement {
  static properties = { heading: {}, open: { type: Boolean }, body: { attribute: false } };

  constructor() {
    super();
    dialogs += 1;
    this.headingId = `dialog-${dialogs}`;
  }

  updated() {
    const dialog = this.querySelector('dialog');
    if (this.open && !dialog.open) {
      dialog.showModal();
    } else if (!this.open && dialog.open) {
      dialog.close();
    }
  }

  close() {
    this.open = false;
    this.dispatchEvent(new CustomEvent('close', { bubbles: true }));
  }

  render() {
    return html`<dialog aria-labelledby=${this.headingId} @cancel=${(event) => { event.preventDefault(); this.close(); }}>
      <div class="dialog-head"><h2 id=${this.headingId}>${this.heading}</h2>
        <button type="button" class="link" @click=${() => this.close()}>Close</button></div>
      ${this.open ? this.body : ''}
    </dialog>`;
  }
}
customElements.define('up-dialog', UpDialog);
