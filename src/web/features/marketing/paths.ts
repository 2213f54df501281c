/** The marketing host's two pages. */
export const HOME_PATH = '/';
export const SIGNUP_PATH = '/signup';
