/**
 * What a form's server action was given, as form data. Actions are public endpoints: a call made by hand may post a
 * JSON value, or nothing, where the page posts a form. It then reads as an empty form, which the action's own checks
 * refuse field by field, instead of failing on `form.get` (a 500).
 */
export function formInput(form: unknown): FormData {
  return form instanceof FormData ? form : new FormData();
}
