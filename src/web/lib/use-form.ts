import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { detailMessage } from './error-messages';
import { splitErrorDetails } from './form-errors';

export type FieldErrors<V> = Partial<Record<keyof V & string, string>>;

/**
 * Plain form state: values, the errors found before sending, and a way to move focus to the
 * first field in error so keyboard and screen-reader users land on the problem.
 */
export function useForm<V extends object>(initial: V) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState<FieldErrors<V>>({});
  const formRef = useRef<HTMLFormElement>(null);

  const setValue = useCallback(<K extends keyof V & string>(key: K, value: V[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => {
      if (!(key in current)) return current;
      const next = { ...current };
      delete next[key];
      return next;
    });
  }, []);

  const focusFirstError = useCallback(() => {
    requestAnimationFrame(() => {
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    });
  }, []);

  /** Sets the errors found before sending; true when there are none. */
  const check = useCallback(
    (found: FieldErrors<V>) => {
      setErrors(found);
      const ok = Object.keys(found).length === 0;
      if (!ok) focusFirstError();
      return ok;
    },
    [focusFirstError],
  );

  return { values, setValues, setValue, errors, check, formRef, focusFirstError };
}

/** Field messages from a 400 answer, for the fields this form shows. */
export function useServerFieldErrors<F extends string>(
  error: unknown,
  fields: readonly F[],
): Partial<Record<F, string>> {
  const { t } = useTranslation();
  return useMemo(() => {
    const split = splitErrorDetails(error, fields);
    const messages: Partial<Record<F, string>> = {};
    for (const field of fields) {
      const detail = split.fields[field];
      if (detail) messages[field] = detailMessage(t, detail);
    }
    return messages;
  }, [error, fields, t]);
}
