// Every call the pages make: same-origin, with the session cookie. The gateway relays the session's access
// token to the services, so their own rules apply. X-Requested-With marks a script's request: the gateway
// refuses cookie-authenticated writes without it (CSRF), and Quarkus answers an expired session with 499
// instead of a redirect to the sign-in page, which a script could not follow.

/** An error answer from the API, with the RFC 9457 problem (title, detail, errors per field) when there is one. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The server answered ${status}`);
    this.status = status;
    this.problem = problem || {};
  }

  /** The message for one field ("title", "items[2].userId"), if the server named it. */
  fieldError(field) {
    return (this.problem.errors || []).find((error) => error.field === field || error.field.endsWith(`.${field}`))?.message;
  }
}

async function call(method, path, body, accept = 'application/json') {
  const headers = { Accept: accept, 'X-Requested-With': 'XMLHttpRequest' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return answer(response, accept);
}

let signingOut = false;

/**
 * The person pressed "Sign out": an answer refused from now on is that session ending, not a reason to sign in again
 * (a reload then would cancel the sign-out's own navigation).
 */
export function signOutStarted() {
  signingOut = true;
}
// a page the browser brings back from its cache after the sign-out starts afresh
window.addEventListener('pageshow', (event) => {
  if (event.persisted) {
    signingOut = false;
  }
});

async function answer(response, accept) {
  if (response.status === 499 || response.status === 401) {
    // the session ended: a full navigation goes through Keycloak's sign-in and comes back here
    if (!signingOut) {
      window.location.reload();
    }
    throw new ApiError(response.status, { title: 'Signed out', detail: 'Your session ended; signing you in again' });
  }
  if (!response.ok) {
    let problem = null;
    if ((response.headers.get('Content-Type') || '').includes('json')) {
      problem = await response.json().catch(() => null);
    }
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204) {
    return null;
  }
  return accept === 'application/json' ? response.json() : response.text();
}

/** Fetches a report as CSV (the API chooses the format by Accept) and hands it to the browser as a download. */
async function download(path, name) {
  const text = await call('GET', path, undefined, 'text/csv');
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}

/** A body that is not JSON (a CSV file), posted as it is. */
async function postText(path, text, contentType) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': contentType, 'X-Requested-With': 'XMLHttpRequest' },
    credentials: 'same-origin',
    body: text,
  });
  return answer(response, 'application/json');
}

export const api = {
  download,
  postText,
  get: (path) => call('GET', path),
  post: (path, body) => call('POST', path, body),
  put: (path, body) => call('PUT', path, body),
  patch: (path, body) => call('PATCH', path, body),
  delete: (path) => call('DELETE', path),
};

/** A query string from an object, leaving out empty values. */
export function query(parameters) {
  const search = new URLSearchParams();
  Object.entries(parameters).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== '') {
      search.set(name, value);
    }
  });
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** ISO dates (yyyy-mm-dd) in UTC, as the API reads them. */
export function isoDate(date) {
  return date.toISOString().slice(0, 10);
}

export function daysAgo(days) {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() - days);
  return isoDate(date);
}

/** Monday of the current ISO week. */
export function startOfWeek() {
  const date = new Date();
  const weekday = (date.getUTCDay() + 6) % 7;
  date.setUTCDate(date.getUTCDate() - weekday);
  return isoDate(date);
}

export function startOfMonth() {
  const date = new Date();
  date.setUTCDate(1);
  return isoDate(date);
}
