import { get, set, type FieldError, type FieldErrors, type Resolver } from "react-hook-form";
import { checkComposeForm, type ComposeContext, type ComposeFormValues } from "@/lib/messages/compose-form";

/**
 * The compose form's resolver: the shared rules (the server checks the same ones), no schema library. The first
 * problem of each field is shown, and a problem with a whole list (`variables`) sits at its `root`, where
 * react-hook-form looks for a field array's own error, beside the errors of its rows.
 */
export function composeResolver(context: ComposeContext): Resolver<ComposeFormValues> {
  return (values) => {
    const errors: FieldErrors<ComposeFormValues> = {};
    checkComposeForm(values, context, (path, message) => {
      const error: FieldError = { type: "custom", message };
      const list = path.length === 1 && Array.isArray(get(values, String(path[0])));
      const at = list ? `${path[0]}.root` : path.join(".");
      if (get(errors, at) === undefined) set(errors, at, error);
    });
    return Object.keys(errors).length === 0 ? { values, errors: {} } : { values: {}, errors };
  };
}
