"use client";
// Puts an API error where the user is looking: on the form field it names (409/422 details)
// or, when no field matches, as one form-level message for an inline Alert.
import { useCallback, useState } from "react";
import type { FormInstance } from "antd";
import { isApiClientError } from "@/lib/ui/api-client";
import { describeError } from "@/lib/ui/error-message";

/** Statuses a form shows inline; pass them as `meta.inlineErrorStatuses` so no notification doubles them. */
export const FORM_ERROR_STATUSES = [400, 409, 422];

export function useFormApiError<Values>(form: FormInstance<Values>, fields: readonly string[]) {
  const [formError, setFormError] = useState<string | null>(null);

  const handleError = useCallback(
    (error: unknown) => {
      if (isApiClientError(error) && FORM_ERROR_STATUSES.includes(error.status)) {
        const matched = error.fieldErrors.filter((d) => fields.includes(d.field));
        if (matched.length > 0) {
          form.setFields(
            matched.map((d) => ({ name: d.field as never, errors: [fieldMessage(d.field, d.message) ?? error.message] })),
          );
          setFormError(null);
          return;
        }
      }
      setFormError(describeError(error).description);
    },
    [form, fields],
  );

  const clear = useCallback(() => setFormError(null), []);
  return { formError, handleError, clear };
}

// The API's messages read "must be at least 10 characters"; prefix the field so they stand alone.
function fieldMessage(field: string, message: string | undefined): string | undefined {
  if (!message) return undefined;
  if (!/^[a-z]/.test(message)) return message;
  const words = field.replace(/_/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} ${message}`;
}
