'use client';

import {
  get,
  useForm,
  type FieldValues,
  type Path,
  type RegisterOptions,
  type UseFormProps,
  type UseFormRegisterReturn,
} from 'react-hook-form';

/** What a field's registration spreads onto its input, with the default the server renders. */
export type FilledField<Name extends string = string> = UseFormRegisterReturn<Name> & {
  defaultValue?: string | number;
  defaultChecked?: boolean;
};

/** A radio's or a group's box's registration: its own value, ticked when the form's default holds it. */
export type RegisterChoice<TFieldValues extends FieldValues> = <Name extends Path<TFieldValues>>(
  name: Name,
  value: string,
  options?: RegisterOptions<TFieldValues, Name>,
) => UseFormRegisterReturn<Name> & { value: string; defaultChecked: boolean };

/** Whether the box or radio of `value` starts ticked, for a default that is one value or a list. */
export function tickedByDefault(chosen: unknown, value: string): boolean {
  return Array.isArray(chosen) ? chosen.includes(value) : chosen === value;
}

/**
 * useForm whose fields show their defaults in the server's HTML. react-hook-form fills its fields
 * only once React runs in the browser, so an edit form showed empty fields and unticked boxes until
 * then (seconds on a slow phone, behind ClientForm's gate). `register` gives a text field, a select
 * or a single box its default; a radio or a box of a group (several inputs of one name, each with
 * its own value) registers with `registerChoice`, which knows the input's value.
 */
export function useFilledForm<TFieldValues extends FieldValues, TContext = unknown, TTransformedValues = TFieldValues>(
  props: UseFormProps<TFieldValues, TContext, TTransformedValues>,
) {
  const form = useForm<TFieldValues, TContext, TTransformedValues>(props);
  const defaults: unknown = typeof props.defaultValues === 'function' ? undefined : props.defaultValues;

  const register = <Name extends Path<TFieldValues>>(name: Name, options?: RegisterOptions<TFieldValues, Name>): FilledField<Name> => {
    const registered = form.register(name, options);
    const value: unknown = get(defaults, name);
    if (typeof value === 'boolean') return { ...registered, defaultChecked: value };
    if (typeof value === 'string' || typeof value === 'number') return { ...registered, defaultValue: value };
    return registered;
  };

  const registerChoice: RegisterChoice<TFieldValues> = (name, value, options) => ({
    ...form.register(name, options),
    value,
    defaultChecked: tickedByDefault(get(defaults, name), value),
  });

  return { ...form, register, registerChoice };
}
