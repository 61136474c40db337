// Who is signed in: written into the page by the gateway (from the session's access token), so the first
// paint needs no extra request. Roles decide which pages are offered; the API decides what is shown.
const element = document.getElementById('uptake-me');
export const me = element ? JSON.parse(element.textContent) : { username: '?', roles: [] };

export function hasRole(...roles) {
  return roles.some((role) => me.roles.includes(role));
}

export const canReadAdoption = () => hasRole('manager', 'executive', 'admin');
/** Managers (their unit), HR, executives and admins may open a person's page. */
export const canReadPeople = () => hasRole('manager', 'hr', 'executive', 'admin');
export const isManager = () => hasRole('manager');
export const isExecutive = () => hasRole('executive');
export const isHr = () => hasRole('hr');
export const isAdmin = () => hasRole('admin');
