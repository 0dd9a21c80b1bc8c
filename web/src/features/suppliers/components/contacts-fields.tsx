import { type Control, type FieldErrors, type UseFormRegister, useFieldArray } from 'react-hook-form';
import type { SupplierCreate, SupplierCreateInput } from '#shared/schemas/suppliers.js';
import { Button } from '../../../components/ui/button.js';
import { TextField } from '../../../components/ui/field.js';

export interface ContactsFieldsProps {
  control: Control<SupplierCreateInput, unknown, SupplierCreate>;
  register: UseFormRegister<SupplierCreateInput>;
  errors: FieldErrors<SupplierCreateInput>;
  max: number;
}

/** People to reach at the supplier: one row each, added and removed freely. */
export function ContactsFields({ control, register, errors, max }: ContactsFieldsProps) {
  const { fields, append, remove } = useFieldArray({ control, name: 'contacts' });
  return (
    <div className="contacts">
      <p className="field-label" id="contacts-label">
        Contacts (optional)
      </p>
      {fields.length === 0 ? <p className="muted">No contacts yet.</p> : null}
      <ol className="contact-list" aria-labelledby="contacts-label">
        {fields.map((field, index) => {
          const rowErrors = errors.contacts?.[index];
          return (
            <li key={field.id} className="contact-row">
              <TextField
                label={`Contact ${index + 1} name`}
                autoComplete="off"
                error={rowErrors?.name?.message}
                {...register(`contacts.${index}.name`)}
              />
              <TextField
                label="Email"
                type="email"
                autoComplete="off"
                error={rowErrors?.email?.message}
                {...register(`contacts.${index}.email`)}
              />
              <TextField
                label="Phone"
                type="tel"
                autoComplete="off"
                error={rowErrors?.phone?.message}
                {...register(`contacts.${index}.phone`)}
              />
              <Button
                size="sm"
                variant="ghost"
                className="contact-remove"
                onClick={() => remove(index)}
                aria-label={`Remove contact ${index + 1}`}
              >
                Remove
              </Button>
            </li>
          );
        })}
      </ol>
      {fields.length < max ? (
        <div>
          <Button size="sm" onClick={() => append({ name: '', email: '', phone: '' })}>
            Add contact
          </Button>
        </div>
      ) : (
        <p className="muted">At most {max} contacts.</p>
      )}
    </div>
  );
}
