import { html, nothing } from 'lit';
import { LightElement } from './light-element.js';

let fields = 0;

/**
 * One labelled form control with its hint and the server's message for it:
 * `<up-field name="title" label="Title" type="text|number|date|datetime-local|textarea|select|checkbox|file|search"
 *  .choices=${[[value, label]]} .value=${…} error=${problem?.fieldError('title')}>`.
 * The control is a real element of the enclosing form, so FormData reads it. The value is set when `value` changes,
 * never on a redraw alone, so what the person typed stays when an error appears beside it.
 */
class UpField extends LightElement {
  static properties = {
    name: {}, label: {}, type: {}, hint: {}, error: {}, value: {}, choices: { attribute: false }, required: { type: Boolean },
    min: {}, max: {}, maxlength: {}, accept: {}, placeholder: {}, checked: { type: Boolean },
  };

  constructor() {
    super();
    fields += 1;
    this.id = this.id || `field-${fields}`;
  }

  get control() {
    return this.querySelector('input, select, textarea');
  }

  render() {
    const id = `${this.id}-control`;
    const described = [this.hint ? `${this.id}-hint` : '', this.error ? `${this.id}-error` : ''].filter(Boolean).join(' ');
    const common = { id, invalid: this.error ? 'true' : 'false', described: described || undefined };
    let control;
    switch (this.type) {
      case 'textarea':
        control = html`<textarea id=${common.id} name=${this.name} rows="4" placeholder=${this.placeholder ?? ''} maxlength=${this.maxlength ?? 10000} ?required=${this.required}
          aria-invalid=${common.invalid} aria-describedby=${common.described ?? ''} .value=${this.value ?? ''}></textarea>`;
        break;
      case 'select':
        control = html`<select id=${common.id} name=${this.name} ?required=${this.required} aria-invalid=${common.invalid}
          aria-describedby=${common.described ?? ''}>
          ${this.required && this.value ? '' : html`<option value="">${this.placeholder || 'Choose…'}</option>`}
          ${(this.choices || []).map(([value, label]) => html`<option value=${value} ?selected=${String(value) === String(this.value ?? '')}>${label}</option>`)}
        </select>`;
        break;
      case 'checkbox':
        return html`<div class="field check"><input id=${common.id} type="checkbox" name=${this.name} value="true" ?checked=${this.checked}
            aria-describedby=${common.described ?? ''}><label for=${id}>${this.label}</label>
          ${this.hint ? html`<small id=${`${this.id}-hint`}>${this.hint}</small>` : ''}
          ${this.error ? html`<p class="field-error" id=${`${this.id}-error`}>${this.error}</p>` : ''}</div>`;
      default:
        control = html`<input id=${common.id} name=${this.name} type=${this.type || 'text'} ?required=${this.required}
          min=${this.min ?? ''} max=${this.max ?? ''} maxlength=${this.maxlength ?? ''} accept=${this.accept ?? ''}
          placeholder=${this.placeholder ?? ''} aria-invalid=${common.invalid} aria-describedby=${common.described ?? ''}
          .value=${this.type === 'file' ? nothing : this.value ?? ''}>`;
    }
    return html`<div class="field"><label for=${id}>${this.label}${this.required ? html`<span aria-hidden="true"> *</span>` : ''}</label>
      ${control}
      ${this.hint ? html`<small id=${`${this.id}-hint`}>${this.hint}</small>` : ''}
      ${this.error ? html`<p class="field-error" id=${`${this.id}-error`}>${this.error}</p>` : ''}</div>`;
  }
}
customElements.define('up-field', UpField);
